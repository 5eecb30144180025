package dev.warden.runtime.sql;

import java.sql.Types;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /**
     * PostgreSQL's {@code LOWER} follows the collation's character classification: ASCII only for {@code "C"}, the
     * C library's per-character mapping for other libc collations (which lower-cases {@code İ} to {@code i} and never
     * gives {@code ς}). The ICU root collation {@code "und-x-icu"} lower-cases as the root locale does, so
     * {@code lower} uses it explicitly, whatever the column's collation: the server must be built with ICU, as the
     * PostgreSQL packages of the common distributions are. {@code CHAR_LENGTH} counts code points and {@code WEEK}
     * is the ISO week, so those are the defaults.
     */
    @Override
    public String sqlFunction(String name, String argument) {
        if (TemplateFunctions.require(name, argument).equals("lower")) {
            return "REPLACE(LOWER(" + argument + " COLLATE \"und-x-icu\"), 'ς', 'σ')";
        }
        return Dialect.super.sqlFunction(name, argument);
    }

    /**
     * PostgreSQL reads a numeric zone the POSIX way, positive west of Greenwich ({@code AT TIME ZONE '+05:30'} is
     * UTC-5:30), so a fixed offset is bound with the opposite sign; region ids ({@code Europe/Amsterdam}) are bound
     * as they are, and a zero offset as {@code UTC}.
     */
    @Override
    public String timeZoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (!(normalized instanceof ZoneOffset)) {
            return normalized.getId();
        }
        ZoneOffset offset = (ZoneOffset) normalized;
        if (offset.getTotalSeconds() == 0) {
            return "UTC";
        }
        return ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
    }

    @Override
    public String toString() {
        return "Dialect[PostgreSQL]";
    }
}
