package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.runtime.SecurityContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The automatic read filter ({@link ReadFilters}) over the documents fixture, with the safety net on (the default
 * setup): for the ten users of {@link Docs} (tokens through to-one paths, sub-constraints on to-many, date parts in
 * the user's zone, case-insensitive functions, a user-role token, anonymous, the system) a plain
 * {@code select e from Entity e}, with no filter written in it, returns exactly the rows the policy allows, and
 * {@code count} counts them, on H2 and PostgreSQL.
 */
class ReadFilterDocsTest {
    private static final Map<String, SessionFactory> FACTORIES = new HashMap<>();

    @BeforeAll
    static void open() {
        for (String database : Docs.databases()) {
            FACTORIES.put(database, Docs.open(Docs.dataSource(database), Map.of()));
        }
    }

    @AfterAll
    static void close() {
        FACTORIES.values().forEach(SessionFactory::close);
    }

    static Stream<Arguments> databasesAndUsers() {
        List<Arguments> arguments = new ArrayList<>();
        for (String database : Docs.databases()) {
            for (String user : Docs.users().keySet()) {
                arguments.add(Arguments.of(database, user));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("databasesAndUsers")
    void plainQueriesReturnThePolicyRows(String database, String userName) {
        SecurityContext user = Docs.users().get(userName);
        SessionFactory factory = FACTORIES.get(database);
        for (String entity : Docs.ENTITIES) {
            String name = Docs.simpleName(entity);
            TreeSet<Long> expected = Docs.visibleByPolicy(factory, entity, user);
            try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
                TreeSet<Long> rows = Docs.inSession(factory, em -> {
                    TreeSet<Long> ids = new TreeSet<>();
                    for (Object row : em.createQuery("select e from " + name + " e").getResultList()) {
                        ids.add((Long) Docs.id(row));
                    }
                    return ids;
                });
                assertEquals(expected, rows, entity + " rows");
                Long count = Docs.inSession(factory, em -> em.createQuery("select count(e) from " + name + " e",
                        Long.class).getSingleResult());
                assertEquals(expected.size(), count.intValue(), entity + " count");
            }
        }
    }
}
