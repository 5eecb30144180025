package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;

/**
 * {@link WardenSpecification} through Spring Data JPA's own repository implementation ({@code SimpleJpaRepository},
 * as every Spring Data repository with {@code JpaSpecificationExecutor} runs it), on H2 and PostgreSQL: for each user,
 * {@code findAll(spec, pageable)} pages through exactly the rows the policy lets the user see, in order, with the right
 * total on every page (Spring Data's count query carries the filter too), also combined with a condition of the
 * application's; {@code count(spec)} agrees.
 */
class SpecificationPagingTest {
    private static final Map<String, SessionFactory> FACTORIES = new HashMap<>();
    private static final int PAGE = 3;

    @BeforeAll
    static void open() {
        for (String database : Docs.databases()) {
            FACTORIES.put(database, Docs.open(Docs.dataSource(database), Docs.WITHOUT_SAFETY_NET));
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    void pagesAndTotalsCountOnlyVisibleRows(String database, String userName) {
        SecurityContext user = Docs.users().get(userName);
        SessionFactory factory = FACTORIES.get(database);
        List<Long> visible = new ArrayList<>(Docs.visibleByPolicy(factory, "docs.Doc", user));
        List<Long> visibleLong = Docs.inSession(factory, em -> {
            try (SecurityContext.Scope system = SecurityContext.system(Docs.APP)) {
                List<Long> ids = new ArrayList<>();
                for (Long id : visible) {
                    Object doc = em.find(Docs.type("docs.Doc"), id);
                    if ((Integer) invoke(doc, "getPages") >= 10) {
                        ids.add(id);
                    }
                }
                return ids;
            }
        });
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            Docs.inSession(factory, em -> {
                SimpleJpaRepository repository = new SimpleJpaRepository(Docs.type("docs.Doc"), em);
                assertPages(repository, WardenSpecification.readable(), visible);
                Specification<Object> longOnes = (root, query, cb) -> cb.ge(root.get("pages"), 10);
                assertPages(repository, WardenSpecification.readable().and(longOnes), visibleLong);
                assertEquals(visible.size(), repository.count(WardenSpecification.readable(user)));
                return null;
            });
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertPages(SimpleJpaRepository repository, Specification spec, List<Long> expected) {
        List<Long> seen = new ArrayList<>();
        int pages = (expected.size() + PAGE - 1) / PAGE;
        for (int number = 0; number < Math.max(1, pages); number++) {
            Page<Object> page = repository.findAll(spec, PageRequest.of(number, PAGE, Sort.by("id")));
            assertEquals(expected.size(), page.getTotalElements(), "total on page " + number);
            assertEquals(pages, page.getTotalPages(), "pages");
            page.getContent().forEach(row -> seen.add((Long) Docs.id(row)));
        }
        assertEquals(expected, seen, "the rows, page by page");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void withoutAContextTheCurrentUsersSpecificationDenies() {
        SessionFactory factory = FACTORIES.get("h2");
        Docs.inSession(factory, em -> {
            SimpleJpaRepository repository = new SimpleJpaRepository(Docs.type("docs.Doc"), em);
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> repository.findAll(WardenSpecification.readable(), PageRequest.of(0, PAGE)));
            assertTrue(denied.getMessage().contains("context"), denied.getMessage());
            return null;
        });
    }

    @Test
    void theFixtureHasUsersWithMoreThanOnePage() {
        TreeSet<Long> many = Docs.visibleByPolicy(FACTORIES.get("h2"), "docs.Doc", Docs.users().get("editor 3"));
        assertTrue(many.size() > PAGE, "the count query runs only beyond the first page: " + many);
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
