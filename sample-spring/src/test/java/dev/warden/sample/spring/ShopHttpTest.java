package dev.warden.sample.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample over real HTTP, one subclass per database: for every demo user the invoices GET lists (a plain
 * {@code findAll}, filtered in SQL by Warden) and pages with their totals, a write of a
 * member the user may not change and a create the user may not make refused with 403 (and nothing changed), no user
 * refused with 401.
 */
abstract class ShopHttpTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    InvoiceRepository invoices;

    @Test
    void everyUserListsWhatTheRulesAllow() throws Exception {
        assertEquals(List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli"), customers(get("alice", "/api/invoices")));
        assertEquals(List.of("Acme", "Globex", "Initech"), customers(get("bob", "/api/invoices")));
        assertEquals(List.of("Umbrella", "Hooli"), customers(get("carol", "/api/invoices")));
        assertEquals(List.of("Globex", "Umbrella"), customers(get("dave", "/api/invoices")));
    }

    @Test
    void pagesAndTheirTotalsCountOnlyReadableInvoices() throws Exception {
        String first = get("bob", "/api/invoices/page/0");
        assertEquals(List.of("Acme", "Globex"), customers(first));
        assertTrue(first.endsWith("\"total\":3}"), first);
        String second = get("bob", "/api/invoices/page/1");
        assertEquals(List.of("Initech"), customers(second));
        assertTrue(second.endsWith("\"total\":3}"), second);
        String dave = get("dave", "/api/invoices/page/0?size=5");
        assertEquals(List.of("Globex", "Umbrella"), customers(dave));
        assertTrue(dave.endsWith("\"total\":2}"), dave);
    }

    @Test
    void anInvisibleInvoiceIsNotFound() throws Exception {
        assertEquals(404, send("bob", "GET", "/api/invoices/" + id("Umbrella"), null).statusCode());
        assertEquals(200, send("carol", "GET", "/api/invoices/" + id("Umbrella"), null).statusCode());
        assertEquals(404, send("dave", "GET", "/api/invoices/" + id("Acme"), null).statusCode());
    }

    @Test
    void aClerkChangesTheNoteButNotTheAmount() throws Exception {
        String acme = "/api/invoices/" + id("Acme");
        HttpResponse<String> denied = send("bob", "PATCH", acme, "{\"amount\": 1}");
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("amount"), denied.body());
        assertTrue(get("alice", acme).contains("\"amount\":500"), "the denied change was rolled back");

        HttpResponse<String> allowed = send("bob", "PATCH", acme, "{\"note\": \"call back\"}");
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(get("alice", acme).contains("\"note\":\"call back\""));
        assertEquals(200, send("alice", "PATCH", acme, "{\"note\": null}").statusCode());

        // Another clerk's invoice is not even found, and the auditor changes nothing.
        assertEquals(404, send("carol", "PATCH", acme, "{\"note\": \"mine\"}").statusCode());
        assertEquals(403, send("dave", "PATCH", "/api/invoices/" + id("Globex"), "{\"note\": \"x\"}").statusCode());
        assertEquals(200, send("alice", "PATCH", acme, "{\"amount\": 500}").statusCode());
    }

    @Test
    void onlyManagersAndClerksCreate() throws Exception {
        long before = countAll();
        HttpResponse<String> denied = send("dave", "POST", "/api/invoices", "{\"customer\": \"Stark\", \"amount\": 7}");
        assertEquals(403, denied.statusCode(), denied.body());
        assertEquals(before, countAll());

        HttpResponse<String> created = send("carol", "POST", "/api/invoices", "{\"customer\": \"Wayne\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(customers(get("carol", "/api/invoices")).contains("Wayne"));
        assertTrue(!customers(get("bob", "/api/invoices")).contains("Wayne"));
        long id = id("Wayne");
        try (var system = dev.warden.runtime.SecurityContext.system()) {
            invoices.deleteById(id);
        }
        assertEquals(before, countAll());
    }

    @Test
    void nobodySignedInIsRefused() throws Exception {
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(uri("/api/invoices")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, list.statusCode());
        HttpResponse<String> wrongPassword = client.send(HttpRequest.newBuilder(uri("/api/invoices"))
                .header("Authorization", basic("alice", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrongPassword.statusCode());
    }

    private long countAll() {
        try (var system = dev.warden.runtime.SecurityContext.system()) {
            return invoices.count();
        }
    }

    private long id(String customer) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"owner\":\\d+,\"customer\":\"" + customer + "\"")
                .matcher(get("alice", "/api/invoices"));
        assertTrue(m.find(), customer);
        return Long.parseLong(m.group(1));
    }

    private String get(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(user, "GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> send(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization",
                basic(user, ShopApplication.PASSWORD));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> customers(String json) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"customer\":\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
