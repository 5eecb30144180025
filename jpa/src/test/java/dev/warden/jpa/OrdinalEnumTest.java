package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.Query;
import fixture.shop.Account;
import fixture.shop.AccountPolicy;
import fixture.shop.AccountTable;
import fixture.shop.Level;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enums as JPA stores them by default, as their ordinal, through WardenData on the schema Hibernate creates on H2 and
 * PostgreSQL: reads, conditions, rules and writes use the ordinal; an {@code @Enumerated(STRING)} enum stays a name.
 */
class OrdinalEnumTest {
    private HibernateSchema db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void wardenDataReadsAndWritesOrdinals(String database) {
        db = new HibernateSchema(database, Account.class);
        db.inTransaction(em -> {
            for (Level level : Level.values()) {
                em.persist(new Account("by hibernate " + level, level, level));
            }
            return null;
        });
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            // the clerk's rule [level = 'HIGH'] in SQL, on the ordinal column
            List<Account> visible = db.data.list(AccountTable.TABLE);
            assertEquals(List.of("by hibernate HIGH"), visible.stream().map(Account::getName).toList());
            assertEquals(Level.HIGH, visible.get(0).getLevel());
            assertEquals(Level.HIGH, visible.get(0).getTier());

            Account mine = db.data.insert(AccountTable.TABLE, new Account("by warden", Level.HIGH, Level.MEDIUM));
            assertEquals(2, ((Number) db.scalar("select level from shop_account where id = " + mine.getId()))
                    .intValue(), "HIGH is stored as its ordinal");
            assertEquals("MEDIUM", db.scalar("select tier from shop_account where id = " + mine.getId()),
                    "an @Enumerated(STRING) enum is stored as its name");
            assertEquals(List.of("by warden"), db.data.list(AccountTable.TABLE,
                    Query.where(AccountPolicy.Member.TIER, Query.Op.EQ, Level.MEDIUM)).stream()
                    .map(Account::getName).toList());
        }
        try (SecurityContext.Scope manager = SecurityContext.open(Shop.MANAGER)) {
            List<Account> medium = db.data.list(AccountTable.TABLE,
                    Query.where(AccountPolicy.Member.LEVEL, Query.Op.EQ, Level.MEDIUM));
            assertEquals(List.of("by hibernate MEDIUM"), medium.stream().map(Account::getName).toList());
            Account account = medium.get(0);
            account.setLevel(Level.LOW);
            db.data.update(AccountTable.TABLE, account, AccountPolicy.Member.LEVEL);
            assertEquals(0, ((Number) db.scalar("select level from shop_account where id = " + account.getId()))
                    .intValue());
        }
        Account read = db.inTransaction(em -> em.createQuery("select a from Account a where a.name = :name",
                Account.class).setParameter("name", "by warden").getSingleResult());
        assertEquals(Level.HIGH, read.getLevel(), "Hibernate reads what WardenData wrote");
        assertEquals(Level.MEDIUM, read.getTier());
    }
}
