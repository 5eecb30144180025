package dev.warden.spring.boot.actuate;

import dev.warden.runtime.ApplicationModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code GET /actuator/warden}: the security overview of the application, as the Warden processor wrote it next to
 * the classes ({@code META-INF/warden/security-overview.json} and {@code .html}): for every user role and entity,
 * what it may see, create, delete, read and write. JSON by default, the HTML page for {@code Accept: text/html} (a
 * browser). When several jars carry an overview, the one of this application's {@code @AppSecurity} class is served;
 * when there is none, 404 says why.
 *
 * <p>The overview describes the application's rules, not its data; expose it like the other actuator endpoints
 * ({@code management.endpoints.web.exposure.include=warden}) to whom may see it.
 */
@WebEndpoint(id = "warden")
public class WardenEndpoint {
    /** Where the processor writes the overview; {@code WardenProcessor.OVERVIEW}. */
    static final String RESOURCE = "META-INF/warden/security-overview";

    private final ApplicationModel application;
    private final ClassLoader classLoader;
    private final Map<OverviewFormat, WebEndpointResponse<String>> answers = new ConcurrentHashMap<>();

    /**
     * An endpoint.
     *
     * @param application the application whose overview it serves
     * @param classLoader where the overview is
     */
    public WardenEndpoint(ApplicationModel application, ClassLoader classLoader) {
        this.application = Objects.requireNonNull(application, "application");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * The overview.
     *
     * @param format JSON or HTML, from the request's {@code Accept} header
     * @return 200 with the overview, or 404 with why there is none
     */
    @ReadOperation(producesFrom = OverviewFormat.class)
    public WebEndpointResponse<String> overview(OverviewFormat format) {
        return answers.computeIfAbsent(format, this::answer);
    }

    private WebEndpointResponse<String> answer(OverviewFormat format) {
        List<URL> candidates = resources(RESOURCE + ".json");
        Pattern ownName = Pattern.compile("\"application\"\\s*:\\s*\"" + Pattern.quote(application.name()) + "\"");
        List<URL> own = new ArrayList<>();
        for (URL candidate : candidates) {
            if (ownName.matcher(read(candidate)).find()) {
                own.add(candidate);
            }
        }
        if (own.isEmpty()) {
            return new WebEndpointResponse<>(missing(format, "No security overview of " + application.name()
                    + " is on the class path (" + RESOURCE + ".json, found " + candidates.size() + " of other "
                    + "applications): compile the class annotated @AppSecurity with the Warden processor"),
                    WebEndpointResponse.STATUS_NOT_FOUND, format.getProducedMimeType());
        }
        if (format == OverviewFormat.JSON) {
            return new WebEndpointResponse<>(read(own.get(0)), format);
        }
        String json = own.get(0).toString();
        String html = json.substring(0, json.length() - ".json".length()) + ".html";
        URL document = resources(RESOURCE + ".html").stream().filter(url -> url.toString().equals(html)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The processor wrote " + json + " but no " + html));
        return new WebEndpointResponse<>(read(document), format);
    }

    private List<URL> resources(String name) {
        try {
            return Collections.list(classLoader.getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for " + name + " on the class path", e);
        }
    }

    private static String missing(OverviewFormat format, String message) {
        if (format == OverviewFormat.HTML) {
            return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>No security overview</title></head>"
                    + "<body><p>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
        }
        return "{\"error\": \"Not Found\", \"message\": \"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    @Override
    public String toString() {
        return "WardenEndpoint[" + application.name() + "]";
    }
}
