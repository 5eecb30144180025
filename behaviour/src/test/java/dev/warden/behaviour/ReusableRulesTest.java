package dev.warden.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import fixture.DocsAppSecurityModel;
import fixture.ledger.CreditNote;
import fixture.ledger.CreditNotePolicy;
import fixture.ledger.CreditNoteTable;
import fixture.ledger.Receipt;
import fixture.ledger.ReceiptPolicy;
import fixture.ledger.ReceiptTable;
import fixture.ledger.SecuredCreditNote;
import fixture.ledger.SecuredReceipt;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §5: the tenant rules written once on {@code @TenantScoped} apply to {@link Receipt} (after its own rule)
 * and to {@link CreditNote} (its only rules), in memory and in SQL, and the tenant preset keeps each user inside their
 * tenant.
 */
class ReusableRulesTest {

    private static WardenData data;

    private static SecurityContext user(String userRole, long id, String tenant) {
        return SecurityContext.of(DocsAppSecurityModel.INSTANCE,
                UserIdentity.of(id, userRole).withAttribute("Tenant", tenant));
    }

    @BeforeAll
    static void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:reusable-rules;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE receipt (id BIGINT AUTO_INCREMENT PRIMARY KEY, tenant VARCHAR(20), "
                    + "text VARCHAR(100))");
            statement.execute("CREATE TABLE credit_note (id BIGINT AUTO_INCREMENT PRIMARY KEY, tenant VARCHAR(20), "
                    + "amount DECIMAL(10, 2))");
        }
        data = WardenData.of(h2);
        data.as(user("Writer", 2L, "acme")).insert(ReceiptTable.TABLE, new Receipt("acme's"));
        data.as(user("Writer", 3L, "globex")).insert(ReceiptTable.TABLE, new Receipt("globex's"));
        data.as(user("Writer", 2L, "acme")).insert(CreditNoteTable.TABLE, new CreditNote()); // no write right on amount
        CreditNote imported = new CreditNote(BigDecimal.TEN);
        imported.setTenant("globex");
        data.as(SecurityContext.systemOf(DocsAppSecurityModel.INSTANCE)).insert(CreditNoteTable.TABLE, imported);
    }

    @Test
    void theReusedRulesComeAfterTheEntitysOwnAndSayWhereTheyComeFrom() {
        assertEquals(3, ReceiptPolicy.RULES.ruleCount());
        assertFalse(ReceiptPolicy.RULES.ruleDescription(1).contains("@TenantScoped"));
        assertTrue(ReceiptPolicy.RULES.ruleDescription(2).endsWith("from @TenantScoped"));
        assertEquals(2, CreditNotePolicy.RULES.ruleCount());
    }

    @Test
    void eachUserSeesTheirOwnTenantOnBothEntitiesInSqlAndInMemory() {
        SecurityContext auditor = user("Reader", 8L, "acme");
        List<Receipt> receipts = data.as(auditor).list(ReceiptTable.TABLE);
        assertEquals(List.of("acme's"), receipts.stream().map(Receipt::getText).toList());
        List<CreditNote> notes = data.as(auditor).list(CreditNoteTable.TABLE);
        assertEquals(List.of("acme"), notes.stream().map(CreditNote::getTenant).toList());
        for (CreditNote note : data.as(SecurityContext.systemOf(DocsAppSecurityModel.INSTANCE)).list(CreditNoteTable.TABLE)) {
            assertEquals(note.getTenant().equals("acme"), CreditNotePolicy.RULES.isVisible(auditor, note));
        }
    }

    @Test
    void theReusedCreateRightFillsInTheTenant() {
        SecuredCreditNote note = SecuredCreditNote.create(user("Writer", 3L, "globex"), new CreditNote());
        assertEquals("globex", note.getTenant());
        assertThrows(AccessDeniedException.class, () -> note.setTenant("acme"));
        assertThrows(AccessDeniedException.class,
                () -> SecuredCreditNote.create(user("Reader", 8L, "acme"), new CreditNote()));
        assertThrows(AccessDeniedException.class, // the reused rules give clerks no write right on the amount
                () -> SecuredCreditNote.create(user("Writer", 3L, "globex"), new CreditNote(BigDecimal.ONE)));
    }

    @Test
    void theEntitysOwnRuleStillGivesWhatItGives() {
        Receipt raw = new Receipt("draft");
        SecuredReceipt receipt = SecuredReceipt.create(user("Writer", 2L, "acme"), raw);
        receipt.setText("final");
        assertEquals("final", raw.getText());
        SecuredReceipt asOtherTenant = SecuredReceipt.ifVisible(user("Writer", 3L, "globex"), raw).orElse(null);
        assertEquals(null, asOtherTenant);
    }
}
