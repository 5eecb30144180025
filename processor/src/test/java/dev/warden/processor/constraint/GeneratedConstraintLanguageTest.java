package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms of security-model.md §6 through the whole pipeline: an application compiled with the processor, its
 * generated policy run with real security contexts (users with and without a time zone of their own, on a fixed clock
 * on the day daylight saving time starts in Amsterdam), and its generated table's SQL run by the data layer on H2 and
 * PostgreSQL: the same events visible on every path, and the ones the rules mean.
 */
class GeneratedConstraintLanguageTest {

    /** 2024-03-31 10:00 UTC: noon in Amsterdam, whose day runs from 30 March 23:00 to 31 March 22:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-31T10:00:00Z"), ZoneOffset.UTC);

    private static final String APP = """
            package cal;

            import dev.warden.annotations.*;

            @AppSecurity(userRoles = {
                    @UserRole(name = "Planner", moduleRoles = "Cal.Planner"),
                    @UserRole(name = "Clerk", moduleRoles = "Cal.Clerk"),
                    @UserRole(name = "Viewer", moduleRoles = "Cal.Viewer"),
                    @UserRole(name = "Archivist", moduleRoles = "Cal.Archivist")},
                    userIdType = Long.class)
            public class CalApp {}
            """;

    private static final String MODULE = """
            @dev.warden.annotations.Module(name = "Cal", roles = {"Planner", "Clerk", "Viewer", "Archivist"})
            package cal;
            """;

    private static final String EVENT = """
            package cal;

            import dev.warden.annotations.*;
            import java.time.Instant;
            import java.time.LocalDate;

            @SecuredEntity
            @AccessRule(roles = "Planner", defaultAccess = Access.READ,
                    constraint = "[start >= '[%BeginOfCurrentDay%]' and start < '[%BeginOfCurrentDay%] + 1 * [%DayLength%]']")
            @AccessRule(roles = "Clerk", defaultAccess = Access.READ,
                    constraint = "[contains(title, 'URGENT') or due = '[%BeginOfCurrentDay%] - 1 * [%MonthLength%]']")
            @AccessRule(roles = "Viewer", defaultAccess = Access.READ,
                    constraint = "[weekday-from-dateTime(start) = 1 and string-length(title) > 3][archived != 'true']")
            @AccessRule(roles = "Archivist", defaultAccess = Access.READ,
                    constraint = "[archived = NULL or hours-from-dateTime(start) = 0][not(false())]")
            public class Event {
                private Long id;
                private String title;
                private Instant start;
                private LocalDate due;
                private Boolean archived;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getTitle() { return title; }
                public void setTitle(String title) { this.title = title; }
                public Instant getStart() { return start; }
                public void setStart(Instant start) { this.start = start; }
                public LocalDate getDue() { return due; }
                public void setDue(LocalDate due) { this.due = due; }
                public Boolean getArchived() { return archived; }
                public void setArchived(Boolean archived) { this.archived = archived; }
            }
            """;

    /** id, title, start (UTC), due, archived. */
    private static final Object[][] EVENTS = {
        {1L, "standup", "2024-03-30T22:59:59Z", "2024-03-30", null},  // 30 March 23:59:59 in Amsterdam
        {2L, "Urgent fix", "2024-03-30T23:00:00Z", "2024-02-29", true}, // 31 March 00:00, a Sunday
        {3L, "review", "2024-03-31T21:59:59Z", "2024-03-31", false},    // 31 March 23:59:59 (CEST)
        {4L, "retro", "2024-03-31T22:00:00Z", "2024-02-28", null},      // 1 April 00:00
        {5L, "ΟΔΟΣ urgent", "2024-03-31T00:30:00Z", null, null},        // 31 March 01:30, before the clocks go forward
        {6L, "x", null, "2024-02-29", null},
    };

