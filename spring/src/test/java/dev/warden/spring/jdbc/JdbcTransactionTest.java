package dev.warden.spring.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.jdbc.ledger.Entry;
import dev.warden.spring.jdbc.ledger.EntryPolicy;
import dev.warden.spring.jdbc.ledger.EntryTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WardenData in {@code @Transactional} under {@code DataSourceTransactionManager}, next to {@code JdbcTemplate}, on a
 * real H2 database: every case of issue 12, section 1, and, for contrast, what the data source's own connections
 * (Warden's default) do in the same place.
 */
@SpringJUnitConfig(JdbcTransactionTest.Config.class)
class JdbcTransactionTest {

    @Configuration
    @EnableTransactionManagement
    static class Config {
        @Bean
        DataSource dataSource() {
            return Ledger.dataSource("jdbc-transactions");
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        /** What the application would use: Warden on Spring's transactions. */
        @Bean
        WardenData wardenData(DataSource dataSource) {
            return WardenData.of(new SpringConnectionProvider(dataSource));
        }

        @Bean
        Corrections corrections(WardenData wardenData) {
            return new Corrections(wardenData);
        }

        @Bean
        LedgerService ledgerService(JdbcTemplate jdbc, WardenData wardenData, Corrections corrections) {
            return new LedgerService(jdbc, wardenData, corrections);
        }
    }

    /** Writes in a transaction of their own, so that a denial there leaves the caller's transaction alone. */
    @Service
    static class Corrections {
        private final WardenData data;

        Corrections(WardenData data) {
            this.data = data;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void correct(long id, String memo) {
            data.update(EntryTable.TABLE, new Entry(id, memo, null), EntryPolicy.Member.MEMO);
        }
    }

    /** Service methods as an application writes them. */
    @Service
    static class LedgerService {
        private final JdbcTemplate jdbc;
        private final WardenData data;
        private final Corrections corrections;

        LedgerService(JdbcTemplate jdbc, WardenData data, Corrections corrections) {
            this.jdbc = jdbc;
            this.data = data;
            this.corrections = corrections;
        }

        @Transactional
        public String auditThenDeniedCorrectionInItsOwnTransaction() {
            jdbc.update("INSERT INTO audit (id, what) VALUES (3, 'tried to correct entry 3')");
            try {
                corrections.correct(3L, "not mine");
                return "not denied";
            } catch (AccessDeniedException e) {
                return "caught";
            }
        }

        @Transactional
        public void insertThenFail(WardenData through, String memo) {
            through.insert(EntryTable.TABLE, new Entry(null, memo, 1L));
            throw new IllegalStateException("the service fails after the insert");
        }

        @Transactional
        public Optional<Entry> insertWithJdbcThenFind() {
            jdbc.update("INSERT INTO entry (id, owner, memo, amount) VALUES (50, 1, 'jdbc', 7)");
            return data.find(EntryTable.TABLE, 50L);
        }

        @Transactional
        public Entry updateWithJdbcThenWarden() {
            jdbc.update("UPDATE entry SET amount = 501 WHERE id = 1");
            return data.update(EntryTable.TABLE, new Entry(1L, "rent, corrected", null), EntryPolicy.Member.MEMO);
        }

        @Transactional
        public void auditInsertThenDeniedUpdate() {
            jdbc.update("INSERT INTO audit (id, what) VALUES (1, 'about to change entry 3')");
            data.insert(EntryTable.TABLE, new Entry(null, "new", 10L));
            data.update(EntryTable.TABLE, new Entry(3L, "not mine", null), EntryPolicy.Member.MEMO);
        }

        @Transactional
        public String auditInsertThenCaughtDenial() {
            jdbc.update("INSERT INTO audit (id, what) VALUES (2, 'about to change entry 3')");
            data.update(EntryTable.TABLE, new Entry(1L, "rent, mine", null), EntryPolicy.Member.MEMO);
            try {
                data.update(EntryTable.TABLE, new Entry(3L, "not mine", null), EntryPolicy.Member.MEMO);
                return "not denied";
            } catch (AccessDeniedException e) {
                return "caught";
            }
        }
    }

    @Autowired
    LedgerService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WardenData data;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void reset() {
        Ledger.reset(jdbc);
    }

    @Test
    void rowsWardenWroteVanishAfterARollback() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(IllegalStateException.class, () -> service.insertThenFail(data, "rolled back"));
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void wardenSeesTheTransactionsOwnRows() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            Optional<Entry> found = service.insertWithJdbcThenFind();

            assertTrue(found.isPresent(), "the row JdbcTemplate inserted in the same transaction");
            assertEquals("jdbc", found.get().getMemo());
        }
    }

    @Test
    void theSameRowThroughJdbcTemplateThenWardenDoesNotDeadlock() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            Entry updated = service.updateWithJdbcThenWarden();

            assertEquals("rent, corrected", updated.getMemo());
            assertEquals(501L, updated.getAmount(), "Warden's write check read the transaction's own change");
        }
        assertEquals(501L, jdbc.queryForObject("SELECT amount FROM entry WHERE id = 1", Long.class));
    }

    @Test
    void behindATransactionAwareProxyWardenNeverCommitsSpringsTransaction() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(IllegalStateException.class, () -> service.insertThenFail(
                    WardenData.of(new SpringConnectionProvider(new TransactionAwareDataSourceProxy(dataSource))),
                    "proxied"));
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    /** What the issue reported, and why the provider looks through the proxy: the test above can fail. */
    @Test
    void withItsOwnConnectionsBehindTheProxyWardenWouldCommitSpringsTransaction() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(IllegalStateException.class,
                    () -> service.insertThenFail(WardenData.of(new TransactionAwareDataSourceProxy(dataSource)),
                            "committed by Warden"));
        }
        assertEquals(List.of("rent", "coffee", "travel", "committed by Warden"), Ledger.memos(jdbc));
    }

    @Test
    void anAccessDenialInsideTransactionalRollsBackEverythingTheTransactionDid() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            AccessDeniedException denial = assertThrows(AccessDeniedException.class,
                    service::auditInsertThenDeniedUpdate);
            assertTrue(denial.getMessage().contains("Entry"), denial.getMessage());
        }
        assertEquals(List.of(), Ledger.audit(jdbc), "JdbcTemplate's insert was rolled back");
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc), "and Warden's");
    }

    @Test
    void aDenialTheServiceCatchesStillRollsBackTheTransaction() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(UnexpectedRollbackException.class, service::auditInsertThenCaughtDenial,
                    "Warden marked the transaction rollback-only, so Spring rolls back instead of committing");
        }
        assertEquals(List.of(), Ledger.audit(jdbc));
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void aDenialInATransactionOfItsOwnLeavesTheCallersTransactionAlone() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertEquals("caught", service.auditThenDeniedCorrectionInItsOwnTransaction());
        }
        assertEquals(List.of("tried to correct entry 3"), Ledger.audit(jdbc), "the caller's transaction committed");
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void aTransactionTemplateIsATransactionToo() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            template.executeWithoutResult(status -> {
                data.insert(EntryTable.TABLE, new Entry(null, "templated", 2L));
                assertEquals(4, data.count(EntryTable.TABLE) + 1, "clerk 1 sees entries 1, 2 and the new one");
                status.setRollbackOnly();
            });
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    /** The memos committed, read on a connection of its own, outside Spring's transaction. */
    private List<String> memosSeenElsewhere() {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT memo FROM entry ORDER BY id")) {
            List<String> memos = new ArrayList<>();
            while (rows.next()) {
                memos.add(rows.getString(1));
            }
            return memos;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wardensInTransactionInsideSpringsTakesPartInIt() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            template.executeWithoutResult(status -> {
                data.inTransaction(() -> data.insert(EntryTable.TABLE, new Entry(null, "inner", 2L)));
                assertEquals(List.of("rent", "coffee", "travel"), memosSeenElsewhere(),
                        "not committed by inTransaction: another connection does not see it");
                assertEquals(List.of("rent", "coffee", "travel", "inner"), Ledger.memos(jdbc),
                        "the transaction does");
                status.setRollbackOnly();
            });
            assertThrows(UnexpectedRollbackException.class, () -> template.executeWithoutResult(status ->
                    assertThrows(IllegalStateException.class, () -> data.inTransaction(() -> {
                        data.insert(EntryTable.TABLE, new Entry(null, "failed work", 2L));
                        throw new IllegalStateException("the work fails");
                    }))), "work that threw inside Spring's transaction marks it rollback-only");
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void outsideATransactionEachWriteCommitsOnItsOwn() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            data.insert(EntryTable.TABLE, new Entry(null, "alone", 4L));
            assertThrows(AccessDeniedException.class,
                    () -> data.update(EntryTable.TABLE, new Entry(3L, "not mine", null), EntryPolicy.Member.MEMO));
        }
        assertEquals(List.of("rent", "coffee", "travel", "alone"), Ledger.memos(jdbc));
    }

    @Test
    void theProviderKnowsTheTransactionsConnectionFromItsOwn() throws Exception {
        SpringConnectionProvider provider = new SpringConnectionProvider(
                new TransactionAwareDataSourceProxy(dataSource));
        assertTrue(provider.dataSource() == dataSource, "the proxy is looked through");

        Connection own = provider.acquire();
        assertFalse(provider.inCallerTransaction(own));
        provider.release(own);
        assertTrue(own.isClosed(), "a connection of Warden's own is closed");
        assertThrows(IllegalStateException.class, () -> provider.setRollbackOnly(own));

        assertThrows(UnexpectedRollbackException.class, () -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
            try {
                Connection joined = provider.acquire();
                assertTrue(provider.inCallerTransaction(joined));
                provider.release(joined);
                assertFalse(joined.isClosed(), "the transaction's connection stays open");
                provider.setRollbackOnly(joined);
                assertTrue(status.isRollbackOnly());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }), "the mark made Spring roll back");
    }
}
