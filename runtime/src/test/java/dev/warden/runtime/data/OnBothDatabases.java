package dev.warden.runtime.data;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a test once on H2 and once on PostgreSQL, passing the {@link TestDatabase}. Both are started once for the
 * whole test run and stopped at its end.
 *
 * <p>The system property {@code warden.test.databases} ({@code h2}, {@code postgresql} or both, comma-separated;
 * both by default) limits the run to some of them. The mutation-testing profile runs on H2 only, because PIT
 * starts a fresh JVM per batch of mutants and would start a PostgreSQL server in each.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(OnBothDatabases.Provider.class)
public @interface OnBothDatabases {
    /** Provides the two databases from the root store, so that the engine closes them when the run ends. */
    final class Provider implements ArgumentsProvider {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Provider.class);

        /** The selected databases, started on first use; closing closes them all. */
        static final class Databases implements AutoCloseable {
            final List<TestDatabase> selected = new ArrayList<>();

            Databases(Set<String> names) {
                if (names.contains("h2")) {
                    selected.add(TestDatabase.h2());
                }
                if (names.contains("postgresql")) {
                    selected.add(TestDatabase.postgres());
                }
            }

            @Override
            public void close() {
                RuntimeException failure = null;
                for (TestDatabase database : selected) {
                    try {
                        database.shutdown();
                    } catch (RuntimeException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
        }

        /** The databases named by {@code warden.test.databases}; an unknown name fails the run rather than testing less. */
        static Set<String> selectedNames() {
            String property = System.getProperty("warden.test.databases", "h2,postgresql");
            Set<String> names = new LinkedHashSet<>();
            for (String name : property.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.equals("h2") && !trimmed.equals("postgresql")) {
                    throw new IllegalArgumentException("warden.test.databases: unknown database '" + name.trim()
                            + "'; use h2, postgresql or both, comma-separated");
                }
                names.add(trimmed);
            }
            return names;
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context) {
            Databases databases = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Databases.class, type -> new Databases(selectedNames()), Databases.class);
            return databases.selected.stream().map(Arguments::of);
        }
    }
}
