package dev.warden.spring.boot.notes.memos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.spring.boot.notes.NotesApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Data JPA repository in the notes application, over real HTTP on H2, with nothing Warden-specific in the
 * repository: the starter put Warden into Boot's EntityManagerFactory, so findAll, a derived query and an
 * {@code @Query} return only the rows the Spring Security user may read (filtered in SQL), findById of another row is
 * refused (403), the read filter as a Specification lists the same rows, and save and delete are checked.
 */
@SpringBootTest(classes = NotesApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class MemoRepositoryHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + NotesApp.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Long> ids(String user, String path) throws Exception {
        HttpResponse<String> response = send(user, "GET", path, null);
        assertEquals(200, response.statusCode(), user + " " + path + ": " + response.body());
        List<Long> ids = new ArrayList<>();
        for (JsonNode memo : JSON.readTree(response.body())) {
            ids.add(memo.get("id").asLong());
        }
        return ids;
    }

    private int status(String user, String method, String path, String body) throws Exception {
        return send(user, method, path, body).statusCode();
    }

    @Test
    void theReadFilterListsExactlyTheRowsEachUserMayRead() throws Exception {
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("ada", "/memos"));
        assertEquals(List.of(1L, 2L), ids("wes", "/memos"));
        assertEquals(List.of(3L), ids("nina", "/memos"));
        assertEquals(List.of(2L), ids(null, "/memos"));
        assertEquals(403, status("odd", "GET", "/memos", null)); // signed in, but no user role: refused outright
        assertEquals("{\"count\":2}", send("wes", "GET", "/memos/count", null).body());
    }

    @Test
    void findByIdReturnsAReadableRowAndRefusesAnotherOne() throws Exception {
        HttpResponse<String> own = send("nina", "GET", "/memos/3", null);
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("Nina draft", JSON.readTree(own.body()).get("title").asString());
        assertEquals(200, status(null, "GET", "/memos/2", null));

        assertEquals(403, status("nina", "GET", "/memos/1", null));
        assertEquals(403, status(null, "GET", "/memos/1", null));
        assertEquals(403, status("odd", "GET", "/memos/2", null));
    }

    @Test
    void plainFindAllDerivedQueriesAndQueryMethodsReturnOnlyTheReadableRows() throws Exception {
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("ada", "/memos/all"));
        assertEquals(List.of(1L, 2L), ids("wes", "/memos/all")); // memos 3 and 4 are not his: left out in SQL
        assertEquals(List.of(2L), ids(null, "/memos/all"));
        assertEquals(403, status("odd", "GET", "/memos/all", null));

        assertEquals(List.of(3L), ids("nina", "/memos/region/South"));
        assertEquals(List.of(1L, 2L), ids("wes", "/memos/region/North")); // memo 4 is Ada's

        assertEquals(List.of(1L, 2L), ids("wes", "/memos/titled/Wes"));
        assertEquals(List.of(), ids("nina", "/memos/titled/Wes"));
        assertEquals(List.of(2L), ids(null, "/memos/titled/Wes%20pub"));
    }

    @Test
    void saveChecksCreateAndWriteAccess() throws Exception {
        String memo = "{\"owner\":2,\"title\":\"Wes new\",\"region\":\"North\",\"published\":false}";
        HttpResponse<String> created = send("wes", "POST", "/memos", memo);
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertEquals("Wes new", jdbc.queryForObject("SELECT title FROM memo WHERE id = ?", String.class, id));

        int before = jdbc.queryForObject("SELECT COUNT(*) FROM memo", Integer.class);
        assertEquals(403, status(null, "POST", "/memos", memo)); // a Reader may not create memos
        assertEquals(403, status("odd", "POST", "/memos", memo));
        assertEquals(before, jdbc.queryForObject("SELECT COUNT(*) FROM memo", Integer.class));

        assertEquals(403, status(null, "PUT", "/memos/2/title", "Guest's title")); // readable, not writable
        assertEquals(200, status("wes", "PUT", "/memos/2/title", "Wes published, retitled"));
        assertEquals("Wes published, retitled", jdbc.queryForObject("SELECT title FROM memo WHERE id = 2", String.class));
        jdbc.update("UPDATE memo SET title = 'Wes published' WHERE id = 2");
        jdbc.update("DELETE FROM memo WHERE id = ?", id); // the other tests count the rows of data.sql
    }

    @Test
    void deleteChecksDeleteAccess() throws Exception {
        String memo = "{\"owner\":3,\"title\":\"Nina scratch\",\"region\":\"South\",\"published\":true}";
        HttpResponse<String> created = send("nina", "POST", "/memos", memo);
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();

        assertEquals(403, status(null, "DELETE", "/memos/" + id, null)); // a Reader reads it but may not delete it
        assertEquals(403, status("wes", "DELETE", "/memos/" + id, null)); // not his: he may not even read it
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM memo WHERE id = ?", Integer.class, id));

        assertEquals(204, status("nina", "DELETE", "/memos/" + id, null));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM memo WHERE id = ?", Integer.class, id));
    }
}
