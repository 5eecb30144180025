package dev.warden.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs code with a context class loader that sees some {@code META-INF/services} registrations, as an
 * application with the processor's output on its class path would.
 */
final class ServiceRegistrations {
    private ServiceRegistrations() {}

    /**
     * A class loader that adds one services file to the test class path.
     *
     * @param dir an empty directory for the file
     * @param service the service type
     * @param implementations the implementation classes to register
     */
    static ClassLoader loaderWith(Path dir, Class<?> service, Class<?>... implementations) {
        try {
            Path file = dir.resolve("META-INF/services/" + service.getName());
            Files.createDirectories(file.getParent());
            StringBuilder lines = new StringBuilder();
            for (Class<?> implementation : implementations) {
                lines.append(implementation.getName()).append('\n');
            }
            Files.writeString(file, lines);
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ServiceRegistrations.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls the action with the given context class loader, then restores the previous one. */
    static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
