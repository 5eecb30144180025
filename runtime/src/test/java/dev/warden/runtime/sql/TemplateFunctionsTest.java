package dev.warden.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.data.Sales;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Template functions ({@code {lower({a}.name)}}): parsed with the template, rendered by each dialect. */
class TemplateFunctionsTest {

    @Test
    void eachDialectRendersTheFunctionsAroundTheirArgument() {
        SqlTemplate template = SqlTemplate.of("{a}.name IS NOT NULL AND {lower({a}.name)} LIKE ?",
                SqlParam.constant("%ab%", String.class));

        String h2 = template.render("t", Sales.accountManager(50), Dialect.h2()).orElseThrow().sql();
        String pg = template.render("t", Sales.accountManager(50), Dialect.postgreSql()).orElseThrow().sql();

        assertEquals("t.name IS NOT NULL AND REPLACE(LOWER(REPLACE(TRANSLATE(t.name, 'IJĮÌÍĨ', 'ijįìíĩ'), 'İ', 'i̇')),"
                + " 'ς', 'σ') LIKE ?", h2);
        assertEquals("t.name IS NOT NULL AND REPLACE(LOWER(t.name COLLATE \"und-x-icu\"), 'ς', 'σ') LIKE ?", pg);
        assertEquals(h2, template.render("t", Sales.accountManager(50), Dialect.h2()).orElseThrow().sql(),
                "the second rendering for a dialect is the cached one");
    }

    @Test
    void argumentsMayHoldParametersAndOtherFunctionsAndKeepTheirOrder() {
        SqlTemplate template = SqlTemplate.of("EXTRACT({isoweek} FROM ({a}.at AT TIME ZONE ?)) = ? AND {length({lower({a}.s)})} > ?",
                SqlParam.constant("UTC", String.class), SqlParam.constant(1, Integer.class),
                SqlParam.constant(2, Integer.class));

        SqlFragment pg = template.render("t", Sales.accountManager(50), Dialect.postgreSql()).orElseThrow();
        SqlFragment h2 = template.render("t", Sales.accountManager(50), Dialect.h2()).orElseThrow();

        assertEquals("EXTRACT(WEEK FROM (t.at AT TIME ZONE ?)) = ? AND CHAR_LENGTH(REPLACE(LOWER(t.s COLLATE"
                + " \"und-x-icu\"), 'ς', 'σ')) > ?", pg.sql());
        assertTrue(h2.sql().startsWith("EXTRACT(ISO_WEEK FROM (t.at AT TIME ZONE ?)) = ? AND CHAR_LENGTH(REGEXP_REPLACE("),
                h2.sql());
        assertEquals(List.of("UTC", 1, 2), pg.values());
        assertEquals(List.of("UTC", 1, 2), h2.values());
    }

    @Test
    void theDefaultDialectFunctionsAreStandardSql() {
        Dialect plain = new Dialect() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public SqlFragment paging(long offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String[] generatedKeyColumns(String keyColumn) {
                return new String[] {keyColumn};
            }
        };
        assertEquals("REPLACE(LOWER(x), 'ς', 'σ')", plain.sqlFunction("lower", "x"));
        assertEquals("CHAR_LENGTH(x)", plain.sqlFunction("length", "x"));
        assertEquals("WEEK", plain.sqlFunction("isoweek", null));
    }

    @Test
    void unknownFunctionsAndWrongArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Dialect.h2().sqlFunction("upper", "x"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.h2().sqlFunction("lower", null));
        assertThrows(IllegalArgumentException.class, () -> Dialect.postgreSql().sqlFunction("isoweek", "x"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.postgreSql().sqlFunction(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{upper({a}.name)} = ?",
                SqlParam.constant("X", String.class)), "checked when the template is made");
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{isoweek({a}.at)} = ?",
                SqlParam.constant(1, Integer.class)));
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{b}.owner = TRUE"));
    }

    @Test
    void bracesMustBelongToTheAliasOrToAClosedFunction() {
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{lower({a}.name) = ?",
                SqlParam.constant("x", String.class)), "not closed with )}");
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{Lower({a}.name)} = ?",
                SqlParam.constant("x", String.class)), "function names are lower case");
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{lower({a}.name)}} = ?",
                SqlParam.constant("x", String.class)));
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{lower({a}.name) = ?)}",
                SqlParam.constant("x", String.class)), "the ? inside the argument counts: two of them");
        SqlTemplate quoted = SqlTemplate.of("{lower({a}.name)} = '{x}' AND {a}.n = ?", SqlParam.constant("x", String.class));
        assertEquals("CHAR_LENGTH(t.n)", SqlTemplate.of("{length({a}.n)} > ?", SqlParam.constant(1, Integer.class))
                .render("t", Sales.accountManager(50), Dialect.postgreSql()).orElseThrow().sql().replace(" > ?", ""));
        assertTrue(quoted.render("t", Sales.accountManager(50), Dialect.h2()).orElseThrow().sql().contains("'{x}'"),
                "braces inside quotes are text");
        assertFalse(TemplateFunctions.present("{a}.name = ? AND {a}_1.x = '{lower(y)}'"));
        assertTrue(TemplateFunctions.present("{isoweek}"));
    }
}
