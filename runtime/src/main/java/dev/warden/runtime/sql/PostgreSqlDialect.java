package dev.warden.runtime.sql;

import java.sql.Types;
import java.util.Locale;

/**
 * PostgreSQL: {@code LIMIT ... OFFSET}, unquoted names stored in lower case, no {@code TINYINT}, and
 * {@code OTHER} (an unspecified type the server infers) for a null whose type is unknown.
 */
final class PostgreSqlDialect implements Dialect {
    static final PostgreSqlDialect INSTANCE = new PostgreSqlDialect();

    private PostgreSqlDialect() {}

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SqlFragment paging(long offset, int limit) {
        SqlChecks.requirePage(offset, limit);
        return SqlFragment.builder().sql("LIMIT ").value(limit, Integer.class)
                .sql(" OFFSET ").value(offset, Long.class).build();
    }

    @Override
    public String[] generatedKeyColumns(String keyColumn) {
        return new String[] {keyColumn.toLowerCase(Locale.ROOT)};
    }

    @Override
    public int sqlType(Class<?> javaType) {
        int type = Dialect.super.sqlType(javaType);
        return type == Types.TINYINT ? Types.SMALLINT : type;
    }

    @Override
    public String toString() {
        return "Dialect[PostgreSQL]";
    }
}
