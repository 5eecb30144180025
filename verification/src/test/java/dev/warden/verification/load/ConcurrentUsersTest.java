package dev.warden.verification.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Vault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many threads, each a different user, interleave reads, writes, inserts and deletes through {@link WardenData} on
 * PostgreSQL for a bounded time ({@code warden.verify.loadSeconds}: 4 by default, 60 with {@code -Pthorough}), each
 * also trying to read, change and delete the others' rows. Every read returns only the user's own rows (keepers) or
 * their tenant's rows without the hidden text (auditors); every attempt on another user's row is refused; and at the
 * end the table holds exactly what each thread's successful writes say, no more and no less: no leak, no lost
 * update, no write outside the user's scope. The test stops by itself.
 */
class ConcurrentUsersTest {

    private static final int KEEPERS = 8;
    private static final int AUDITORS = 2;
    private static final int ROWS_PER_KEEPER = 6;

    private static Vault vault;
    private static Databases databases;

    @BeforeAll
    static void setUp() throws Exception {
        vault = Vault.compile();
        databases = Databases.start();
        Databases.execute(databases.postgres, "DROP TABLE IF EXISTS secret", Vault.DDL);
        try (Connection connection = databases.postgres.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO secret (id, owner, tenant, text, counter) VALUES (?, ?, ?, ?, 0)")) {
            for (long user = 1; user <= KEEPERS; user++) {
                for (int k = 0; k < ROWS_PER_KEEPER; k++) {
                    insert.setLong(1, rowId(user, k));
                    insert.setLong(2, user);
                    insert.setLong(3, user % 2);
                    insert.setString(4, "text-" + rowId(user, k));
                    insert.executeUpdate();
                }
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        databases.close();
    }

    private static long rowId(long user, long k) {
        return user * 1_000_000 + k;
    }

    /** What one keeper's successful writes say its rows hold: id to "counter/text". */
    private static final Map<Long, Map<Long, String>> EXPECTED = new ConcurrentHashMap<>();

    @Test
    void usersInterleavingReadsAndWritesNeverSeeOrChangeEachOthersRows() throws Exception {
        int seconds = Integer.getInteger("warden.verify.loadSeconds", 4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong operations = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(KEEPERS + AUDITORS);
        List<Future<?>> futures = new ArrayList<>();
        for (long user = 1; user <= KEEPERS; user++) {
            long me = user;
            futures.add(pool.submit(() -> keeper(me, deadline, operations, refusals)));
        }
        for (long tenant = 0; tenant < AUDITORS; tenant++) {
            long mine = tenant;
            futures.add(pool.submit(() -> auditor(mine, deadline, operations)));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS), "the load did not stop by itself");
        for (Future<?> future : futures) {
            future.get();   // rethrows the first failed assertion of a worker
        }
        // the table holds exactly what the successful writes say
        WardenData system = WardenData.of(databases.postgres).as(SecurityContext.systemOf(vault.model));
        Map<Long, Map<Long, String>> actual = new java.util.TreeMap<>();
        for (Object row : system.list(vault.table)) {
            long owner = (Long) vault.get(row, "getOwner");
            actual.computeIfAbsent(owner, o -> new java.util.TreeMap<>())
                    .put((Long) vault.get(row, "getId"), vault.get(row, "getCounter") + "/" + vault.get(row, "getText"));
        }
        Map<Long, Map<Long, String>> expected = new java.util.TreeMap<>();
        EXPECTED.forEach((owner, rows) -> expected.put(owner, new java.util.TreeMap<>(rows)));
        assertEquals(expected, actual);
        System.out.printf("load: %d operations by %d users in %d s on PostgreSQL, %d refused attempts on others' rows%n",
                operations.get(), KEEPERS + AUDITORS, seconds, refusals.get());
        assertTrue(refusals.get() > 0);
    }

    private static void keeper(long me, long deadline, AtomicLong operations, AtomicLong refusals) {
        Random random = new Random(me);
        Map<Long, String> mine = new ConcurrentHashMap<>();
        for (int k = 0; k < ROWS_PER_KEEPER; k++) {
            mine.put(rowId(me, k), "0/text-" + rowId(me, k));
        }
        EXPECTED.put(me, mine);
        SecurityContext ctx = SecurityContext.of(vault.model, UserIdentity.of(me, "Keeper"));
        WardenData data = WardenData.of(databases.postgres).as(ctx);
        long nextId = rowId(me, 500_000);
        while (System.nanoTime() < deadline) {
            operations.incrementAndGet();
            long other = 1 + (me + random.nextInt(KEEPERS - 1)) % KEEPERS;
            long theirRow = rowId(other, random.nextInt(ROWS_PER_KEEPER));
            List<Long> ids = new ArrayList<>(mine.keySet());
            Collections.sort(ids);
            switch (random.nextInt(8)) {
                case 0 -> {
                    List<Object> rows = data.list(vault.table);
                    for (Object row : rows) {
                        assertEquals(me, vault.get(row, "getOwner"), "user " + me + " sees another user's row");
                    }
                    assertEquals(mine.size(), rows.size(), "user " + me + " sees a wrong number of rows");
                }
                case 1 -> assertEquals(mine.size(), data.count(vault.table));
                case 2 -> assertTrue(data.find(vault.table, theirRow).isEmpty(), "user " + me + " found " + theirRow);
                case 3 -> {
                    if (!ids.isEmpty()) {
                        long id = ids.get(random.nextInt(ids.size()));
                        Object row = data.find(vault.table, id).orElseThrow(() -> new AssertionError("own row " + id + " missing"));
                        long counter = (Long) vault.get(row, "getCounter") + 1;
                        String text = "t" + me + "-" + counter;
                        Object change = vault.secret(id, me, me % 2, text);
                        set(change, "setCounter", long.class, counter);
                        data.update(vault.table, change, vault.member("counter"), vault.member("text"));
                        mine.put(id, counter + "/" + text);
                    }
                }
                case 4 -> {
                    Object change = vault.secret(theirRow, me, me % 2, "stolen by " + me);
                    try {
                        data.update(vault.table, change, vault.member("text"));
                        throw new AssertionError("user " + me + " changed row " + theirRow);
                    } catch (AccessDeniedException expected) {
                        refusals.incrementAndGet();
                    }
                }
                case 5 -> {
                    try {
                        data.delete(vault.table, theirRow);
                        throw new AssertionError("user " + me + " deleted row " + theirRow);
                    } catch (AccessDeniedException expected) {
                        refusals.incrementAndGet();
                    }
                }
                case 6 -> {
                    // insert, claiming another owner: the owner is filled with the user's own id
                    long id = nextId++;
                    data.insert(vault.table, vault.secret(id, other, null, "new-" + id));
                    mine.put(id, "0/new-" + id);
                    assertEquals(me, vault.get(data.find(vault.table, id).orElseThrow(), "getOwner"));
                }
                default -> {
                    List<Long> added = ids.stream().filter(id -> id >= rowId(me, 500_000)).toList();
                    if (!added.isEmpty()) {
                        long id = added.get(random.nextInt(added.size()));
                        data.delete(vault.table, id);
                        mine.remove(id);
                    }
                }
            }
        }
    }

    private static void auditor(long tenant, long deadline, AtomicLong operations) {
        SecurityContext ctx = SecurityContext.of(vault.model, UserIdentity.of(1000 + tenant, "Auditor")
                .withAttribute("Tenant", tenant));
        WardenData data = WardenData.of(databases.postgres).as(ctx);
        while (System.nanoTime() < deadline) {
            operations.incrementAndGet();
            for (Object row : data.list(vault.table)) {
                assertEquals(tenant, vault.get(row, "getTenant"), "an auditor sees another tenant's row");
                assertEquals(null, vault.get(row, "getText"), "an auditor reads the hidden text");
            }
            try {
                data.delete(vault.table, rowId(1 + tenant, 0));
                throw new AssertionError("an auditor deleted a row");
            } catch (AccessDeniedException expected) {
                // reading is all an auditor may do
            }
        }
    }

    private static void set(Object target, String setter, Class<?> type, Object value) {
        try {
            target.getClass().getMethod(setter, type).invoke(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
