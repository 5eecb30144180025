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
    public String nextValue(String sequence) {
        return "NEXT VALUE FOR " + SqlChecks.requireTable(sequence);
    }

    @Override
    public int sqlType(Class<?> javaType) {
        int type = Dialect.super.sqlType(javaType);
        return type == Types.OTHER ? Types.NULL : type;
    }

    /**
     * H2's {@code LOWER} is Java's {@code toLowerCase()} in the JVM's default locale, which lower-cases {@code I}
     * to a dotless {@code ı} in Turkish and Azeri, and dots {@code I}, {@code J} and {@code Į} in Lithuanian. The
     * letters those locales treat specially are first mapped as the root locale maps them ({@code TRANSLATE},
     * {@code İ} to {@code i̇}), which makes the result the root locale's in every locale. H2 counts characters in
     * UTF-16 code units, so {@code length} first replaces each character above U+FFFF with one that is not. The ISO
     * week is H2's {@code ISO_WEEK} ({@code WEEK} follows the JVM's locale).
     */
    @Override
    public String sqlFunction(String name, String argument) {
        switch (TemplateFunctions.require(name, argument)) {
            case "lower":
                return "REPLACE(LOWER(REPLACE(TRANSLATE(" + argument + ", 'IJĮÌÍĨ', 'ijįìíĩ'), 'İ', 'i̇')), 'ς', 'σ')";
            case "length":
                return "CHAR_LENGTH(REGEXP_REPLACE(" + argument + ", '[\\x{10000}-\\x{10FFFF}]', '_'))";
            default:
                return "ISO_WEEK";
        }
    }

    @Override
    public String toString() {
        return "Dialect[H2]";
    }
}
