package dev.warden.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.SystemMembers;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import fixture.DocsAppSecurityModel;
import fixture.ledger.Invoice;
import fixture.ledger.InvoicePolicy;
import fixture.ledger.InvoiceTable;
import fixture.ledger.SecuredInvoice;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §4 and §5: the owner, changedBy, the created and changed dates and the tenant preset of {@link Invoice} are
 * filled in by Warden on every path that creates or changes objects (the secured proxy, the data access layer, the
 * entry points for persistence listeners), are never writable by users, and work in constraints, in memory and in SQL.
 */
class SystemMembersTest {

    private static final Instant NINE_THIRTY = Instant.parse("2026-03-10T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NINE_THIRTY, ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofMinutes(5));

    private JdbcDataSource h2;
    private WardenData data;

    /** A clerk of a tenant: creates invoices and changes their amount and note. */
    private static SecurityContext clerk(long id, String tenant) {
        UserIdentity user = UserIdentity.of(id, "Writer");
        return SecurityContext.of(DocsAppSecurityModel.INSTANCE, tenant == null ? user : user.withAttribute("Tenant", tenant))
                .withClock(CLOCK);
    }

    /** An auditor of a tenant: reads what was created today, and what they changed last. */
    private static SecurityContext auditor(long id, String tenant) {
        return SecurityContext.of(DocsAppSecurityModel.INSTANCE, UserIdentity.of(id, "Reader").withAttribute("Tenant", tenant))
                .withClock(CLOCK);
    }

    @BeforeEach
    void database() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:system-members;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS invoice");
            statement.execute("CREATE TABLE invoice (id BIGINT AUTO_INCREMENT PRIMARY KEY, tenant VARCHAR(20), "
                    + "amount DECIMAL(10, 2), note VARCHAR(100), owner BIGINT, changed_by BIGINT, "
                    + "created_at TIMESTAMP WITH TIME ZONE, changed_at TIMESTAMP WITH TIME ZONE)");
        }
        data = WardenData.of(h2);
    }

    // ---------------------------------------------------------------------------------------- secured proxy

    @Test
    void theProxysCreateFillsInEverySystemMemberAndThePreset() {
        SecuredInvoice invoice = SecuredInvoice.create(clerk(2L, "acme"), new Invoice(new BigDecimal("100.00")));
        assertEquals("acme", invoice.getTenant());
        assertEquals(2L, invoice.getOwner());
        assertEquals(2L, invoice.getChangedBy());
        assertEquals(NINE_THIRTY, invoice.getCreatedAt());
        assertEquals(OffsetDateTime.ofInstant(NINE_THIRTY, ZoneOffset.UTC), invoice.getChangedAt());
    }

    @Test
    void whatTheCallerPutInASystemMemberIsOverwrittenNotTrusted() {
        Invoice forged = new Invoice(new BigDecimal("1.00"));
        forged.setTenant("other");
        forged.setOwner(99L);
        forged.setChangedBy(99L);
        forged.setCreatedAt(Instant.EPOCH);
        SecuredInvoice invoice = SecuredInvoice.create(clerk(2L, "acme"), forged);
        assertEquals("acme", invoice.getTenant());
        assertEquals(2L, invoice.getChangedBy());
        assertEquals(NINE_THIRTY, invoice.getCreatedAt());
    }

    @Test
    void aUserWithoutTheTokenMayNotCreate() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> SecuredInvoice.create(clerk(2L, null), new Invoice(BigDecimal.ONE)));
        assertEquals(Operation.CREATE, e.operation());
        assertEquals(java.util.Optional.of("tenant"), e.member());
        assertTrue(e.getMessage().contains("token 'Tenant'"), e.getMessage());
    }

    @Test
    void everyChangeThroughTheProxyStampsWhoAndWhen() {
        Invoice raw = new Invoice(BigDecimal.ONE);
        SecuredInvoice.create(clerk(2L, "acme"), raw);
        SecuredInvoice byColleague = SecuredInvoice.of(clerk(3L, "acme").withClock(LATER), raw);
        byColleague.setNote("checked");
        assertEquals(3L, raw.getChangedBy());
        assertEquals(OffsetDateTime.ofInstant(NINE_THIRTY.plus(Duration.ofMinutes(5)), ZoneOffset.UTC), raw.getChangedAt());
        assertEquals(2L, raw.getOwner());
        assertEquals(NINE_THIRTY, raw.getCreatedAt());
    }

    @Test
    void noUserMayWriteASystemMemberOrThePreset() {
        SecuredInvoice invoice = SecuredInvoice.create(clerk(2L, "acme"), new Invoice(BigDecimal.ONE));
        for (InvoicePolicy.Member member : List.of(InvoicePolicy.Member.TENANT, InvoicePolicy.Member.CHANGED_BY,
                InvoicePolicy.Member.CREATED_AT, InvoicePolicy.Member.CHANGED_AT)) {
            assertFalse(invoice.canWrite(member), member.memberName());
        }
        assertThrows(AccessDeniedException.class, () -> invoice.setTenant("other"));
        assertThrows(AccessDeniedException.class, () -> invoice.setChangedBy(7L));
        assertEquals("acme", invoice.getTenant());
    }

    @Test
    void aChangeTheWriteCheckRefusesUndoesTheStampsToo() {
        Invoice raw = new Invoice(BigDecimal.ONE);
        SecuredInvoice.create(clerk(2L, "acme"), raw);
        SecuredInvoice clerkProxy = SecuredInvoice.of(clerk(3L, "acme").withClock(LATER), raw);
        raw.setTenant("other"); // changed behind the proxy's back: the change would leave the clerk's tenant
        assertThrows(AccessDeniedException.class, () -> clerkProxy.setNote("x"));
        assertEquals(2L, raw.getChangedBy());
        assertNull(raw.getNote());
        assertEquals(OffsetDateTime.ofInstant(NINE_THIRTY, ZoneOffset.UTC), raw.getChangedAt());
    }

    // ---------------------------------------------------------------------------------------- constraints

    @Test
    void constraintsOnTheSystemMembersAndADateTokenAgreeInMemoryAndInSql() {
        SecurityContext system = SecurityContext.systemOf(DocsAppSecurityModel.INSTANCE);
        data.as(system).insert(InvoiceTable.TABLE, stored("acme", NINE_THIRTY, 7L));                     // today
        data.as(system).insert(InvoiceTable.TABLE, stored("acme", NINE_THIRTY.minus(Duration.ofDays(1)), 8L)); // yesterday, changed by 8
        data.as(system).insert(InvoiceTable.TABLE, stored("acme", NINE_THIRTY.minus(Duration.ofDays(1)), 7L)); // yesterday
        data.as(system).insert(InvoiceTable.TABLE, stored("other", NINE_THIRTY, 8L));                    // another tenant
        SecurityContext auditor = auditor(8L, "acme");
        List<Invoice> all = data.as(system).list(InvoiceTable.TABLE);
        List<Long> inMemory = all.stream().filter(i -> InvoicePolicy.RULES.isVisible(auditor, i)).map(Invoice::getId).toList();
        List<Long> inSql = data.as(auditor).list(InvoiceTable.TABLE).stream().map(Invoice::getId).toList();
        assertEquals(List.of(1L, 2L), inMemory);
        assertEquals(inMemory, inSql);
    }

    private static Invoice stored(String tenant, Instant created, long changedBy) {
        Invoice invoice = new Invoice(BigDecimal.TEN);
        invoice.setTenant(tenant);
        invoice.setCreatedAt(created);
        invoice.setChangedAt(OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
        invoice.setChangedBy(changedBy);
        return invoice;
    }

    // ---------------------------------------------------------------------------------------- data access layer

    @Test
    void insertFillsInTheSystemMembersWhateverTheCallerSet() throws SQLException {
        Invoice forged = new Invoice(new BigDecimal("5.00"));
        forged.setTenant("other");
        forged.setChangedBy(99L);
        Invoice stored = data.as(clerk(2L, "acme")).insert(InvoiceTable.TABLE, forged);
        assertEquals("acme", stored.getTenant());
        assertEquals(2L, stored.getOwner());
        assertEquals(2L, stored.getChangedBy());
        assertEquals(NINE_THIRTY, stored.getCreatedAt());
        assertEquals(NINE_THIRTY, stored.getChangedAt().toInstant());
        assertEquals("acme 2 2", row("SELECT tenant, owner, changed_by FROM invoice WHERE id = " + stored.getId()));
    }

    @Test
    void updateStampsWhoAndWhenAndKeepsTheRest() throws SQLException {
        Invoice stored = data.as(clerk(2L, "acme")).insert(InvoiceTable.TABLE, new Invoice(BigDecimal.ONE));
        stored.setNote("checked");
        Invoice updated = data.as(clerk(3L, "acme").withClock(LATER)).update(InvoiceTable.TABLE, stored,
                InvoicePolicy.Member.NOTE);
        assertEquals(3L, updated.getChangedBy());
        assertEquals(NINE_THIRTY.plus(Duration.ofMinutes(5)), updated.getChangedAt().toInstant());
        assertEquals(2L, updated.getOwner());
        assertEquals(NINE_THIRTY, updated.getCreatedAt());
        assertEquals("checked 3", row("SELECT note, changed_by FROM invoice WHERE id = " + stored.getId()));
    }

    @Test
    void theDataLayerRefusesAWriteOfASystemMemberOrAnInsertWithoutTheToken() throws SQLException {
        Invoice stored = data.as(clerk(2L, "acme")).insert(InvoiceTable.TABLE, new Invoice(BigDecimal.ONE));
        stored.setTenant("other");
        assertThrows(AccessDeniedException.class,
                () -> data.as(clerk(2L, "acme")).update(InvoiceTable.TABLE, stored, InvoicePolicy.Member.TENANT));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> data.as(clerk(2L, null)).insert(InvoiceTable.TABLE, new Invoice(BigDecimal.ONE)));
        assertEquals(java.util.Optional.of("tenant"), e.member());
        assertEquals("1 acme", row("SELECT COUNT(*), MAX(tenant) FROM invoice"));
    }

    private String row(String query) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                text.append(i == 1 ? "" : " ").append(rows.getString(i));
            }
            return text.toString();
        }
    }

    // ---------------------------------------------------------------------------------------- the system, the clock

    @Test
    void theSystemKeepsWhatTheCallerSetAndGetsTheMissingDates() {
        Invoice imported = new Invoice(BigDecimal.ONE);
        imported.setTenant("acme");
        imported.setChangedBy(5L);
        imported.setCreatedAt(Instant.EPOCH);
        SecurityContext system = SecurityContext.systemOf(DocsAppSecurityModel.INSTANCE).withClock(CLOCK);
        InvoicePolicy.RULES.checkCreate(system, imported);
        assertEquals("acme", imported.getTenant());
        assertEquals(5L, imported.getChangedBy());
        assertEquals(Instant.EPOCH, imported.getCreatedAt());
        assertEquals(NINE_THIRTY, imported.getChangedAt().toInstant());
    }

    @Test
    void theApplicationsClockIsTheOneOfEveryContextWithoutItsOwn() {
        SecurityContext.setClock(CLOCK);
        try {
            SecurityContext clerk = SecurityContext.of(DocsAppSecurityModel.INSTANCE,
                    UserIdentity.of(2L, "Writer").withAttribute("Tenant", "acme"));
            assertEquals(NINE_THIRTY, clerk.now().toInstant());
            assertEquals(NINE_THIRTY, SecuredInvoice.create(clerk, new Invoice(BigDecimal.ONE)).getCreatedAt());
        } finally {
            SecurityContext.setClock(null);
        }
        assertEquals(Clock.systemUTC(), SecurityContext.clock());
    }

    @Test
    void theEntryPointsForPersistenceListenersFillInTheSameValues() {
        Invoice invoice = new Invoice(BigDecimal.ONE);
        SystemMembers.onCreate(clerk(2L, "acme"), invoice);
        assertEquals("acme", invoice.getTenant());
        assertEquals(NINE_THIRTY, invoice.getCreatedAt());
        SystemMembers.onUpdate(clerk(3L, "acme").withClock(LATER), invoice);
        assertEquals(3L, invoice.getChangedBy());
        assertEquals(2L, invoice.getOwner());
        assertEquals(NINE_THIRTY, invoice.getCreatedAt());
        assertEquals(NINE_THIRTY.plus(Duration.ofMinutes(5)), invoice.getChangedAt().toInstant());
        assertThrows(AccessDeniedException.class, () -> SystemMembers.onCreate(clerk(2L, null), new Invoice()));
        SystemMembers.onCreate(clerk(2L, "acme"), "not an entity"); // left alone
    }
}
