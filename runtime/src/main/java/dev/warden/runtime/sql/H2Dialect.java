package dev.warden.runtime.sql;

import java.sql.Types;
import java.util.Locale;

/**
 * H2: the standard {@code OFFSET ... FETCH} clause, unquoted names stored in upper case, and {@code NULL} as the
 * type of a null whose type is unknown.
 */
final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {}

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public SqlFragment paging(long offset, int limit) {
        SqlChecks.requirePage(offset, limit);
        return SqlFragment.builder().sql("OFFSET ").value(offset, Long.class)
                .sql(" ROWS FETCH NEXT ").value(limit, Integer.class).sql(" ROWS ONLY").build();
    }

    @Override
    public String[] generatedKeyColumns(String keyColumn) {
        return new String[] {keyColumn.toUpperCase(Locale.ROOT)};
    }

    @Override
    public int sqlType(Class<?> javaType) {
        int type = Dialect.super.sqlType(javaType);
        return type == Types.OTHER ? Types.NULL : type;
    }

    @Override
    public String toString() {
        return "Dialect[H2]";
    }
}
