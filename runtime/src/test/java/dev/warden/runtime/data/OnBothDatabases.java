package dev.warden.runtime.data;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(OnBothDatabases.Provider.class)
public @interface OnBothDatabases {
    /** Provides the two databases from the root store, so that the engine closes them when the run ends. */
    final class Provider implements ArgumentsProvider {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Provider.class);

        /** Both databases; closing closes both. */
        static final class Databases implements AutoCloseable {
            final TestDatabase h2 = TestDatabase.h2();
            final TestDatabase postgres = TestDatabase.postgres();

            @Override
            public void close() {
                try {
                    h2.shutdown();
                } finally {
                    postgres.shutdown();
                }
            }
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context) {
            Databases databases = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Databases.class, type -> new Databases(), Databases.class);
            return Stream.of(Arguments.of(databases.h2), Arguments.of(databases.postgres));
        }
    }
}
