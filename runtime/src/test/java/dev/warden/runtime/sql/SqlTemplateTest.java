package dev.warden.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.Sales;
import dev.warden.runtime.data.Sales.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {
    private static final Dialect H2 = Dialect.h2();

    @Test
    void rendersTheAliasAndBindsTheParameters() {
        SqlTemplate template = SqlTemplate.of("EXISTS (SELECT 1 FROM customers {a}_1 WHERE {a}_1.id = {a}.customer_id "
                + "AND {a}_1.account_manager = ?) AND {a}.status = ?", SqlParam.currentUser(),
                SqlParam.constant("DRAFT", Status.class));

        SqlFragment sql = template.render("o", Sales.accountManager(50), H2).orElseThrow();

        assertEquals("EXISTS (SELECT 1 FROM customers o_1 WHERE o_1.id = o.customer_id AND o_1.account_manager = ?) "
                + "AND o.status = ?", sql.sql());
        assertEquals(List.of(50L, "DRAFT"), sql.values());
        assertEquals(List.of(Long.class, Status.class), sql.types());
    }

    @Test
    void userRolesAreFoldedToLiteralsAndNotBound() {
        SqlTemplate template = SqlTemplate.of("{a}.total >= ? OR ?",
                SqlParam.constant(new BigDecimal("1000"), BigDecimal.class), SqlParam.userRole("Supervisor"));

        SqlFragment supervisor = template.render("t", Sales.supervisor(), H2).orElseThrow();
        SqlFragment auditor = template.render("t", Sales.auditor(), H2).orElseThrow();

        assertEquals("t.total >= ? OR TRUE", supervisor.sql());
        assertEquals("t.total >= ? OR FALSE", auditor.sql());
        assertEquals(List.of(new BigDecimal("1000")), auditor.values());
    }

    @Test
    void aMissingValueDropsTheTemplate() {
        SqlTemplate byUser = SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser());
        SqlTemplate byRegion = SqlTemplate.of("{a}.region = ?", SqlParam.token("Region", String.class));

        assertEquals(Optional.empty(), byUser.render("t", Sales.visitor(), H2), "an anonymous user has no id");
        assertEquals(Optional.empty(), byRegion.render("t", Sales.rep(1), H2), "no Region attribute");
        assertEquals(List.of("North"), byRegion.render("t", Sales.rep(1, "North"), H2).orElseThrow().values());
        assertEquals(Optional.empty(), byRegion.render("t", Sales.stranger(), H2), "a denying context has no tokens");
    }

    @Test
    void parametersAreCountedOutsideQuotesOnly() {
        assertEquals(1, SqlTemplate.of("{a}.note = '?' AND {a}.\"odd?name\" = ?", SqlParam.currentUser())
                .params().size());
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{a}.owner = ?"));
        assertThrows(IllegalArgumentException.class,
                () -> SqlTemplate.of("{a}.owner = ? AND {a}.x = ?", SqlParam.currentUser()));
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{a}.note = 'unclosed"));
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of("{b}.owner = TRUE"), "an unknown marker");
        assertThrows(IllegalArgumentException.class, () -> SqlTemplate.of(" "));
    }

    @Test
    void theAliasMustBeAPlainIdentifier() {
        SqlTemplate template = SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser());
        SecurityContext rep = Sales.rep(1);

        for (String alias : List.of("t; DROP TABLE orders", "1t", "t.x", "", "t--", "\"t\"", "t ", "tä")) {
            assertThrows(IllegalArgumentException.class, () -> template.render(alias, rep, H2), alias);
        }
        assertTrue(template.render("_order_2", rep, H2).isPresent());
    }

    @Test
    void numberConstantsAreConvertedExactly() {
        assertEquals(5L, value(SqlParam.constant(new BigDecimal("5"), Long.class)));
        assertEquals(5, value(SqlParam.constant(new BigDecimal("5"), int.class)));
        assertEquals((short) 5, value(SqlParam.constant(new BigDecimal("5"), Short.class)));
        assertEquals((byte) 5, value(SqlParam.constant(new BigDecimal("5"), Byte.class)));
        assertEquals(BigInteger.TEN, value(SqlParam.constant(new BigDecimal("10"), BigInteger.class)));
        assertEquals(2.5d, value(SqlParam.constant(new BigDecimal("2.5"), Double.class)));
        assertEquals(2.5f, value(SqlParam.constant(new BigDecimal("2.5"), Float.class)));
        assertEquals(new BigDecimal("2.50"), value(SqlParam.constant(new BigDecimal("2.50"), BigDecimal.class)));
        assertEquals(true, value(SqlParam.constant(true, Boolean.class)));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.constant(new BigDecimal("2.5"), Long.class));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.constant(new BigDecimal("300"), Byte.class));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.constant("5", Long.class));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.constant("LOST", Status.class));
        assertThrows(NullPointerException.class, () -> SqlParam.constant(null, String.class));
    }

    @Test
    void dateTokensAreConvertedToTheMembersType() {
        // the fixture's clock: 15 May 2030, 10:00 UTC
        SecurityContext ctx = Sales.auditor();
        OffsetDateTime now = OffsetDateTime.of(2030, 5, 15, 10, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime midnight = now.withHour(0);

        assertEquals(now, token(SqlParam.currentDateTime(Instant.class), ctx));
        assertEquals(now, token(SqlParam.currentDateTime(OffsetDateTime.class), ctx));
        assertEquals(now, token(SqlParam.currentDateTime(ZonedDateTime.class), ctx));
        assertEquals(now.toLocalDateTime(), token(SqlParam.currentDateTime(LocalDateTime.class), ctx));
        assertEquals(LocalDate.of(2030, 5, 15), token(SqlParam.currentDateTime(LocalDate.class), ctx));
        assertEquals(Timestamp.from(now.toInstant()), token(SqlParam.currentDateTime(Date.class), ctx));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(2030, 5, 15)),
                token(SqlParam.currentDateTime(java.sql.Date.class), ctx));
        assertEquals(midnight.toLocalDateTime(), token(SqlParam.beginOfCurrentDay(LocalDateTime.class), ctx));
        assertEquals(midnight.plusDays(1), token(SqlParam.endOfCurrentDay(Instant.class), ctx));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.currentDateTime(String.class));
    }

    @Test
    void textNeverShowsAValue() {
        SqlParam secret = SqlParam.constant("s3cret", String.class);
        SqlTemplate template = SqlTemplate.of("{a}.note = ? AND {a}.region = ?", secret,
                SqlParam.token("Region", String.class));
        SqlFragment sql = template.render("t", Sales.rep(1, "Top secret region"), H2).orElseThrow();

        assertFalse(secret.toString().contains("s3cret"), secret.toString());
        assertFalse(template.toString().contains("s3cret"), template.toString());
        assertEquals("t.note = ? AND t.region = ?", sql.toString());
        assertEquals(List.of("s3cret", "Top secret region"), sql.values());
    }

    @Test
    void fragmentsRefuseQuestionMarksWithoutValues() {
        assertThrows(IllegalArgumentException.class, () -> SqlFragment.of("t.x = ?"));
        assertThrows(IllegalArgumentException.class, () -> SqlFragment.builder().sql("t.x = ?"));
        assertThrows(IllegalArgumentException.class, () -> SqlFragment.builder().value("text", Long.class));
        assertEquals("t.x = '?'", SqlFragment.of("t.x = '?'").sql());
    }

    @Test
    void dialectsAreDetectedByProductName() {
        assertEquals("H2", Dialect.forProductName("H2").name());
        assertEquals("PostgreSQL", Dialect.forProductName("PostgreSQL").name());
        assertThrows(IllegalArgumentException.class, () -> Dialect.forProductName("Oracle"));
        assertEquals("OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", Dialect.h2().paging(10, 5).sql());
        assertEquals(List.of(10L, 5), Dialect.h2().paging(10, 5).values());
        assertEquals("LIMIT ? OFFSET ?", Dialect.postgreSql().paging(10, 5).sql());
        assertEquals(List.of(5, 10L), Dialect.postgreSql().paging(10, 5).values());
        assertThrows(IllegalArgumentException.class, () -> Dialect.h2().paging(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> Dialect.postgreSql().paging(0, 0));
    }

    private static Object value(SqlParam constant) {
        return token(constant, Sales.rep(1));
    }

    private static Object token(SqlParam param, SecurityContext ctx) {
        return SqlTemplate.of("x = ?", param).render("t", ctx, H2).orElseThrow().values().get(0);
    }
}
