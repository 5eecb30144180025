package dev.warden.verification.support;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class loader over what a compilation produced, classes and resources alike (the {@code META-INF/services} files
 * the processor writes), over the test class path: {@link java.util.ServiceLoader} finds the generated registries in
 * it as in an application.
 */
public final class CompiledClasses extends ClassLoader {
    private final Map<String, byte[]> files = new HashMap<>();

    public CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        compilation.generatedFiles().forEach(file -> {
            String path = file.toUri().getPath();
            int start = path.indexOf("/CLASS_OUTPUT/");
            if (start >= 0) {
                try (InputStream in = file.openInputStream()) {
                    files.put(path.substring(start + "/CLASS_OUTPUT/".length()), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = files.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            return null;
        }
        try {
            return new URL(null, "compiled:/" + name, new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {}

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
