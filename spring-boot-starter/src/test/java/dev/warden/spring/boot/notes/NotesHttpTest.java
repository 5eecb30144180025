package dev.warden.spring.boot.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter in a Spring Boot application on a random port, over real HTTP: Spring Security's users become
 * Warden's (with Spring Security 7's FACTOR_PASSWORD authority ignored), WardenData on the application's H2 data
 * source applies their rules, denials are 403 or 404, {@code @Async} and the TaskExecutor keep the user, and
 * {@code /actuator/warden} serves the security overview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class NotesHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String user, String method, String path, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            boolean json = body.startsWith("{") || body.startsWith("[");
            request.header("Content-Type", json ? "application/json" : "text/plain");
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + (user.equals("mallory") ? "wrong" : NotesApp.PASSWORD))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(user, "GET", path, null, null);
    }

    /** The ids of the seeded notes (1 to 5) the user sees; notes the tests create are left out. */
    private Set<Long> visibleSeededNotes(String user) throws Exception {
        HttpResponse<String> response = get(user, "/notes");
        assertEquals(200, response.statusCode(), response.body());
        Set<Long> ids = new TreeSet<>();
        for (JsonNode note : JSON.readTree(response.body())) {
            if (note.get("id").asLong() <= 5) {
                ids.add(note.get("id").asLong());
            }
        }
        return ids;
    }

    @Test
    void eachSpringSecurityUserIsAWardenUser() throws Exception {
        JsonNode wes = JSON.readTree(get("wes", "/me").body());
        assertEquals(2, wes.get("id").asLong());
        assertEquals(List.of("Member"), JSON.convertValue(wes.get("userRoles"), List.class),
                "ROLE_Member is Member; Spring Security 7's FACTOR_PASSWORD is ignored");
        assertEquals("North", wes.get("region").asString());

        JsonNode ada = JSON.readTree(get("ada", "/me").body());
        assertEquals(List.of("Administrator"), JSON.convertValue(ada.get("userRoles"), List.class),
                "ROLE_ADMIN is mapped by warden.roles.Administrator");

        JsonNode guest = JSON.readTree(get(null, "/me").body());
        assertTrue(guest.get("anonymous").asBoolean());
        assertEquals(List.of("Guest"), JSON.convertValue(guest.get("userRoles"), List.class));
    }

    @Test
    void eachUserSeesWhatTheRulesAllow() throws Exception {
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), visibleSeededNotes("ada"));
        assertEquals(Set.of(1L, 2L, 4L), visibleSeededNotes("wes"), "own notes and those of region North");
        assertEquals(Set.of(3L, 5L), visibleSeededNotes("nina"));
        assertEquals(Set.of(2L, 5L), visibleSeededNotes(null), "a guest sees the published notes");
    }

    @Test
    void aGuestDoesNotReadTheBody() throws Exception {
        JsonNode note = JSON.readTree(get(null, "/notes/2").body());
        assertEquals("Wes published", note.get("title").asString());
        assertTrue(note.get("body").isNull(), note.toString());

        assertEquals("Wes public body", JSON.readTree(get("wes", "/notes/2").body()).get("body").asString());
    }

    @Test
    void aNoteTheUserMayNotSeeIsNotFoundAsIfItWereAbsent() throws Exception {
        assertEquals(404, get("nina", "/notes/1").statusCode());
        assertEquals(404, get("nina", "/notes/999").statusCode());
    }

    @Test
    void aDeniedChangeIsForbiddenWithoutTheReason() throws Exception {
        HttpResponse<String> response = send("wes", "PATCH", "/notes/4/title", "Mine now", null);

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("Forbidden", problem.get("title").asString());
        assertEquals("/notes/4/title", problem.get("instance").asString());
        assertNull(problem.get("detail"), "the reason is not exposed by default: " + response.body());
        assertEquals("Ada north memo", JSON.readTree(get("ada", "/notes/4").body()).get("title").asString(),
                "nothing was written");
    }

    @Test
    void anAllowedChangeIsStored() throws Exception {
        HttpResponse<String> renamed = send("wes", "PATCH", "/notes/1/title", "Wes draft, renamed", null);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Wes draft, renamed", JSON.readTree(get("wes", "/notes/1").body()).get("title").asString());
        assertEquals(200, send("wes", "PATCH", "/notes/1/title", "Wes draft", null).statusCode());
    }

    @Test
    void aDeniedDeleteIsNotFoundAsIfTheNoteWereAbsent() throws Exception {
        HttpResponse<String> invisible = send("wes", "DELETE", "/notes/3", null, null);
        HttpResponse<String> visibleButNotDeletable = send("wes", "DELETE", "/notes/4", null, null);
        HttpResponse<String> absent = send("wes", "DELETE", "/notes/999", null, null);

        for (HttpResponse<String> response : List.of(invisible, visibleButNotDeletable, absent)) {
            assertEquals(404, response.statusCode(), response.body());
            JsonNode problem = JSON.readTree(response.body());
            assertEquals("Not Found", problem.get("title").asString());
            assertNull(problem.get("detail"));
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), visibleSeededNotes("ada"), "nothing was deleted");
    }

    @Test
    void aMemberCreatesAndDeletesTheirOwnNote() throws Exception {
        HttpResponse<String> created = send("nina", "POST", "/notes",
                "{\"title\": \"New\", \"body\": \"text\", \"published\": false, \"owner\": 1}",
                null);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode note = JSON.readTree(created.body());
        assertEquals(3, note.get("owner").asLong(), "Warden fills the owner with the creator's id");

        assertEquals(204, send("nina", "DELETE", "/notes/" + note.get("id").asLong(), null, null).statusCode());
        assertEquals(404, get("ada", "/notes/" + note.get("id").asLong()).statusCode());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDenialInsideTransactionalRollsBackEverythingTheTransactionDid() throws Exception {
        HttpResponse<String> created = send("wes", "POST", "/notes",
                "{\"title\": \"To publish\", \"published\": false}", null);
        long id = JSON.readTree(created.body()).get("id").asLong();
        try {
            HttpResponse<String> denied = send("wes", "POST", "/notes/publish", "[" + id + ", 4]", null);
            assertEquals(403, denied.statusCode(), "note 4 is not wes's: " + denied.body());
            assertEquals(404, get(null, "/notes/" + id).statusCode(), "the first note was not published either");
            assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class),
                    "nor was JdbcTemplate's record of it kept");

            assertEquals(204, send("wes", "POST", "/notes/publish", "[" + id + "]", null).statusCode());
            assertEquals(200, get(null, "/notes/" + id).statusCode());
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class));
        } finally {
            send("wes", "DELETE", "/notes/" + id, null, null);
            jdbc.update("DELETE FROM publication");
        }
    }

    @Test
    void aGuestCannotCreate() throws Exception {
        HttpResponse<String> response = send(null, "POST", "/notes", "{\"title\": \"Spam\"}", null);
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void aSignedInUserWithoutAWardenRoleIsForbiddenNotAGuest() throws Exception {
        HttpResponse<String> response = get("odd", "/notes");

        assertEquals(403, response.statusCode(), response.body());
        assertFalse(response.body().contains("ROLE_USER"), "the reason is not exposed: " + response.body());
        assertFalse(response.body().contains(NotesApp.PASSWORD));
    }

    @Test
    void operationAccessLetsOnlyTheRolesItListsRunAMethod() throws Exception {
        HttpResponse<String> admin = get("ada", "/notes/total");
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(Long.parseLong(admin.body()) >= 5, admin.body());

        for (String user : new String[] {"wes", null}) {
            HttpResponse<String> denied = get(user, "/notes/total");
            assertEquals(403, denied.statusCode(), user + ": " + denied.body());
        }
    }

    @Test
    void wrongCredentialsAreSpringSecuritysAnswer() throws Exception {
        assertEquals(401, get("mallory", "/notes").statusCode());
    }

    @Test
    void asyncMethodsAndTheTaskExecutorActForTheCaller() throws Exception {
        String direct = get("wes", "/notes/count").body();
        String async = get("wes", "/notes/count/async").body();
        String executor = get("wes", "/notes/count/executor").body();
        String guest = get(null, "/notes/count/async").body();

        assertTrue(async.startsWith(direct + " on "), async + " vs " + direct);
        assertFalse(async.contains(" on http-nio"), "ran on the task executor: " + async);
        assertTrue(executor.startsWith(direct + " on "), executor + " vs " + direct);
        assertEquals(get(null, "/notes/count").body(), guest.substring(0, guest.indexOf(' ')),
                "a guest's task counts what a guest sees");
        assertFalse(direct.equals(get(null, "/notes/count").body()), "the test can tell the two apart");
    }

    @Test
    void theSecurityOverviewIsAnActuatorEndpoint() throws Exception {
        HttpResponse<String> json = get(null, "/actuator/warden");
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(resource("META-INF/warden/security-overview.json"), json.body());
        assertEquals("NotesSecurity", JSON.readTree(json.body()).get("application").asString());

        HttpResponse<String> html = send(null, "GET", "/actuator/warden", null,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(resource("META-INF/warden/security-overview.html"), html.body());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotesHttpTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " was not written by the processor");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
