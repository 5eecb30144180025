package dev.warden.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the single implementation of a service through the current thread's context class loader: a generated one
 * listed for {@link GeneratedServices}, or one registered with {@link ServiceLoader}. Not part of Warden's API.
 *
 * <p>The outcome of the last lookup is kept for as long as the context class loader stays the same, so that
 * asking on every access check is cheap. Failures are kept too and reported again on every call.
 *
 * @param <S> the service type
 */
public final class ServiceLookup<S> {
    private final Class<S> service;
    private final String remedy;
    private volatile Outcome<S> last;

    /**
     * A lookup.
     *
     * @param service the service type
     * @param remedy a sentence telling the user how to pick one implementation when several are found
     */
    public ServiceLookup(Class<S> service, String remedy) {
        this.service = service;
        this.remedy = remedy;
    }

    /**
     * The implementation registered for the service.
     *
     * @return the single implementation, or empty when there is none
     * @throws IllegalStateException when there are several, or one could not be loaded
     */
    public Optional<S> find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Outcome<S> outcome = last;
        if (outcome == null || outcome.loader != loader) {
            outcome = load(loader);
            last = outcome;
        }
        if (outcome.failure != null) {
            throw new IllegalStateException(outcome.failure, outcome.cause);
        }
        return Optional.ofNullable(outcome.found);
    }

    private Outcome<S> load(ClassLoader loader) {
        List<S> found = new ArrayList<>();
        try {
            found.addAll(GeneratedServices.find(service, loader));
        } catch (ServiceConfigurationError e) {
            return new Outcome<>(loader, null,
                    "Could not load the " + service.getSimpleName() + " registered in " + GeneratedServices.INDEX
                            + service.getName() + " or META-INF/services/" + service.getName() + ": " + e.getMessage(),
                    e);
        }
        if (found.size() > 1) {
            String names = found.stream().map(s -> s.getClass().getName()).collect(Collectors.joining(", "));
            return new Outcome<>(loader, null,
                    "Several implementations of " + service.getName() + " are registered: " + names + ". " + remedy,
                    null);
        }
        return new Outcome<>(loader, found.isEmpty() ? null : found.get(0), null, null);
    }

    /** What one lookup found for one class loader: an implementation, nothing, or a failure message. */
    private record Outcome<S>(ClassLoader loader, S found, String failure, Throwable cause) {}
}
