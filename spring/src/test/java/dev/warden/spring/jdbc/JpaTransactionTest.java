package dev.warden.spring.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.jdbc.ledger.Entry;
import dev.warden.spring.jdbc.ledger.EntryPolicy;
import dev.warden.spring.jdbc.ledger.EntryTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.stereotype.Service;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

/**
 * WardenData in {@code @Transactional} under {@code JpaTransactionManager}, next to plain JPA with Hibernate, on a
 * real H2 database: rows vanish after a rollback, Warden sees what the transaction changed through JPA, and a denial
 * rolls back what the entity manager wrote too.
 */
@SpringJUnitConfig(JpaTransactionTest.Config.class)
class JpaTransactionTest {

    @Configuration
    @EnableTransactionManagement
    static class Config {
        @Bean
        DataSource dataSource() {
            return Ledger.dataSource("jpa-transactions");
        }

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(Entry.class.getPackageName());
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none"));
            return factory;
        }

        @Bean
        PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        WardenData wardenData(DataSource dataSource) {
            return WardenData.of(new SpringConnectionProvider(dataSource));
        }

        @Bean
        LedgerService ledgerService(WardenData data) {
            return new LedgerService(data);
        }
    }

    @Service
    static class LedgerService {
        private final WardenData data;

        @PersistenceContext
        private EntityManager entityManager;

        LedgerService(WardenData data) {
            this.data = data;
        }

        private Entry persist(String memo) {
            Entry entry = new Entry(null, memo, 1L);
            entry.setOwner(1L);
            entityManager.persist(entry);
            return entry;
        }

        @Transactional
        public void persistAndInsertThenFail() {
            persist("through JPA");
            data.insert(EntryTable.TABLE, new Entry(null, "through Warden", 2L));
            throw new IllegalStateException("the service fails");
        }

        @Transactional
        public Entry changeThroughJpaThenFind() {
            entityManager.find(Entry.class, 1L).setMemo("changed through JPA");
            return data.find(EntryTable.TABLE, 1L).orElseThrow();
        }

        @Transactional
        public long persistThenCount() {
            persist("counted");
            return data.count(EntryTable.TABLE);
        }

        @Transactional
        public void persistThenDeniedUpdate() {
            persist("before the denial");
            data.update(EntryTable.TABLE, new Entry(3L, "not mine", null), EntryPolicy.Member.MEMO);
        }

        /** What Warden does when it marks the transaction: through the provider, as the runtime calls it. */
        @Transactional
        public void persistThenMarkRollbackOnly(SpringConnectionProvider provider) throws SQLException {
            persist("marked");
            Connection connection = provider.acquire();
            try {
                provider.setRollbackOnly(connection);
            } finally {
                provider.release(connection);
            }
        }

        @Transactional
        public String persistThenCaughtDenial() {
            persist("before the denial");
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

    @BeforeEach
    void reset() {
        Ledger.reset(jdbc);
    }

    @Test
    void rowsWardenAndJpaWroteVanishAfterARollback() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(IllegalStateException.class, service::persistAndInsertThenFail);
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void wardenSeesWhatTheTransactionChangedThroughJpa() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertEquals("changed through JPA", service.changeThroughJpaThenFind().getMemo(),
                    "the persistence context was flushed before Warden's select");
            assertEquals(3, service.persistThenCount(), "entries 1 and 2 of clerk 1, and the one just persisted");
        }
        assertEquals(List.of("changed through JPA", "coffee", "travel", "counted"), Ledger.memos(jdbc));
    }

    @Test
    void anAccessDenialRollsBackWhatJpaWroteToo() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(AccessDeniedException.class, service::persistThenDeniedUpdate);
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void markingTheTransactionRollbackOnlyRollsBackTheEntityManagersWork() {
        assertThrows(UnexpectedRollbackException.class,
                () -> service.persistThenMarkRollbackOnly(new SpringConnectionProvider(jdbc.getDataSource())),
                "JpaTransactionManager saw the entity transaction's mark");
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }

    @Test
    void aDenialTheServiceCatchesStillRollsBackTheTransaction() {
        try (SecurityContext.Scope scope = Ledger.asClerk()) {
            assertThrows(UnexpectedRollbackException.class, service::persistThenCaughtDenial);
        }
        assertEquals(List.of("rent", "coffee", "travel"), Ledger.memos(jdbc));
    }
}
