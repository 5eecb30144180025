package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.StaleObjectException;
import fixture.shop.Account;
import fixture.shop.AccountPolicy;
import fixture.shop.AccountTable;
import fixture.shop.Level;
import fixture.shop.SecuredAccount;
import fixture.shop.Voucher;
import fixture.shop.VoucherPolicy;
import fixture.shop.VoucherTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPA {@code @Version} through WardenData, on the schema Hibernate creates on H2 and PostgreSQL: every update
 * increments the version and succeeds only on the version the object was read with, so that a stale write fails
 * with {@link StaleObjectException} instead of overwriting the other change; the version is never the user's to write.
 */
class VersionedWritesTest {
    private HibernateSchema db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private HibernateSchema open(String database) {
        db = new HibernateSchema(database, Account.class, Voucher.class);
        return db;
    }

    private Account insertAsClerk(String name) {
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            return db.data.insert(AccountTable.TABLE, new Account(name, Level.HIGH, Level.LOW));
        }
    }

    private Account updateAsClerk(Account account, AccountPolicy.Member... members) {
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            return db.data.update(AccountTable.TABLE, account, members);
        }
    }

    private static Account copy(Account account) {
        Account copy = new Account(account.getName(), account.getLevel(), account.getTier());
        copy.setId(account.getId());
        copy.setVersion(account.getVersion());
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInsertStartsTheVersionAndEveryUpdateIncrementsIt(String database) {
        open(database);
        Account account = insertAsClerk("rent");
        assertEquals(0L, account.getVersion(), "the stored row, read back");
        long id = account.getId();
        assertEquals(0L, ((Number) db.scalar("select version from shop_account where id = " + id)).longValue());

        account.setName("rent 2");
        Account stored = updateAsClerk(account, AccountPolicy.Member.NAME);
        assertEquals(1L, account.getVersion(), "the object given is brought up to the stored version");
        assertEquals(1L, stored.getVersion());
        assertEquals(1L, ((Number) db.scalar("select version from shop_account where id = " + id)).longValue());
        account.setName("rent 3");
        updateAsClerk(account, AccountPolicy.Member.NAME);
        assertEquals(2L, ((Number) db.scalar("select version from shop_account where id = " + id)).longValue());
        // Hibernate sees the version WardenData wrote, and its own update goes on from there
        db.inTransaction(em -> {
            Account managed = em.find(Account.class, id);
            assertEquals(2L, managed.getVersion());
            managed.setName("by hibernate");
            return null;
        });
        assertEquals(3L, ((Number) db.scalar("select version from shop_account where id = " + id)).longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStaleWriteFailsInsteadOfBeingLost(String database) {
        open(database);
        Account first = insertAsClerk("rent");
        Account second = copy(first);
        first.setName("first writer");
        updateAsClerk(first, AccountPolicy.Member.NAME);

        second.setName("second writer");
        StaleObjectException stale = assertThrows(StaleObjectException.class,
                () -> updateAsClerk(second, AccountPolicy.Member.NAME));
        assertEquals("Account", stale.entity());
        assertEquals(first.getId(), stale.key());
        assertTrue(stale.getMessage().contains("Account with key " + first.getId()), stale.getMessage());
        assertFalse(stale.getMessage().contains("writer"), "no value in the message: " + stale.getMessage());
        assertEquals("first writer", db.scalar("select name from shop_account where id = " + first.getId()));
        assertEquals(0L, second.getVersion(), "the stale object keeps its version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteAfterHibernateChangedTheRowIsStale(String database) {
        open(database);
        Account account = insertAsClerk("rent");
        db.inTransaction(em -> {
            em.find(Account.class, account.getId()).setName("by hibernate");
            return null;
        });
        account.setName("by warden");
        assertThrows(StaleObjectException.class, () -> updateAsClerk(account, AccountPolicy.Member.NAME));
        assertEquals("by hibernate", db.scalar("select name from shop_account where id = " + account.getId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStaleWriteToARowOutOfReachIsDeniedAsAnyOther(String database) {
        open(database);
        Account low;
        try (SecurityContext.Scope manager = SecurityContext.open(Shop.MANAGER)) {
            low = db.data.insert(AccountTable.TABLE, new Account("low", Level.LOW, Level.LOW));
            Account changed = copy(low);
            changed.setName("low 2");
            db.data.update(AccountTable.TABLE, changed, AccountPolicy.Member.NAME);
        }
        // the clerk may not write LOW accounts: the version must not tell them the row is there
        low.setName("mine now");
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> updateAsClerk(low, AccountPolicy.Member.NAME));
        assertEquals(Operation.WRITE, denied.operation());
        assertFalse(denied.getMessage().contains("changed by someone else"), denied.getMessage());
        assertEquals("low 2", db.scalar("select name from shop_account where id = " + low.getId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theVersionIsNeverTheUsersToWrite(String database) {
        open(database);
        Account account = insertAsClerk("rent");
        account.setVersion(7L);
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> updateAsClerk(account, AccountPolicy.Member.NAME, AccountPolicy.Member.VERSION));
        assertTrue(named.getMessage().contains("version 'version' of Account cannot be updated"), named.getMessage());
        // a new object starts at 0 whatever it holds, as the owner is filled in; the proxy may not set it, not even
        // with the manager's READ_WRITE default
        try (SecurityContext.Scope manager = SecurityContext.open(Shop.MANAGER)) {
            Account preset = new Account("preset", Level.HIGH, Level.LOW);
            preset.setVersion(5L);
            db.data.insert(AccountTable.TABLE, preset);
            assertEquals(0L, preset.getVersion());
            assertEquals(0L, ((Number) db.scalar("select version from shop_account where id = " + preset.getId()))
                    .longValue());
            SecuredAccount proxy = SecuredAccount.of(SecurityContext.current(), account);
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> proxy.setVersion(9L));
            assertEquals(java.util.Optional.of("version"), denied.member());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void hibernatesFlushChecksLeaveTheVersionToHibernate(String database) {
        // with Warden's Hibernate listeners: the version Hibernate seeds and increments needs no write right
        db = new HibernateSchema(database, true, Account.class);
        long id;
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            id = db.inTransaction(em -> {
                Account account = new Account("by hibernate", Level.HIGH, Level.LOW);
                em.persist(account);
                return account;
            }).getId();
            db.inTransaction(em -> {
                em.find(Account.class, id).setName("changed");
                return null;
            });
        }
        assertEquals(1L, ((Number) db.scalar("select version from shop_account where id = " + id)).longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aPrimitiveIntVersionWorksAlike(String database) {
        open(database);
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            Voucher voucher = db.data.insert(VoucherTable.TABLE, new Voucher("A"));
            Voucher stale = new Voucher("B");
            stale.setId(voucher.getId());
            voucher.setCode("A2");
            db.data.update(VoucherTable.TABLE, voucher, VoucherPolicy.Member.CODE);
            assertEquals(1, voucher.getVersion());
            stale.setCode("B2");
            assertThrows(StaleObjectException.class,
                    () -> db.data.update(VoucherTable.TABLE, stale, VoucherPolicy.Member.CODE));
        }
    }
}
