package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.warden.runtime.SecurityContext;
import fixture.shop.Account;
import fixture.shop.AccountTable;
import fixture.shop.Badge;
import fixture.shop.BadgeTable;
import fixture.shop.Level;
import fixture.shop.Receipt;
import fixture.shop.ReceiptTable;
import fixture.shop.Voucher;
import fixture.shop.VoucherTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPA {@code @GeneratedValue} through WardenData, on the schema Hibernate creates on H2 and PostgreSQL: an insert of
 * an object without a key lets the database make it (an identity column, or the entity's sequence) or makes a random
 * UUID, sets it on the object, and never takes a key Hibernate hands out too.
 */
class GeneratedKeysTest {
    private HibernateSchema db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private <T> T insertAsClerk(dev.warden.runtime.sql.EntityTable<T> table, T object) {
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            return db.data.insert(table, object);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anIdentityKeyIsTheDatabases(String database) {
        db = new HibernateSchema(database, Account.class);
        Account hibernates = db.inTransaction(em -> {
            Account account = new Account("by hibernate", Level.HIGH, Level.LOW);
            em.persist(account);
            return account;
        });
        Account mine = new Account("by warden", Level.HIGH, Level.LOW);
        Account stored = insertAsClerk(AccountTable.TABLE, mine);
        assertNotNull(mine.getId(), "the key is set on the object given");
        assertEquals(mine.getId(), stored.getId());
        assertNotEquals(hibernates.getId(), mine.getId());
        assertEquals("by warden", db.scalar("select name from shop_account where id = " + mine.getId()));
        Account next = db.inTransaction(em -> {
            Account account = new Account("by hibernate again", Level.HIGH, Level.LOW);
            em.persist(account);
            return account;
        });
        assertEquals(3, Set.of(hibernates.getId(), mine.getId(), next.getId()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNamedSequenceWithBlocksOfFiftyIsSharedWithHibernate(String database) {
        db = new HibernateSchema(database, Voucher.class);
        Set<Long> ids = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            List<Voucher> hibernates = db.inTransaction(em -> {
                List<Voucher> made = List.of(new Voucher("h1"), new Voucher("h2"));
                made.forEach(em::persist);
                return made;
            });
            hibernates.forEach(voucher -> ids.add(voucher.getId()));
            Voucher mine = new Voucher("w");
            insertAsClerk(VoucherTable.TABLE, mine);
            assertNotNull(mine.getId());
            ids.add(mine.getId());
            assertEquals("w", db.scalar("select code from shop_voucher where id = " + mine.getId()));
        }
        assertEquals(9, ids.size(), "keys handed out twice: " + ids);
        assertEquals(9L, ((Number) db.scalar("select count(*) from shop_voucher")).longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theDefaultSequenceOfAutoIsHibernates(String database) {
        // Hibernate's default for AUTO on a whole-number key: a sequence named after the table, shop_receipt_seq
        db = new HibernateSchema(database, Receipt.class);
        Receipt hibernates = db.inTransaction(em -> {
            Receipt receipt = new Receipt("by hibernate");
            em.persist(receipt);
            return receipt;
        });
        Receipt mine = new Receipt("by warden");
        insertAsClerk(ReceiptTable.TABLE, mine);
        assertNotNull(mine.getId());
        assertNotEquals(hibernates.getId(), mine.getId());
        Receipt next = db.inTransaction(em -> {
            Receipt receipt = new Receipt("by hibernate again");
            em.persist(receipt);
            return receipt;
        });
        assertEquals(3, Set.of(hibernates.getId(), mine.getId(), next.getId()).size());
        assertEquals(3L, ((Number) db.scalar("select count(*) from shop_receipt")).longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAutoUuidKeyIsMadeInJava(String database) {
        db = new HibernateSchema(database, Badge.class);
        Badge mine = new Badge("by warden");
        Badge stored = insertAsClerk(BadgeTable.TABLE, mine);
        UUID id = mine.getId();
        assertNotNull(id);
        assertEquals(id, stored.getId());
        Badge found = db.inTransaction(em -> em.find(Badge.class, id));
        assertEquals("by warden", found.getLabel());
    }
}
