package dev.warden.spring.boot.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With {@code spring.threads.virtual.enabled}, Boot's task executor runs {@code @Async} methods on virtual threads,
 * and the starter's task decorator still hands them the caller's user. Virtual threads need Java 21: on the Java 17
 * the build targets this class is skipped; run the module's tests on a JDK 21 or newer to include it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.threads.virtual.enabled=true")
@EnabledForJreRange(min = JRE.JAVA_21)
@DirtiesContext
class NotesVirtualThreadsTest {
    @LocalServerPort
    int port;

    private String get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + NotesApp.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void asyncMethodsOnVirtualThreadsActForTheCaller() throws Exception {
        String direct = get("nina", "/notes/count");
        String async = get("nina", "/notes/count/async");

        assertTrue(async.startsWith(direct + " on "), async + " vs " + direct);
        assertTrue(async.endsWith(" virtual"), "ran on a virtual thread: " + async);
        String guest = get(null, "/notes/count/async");
        assertEquals(get(null, "/notes/count"), guest.substring(0, guest.indexOf(' ')));
    }
}