    private static ClassLoader loader;
    private static ApplicationModel app;
    private static EntityTable<Object> table;
    private static DataSource h2;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileAndStore() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(WardenCompiler.source("cal.CalApp", APP.split("\n")),
                WardenCompiler.source("cal.package-info", MODULE.split("\n")),
                WardenCompiler.source("cal.Event", EVENT.split("\n")));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("cal.CalAppSecurityModel").getField("INSTANCE").get(null);
        table = (EntityTable<Object>) loader.loadClass("cal.EventTable").getField("TABLE").get(null);
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:constraint-language;DB_CLOSE_DELAY=-1");
        h2 = memory;
        postgres = EmbeddedPostgres.builder().start();
        for (DataSource db : List.of(h2, postgres.getPostgresDatabase())) {
            try (Connection connection = db.getConnection()) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE event (id BIGINT PRIMARY KEY, title VARCHAR(100), "
                            + "start TIMESTAMP WITH TIME ZONE, due DATE, archived BOOLEAN)");
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO event (id, title, start, due, archived) VALUES (?, ?, ?, ?, ?)")) {
                    for (Object[] e : EVENTS) {
                        insert.setObject(1, e[0]);
                        insert.setObject(2, e[1]);
                        insert.setObject(3, e[2] == null ? null : Instant.parse((String) e[2]).atOffset(ZoneOffset.UTC));
                        insert.setObject(4, e[3] == null ? null : LocalDate.parse((String) e[3]));
                        insert.setObject(5, e[4]);
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        postgres.close();
    }

    private static List<Object> objects() throws ReflectiveOperationException {
        List<Object> events = new ArrayList<>();
        Class<?> type = loader.loadClass("cal.Event");
        for (Object[] e : EVENTS) {
            Object event = type.getConstructor().newInstance();
            type.getMethod("setId", Long.class).invoke(event, e[0]);
            type.getMethod("setTitle", String.class).invoke(event, e[1]);
            type.getMethod("setStart", Instant.class).invoke(event, e[2] == null ? null : Instant.parse((String) e[2]));
            type.getMethod("setDue", LocalDate.class).invoke(event, e[3] == null ? null : LocalDate.parse((String) e[3]));
            type.getMethod("setArchived", Boolean.class).invoke(event, e[4]);
            events.add(event);
        }
        return events;
    }

    private static SecurityContext context(String role, ZoneId zone) {
        return SecurityContext.of(app, UserIdentity.of(1L, role).withZone(zone)).withClock(CLOCK);
    }

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static Stream<Arguments> users() {
        // role, zone (null: the clock's, UTC), the ids the rules mean
        return Stream.of(
                Arguments.of("Planner", AMSTERDAM, "[2, 3, 5]"),
                Arguments.of("Planner", null, "[3, 4, 5]"),
                Arguments.of("Clerk", AMSTERDAM, "[2, 5, 6]"),
                Arguments.of("Clerk", ZoneId.of("Asia/Kolkata"), "[2, 5, 6]"),
                Arguments.of("Viewer", AMSTERDAM, "[3, 5]"),
                Arguments.of("Viewer", null, "[3, 4, 5]"),
                Arguments.of("Archivist", AMSTERDAM, "[1, 2, 4, 5, 6]"),
                Arguments.of("Archivist", ZoneOffset.ofHoursMinutes(5, 30), "[1, 4, 5, 6]"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("users")
    void thePolicyAndTheSqlOnBothDatabasesSeeWhatTheRulesMean(String role, ZoneId zone, String expected) throws Exception {
        SecurityContext ctx = context(role, zone);
        TreeSet<Long> policy = new TreeSet<>();
        for (Object event : objects()) {
            if (table.rules().isVisible(ctx, event)) {
                policy.add((Long) event.getClass().getMethod("getId").invoke(event));
            }
        }
        assertEquals(expected, policy.toString(), "the generated policy");
        for (DataSource db : List.of(h2, postgres.getPostgresDatabase())) {
            TreeSet<Long> sql = new TreeSet<>();
            for (Object event : WardenData.of(db).as(ctx).list(table)) {
                sql.add((Long) event.getClass().getMethod("getId").invoke(event));
            }
            assertEquals(expected, sql.toString(), "the generated table's SQL on " + db);
        }
    }

    @Test
    void theGeneratedTableBindsTimeTokensWithTheirPeriodsAndTheZone() {
        String rules = table.toString() + " " + List.of(table.constraint(1), table.constraint(2), table.constraint(3));
        assertTrue(rules.contains("[%BeginOfCurrentDay%] + 1 Days Instant"), rules);
        assertTrue(rules.contains("[%BeginOfCurrentDay%] - 1 Months LocalDate"), rules);
        assertTrue(rules.contains("AT TIME ZONE ?"), rules);
    }
}
