package dev.warden.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.servlet.OperationAccessFilter;
import fixture.docs.Publishing;
import fixture.docs.PublishingOperations;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's servlet filter for operation access in an embedded Tomcat, over real HTTP: requests mapped to
 * {@code Publishing}'s operations reach the servlet only when {@code Operations.check} allows the user; otherwise
 * 403 (a signed-in user) or 401 (no user, or the anonymous visitor) with a message that names the operation.
 */
class OperationAccessFilterTest {
    private static final AtomicInteger SERVED = new AtomicInteger();
    private static Tomcat tomcat;
    private static int port;

    @TempDir
    static Path base;

    /** The user of a request: the header X-User (reader, writer), anonymous without it, none for "unknown". */
    private static SecurityContext contextOf(HttpServletRequest request) {
        String user = request.getHeader("X-User");
        if (user == null) {
            return Users.anonymous();
        }
        return switch (user) {
            case "reader" -> Users.reader();
            case "writer" -> Users.writer();
            default -> null;
        };
    }

    @BeforeAll
    static void start() throws Exception {
        OperationAccessFilter filter = OperationAccessFilter.builder(OperationAccessFilterTest::contextOf)
                .protect("POST", "/docs/publish/*", Publishing.class, "publish")
                .protect("/docs/withdraw", PublishingOperations.WITHDRAW)
                .protect("GET", "/docs/*", Publishing.class, "read")
                .protect("*.admin", PublishingOperations.WITHDRAW)
                .challenge("Basic realm=\"docs\"")
                .build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "app", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                SERVED.incrementAndGet();
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("served " + request.getMethod() + " " + request.getRequestURI());
            }
        });
        context.addServletMappingDecoded("/", "app");
        FilterDef def = new FilterDef();
        def.setFilterName("warden-operations");
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("warden-operations");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @BeforeEach
    void reset() {
        SERVED.set(0);
    }

    private record Answer(int status, String head, String body) {}

    /** One request over a plain socket, exactly as written (no client normalizes the path). */
    private static Answer request(String method, String target, String user) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (user == null ? "" : "X-User: " + user + "\r\n") + "Content-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, response.substring(split + 4));
        }
    }

    @Test
    void anEditorRunsTheOperationAndTheRequestReachesTheServlet() throws Exception {
        Answer answer = request("POST", "/docs/publish/7", "writer");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("served POST /docs/publish/7", answer.body());
        assertEquals(1, SERVED.get());
    }

    @Test
    void aUserWithoutTheRoleGets403NamingTheOperationAndTheServletDoesNotRun() throws Exception {
        Answer answer = request("POST", "/docs/publish/7", "reader");
        assertEquals(403, answer.status());
        assertEquals("Access denied: cannot run Publishing.publish: it is for module roles Docs.Editor; user roles"
                + " [Reader] hold none of them\n", answer.body());
        assertTrue(answer.head().contains("Content-Type: text/plain;charset=UTF-8"), answer.head());
        assertEquals(0, SERVED.get());
        assertEquals(403, request("DELETE", "/docs/withdraw", "reader").status());
        assertEquals(0, SERVED.get());
    }

    @Test
    void noUserAndTheAnonymousVisitorGet401WithTheChallenge() throws Exception {
        Answer nobody = request("POST", "/docs/publish/7", "unknown");
        assertEquals(401, nobody.status());
        assertEquals("Unauthorized: sign in to run Publishing.publish: there is no user for this request\n", nobody.body());
        assertTrue(nobody.head().contains("WWW-Authenticate: Basic realm=\"docs\""), nobody.head());
        Answer visitor = request("POST", "/docs/publish/7", null);
        assertEquals(401, visitor.status());
        assertEquals("Access denied: cannot run Publishing.publish: it is for module roles Docs.Editor; user roles"
                + " [Visitor] hold none of them\n", visitor.body());
        assertEquals(0, SERVED.get());
    }

    @Test
    void theAnonymousRoleRunsWhatItIsAllowedAndUnmappedRequestsPass() throws Exception {
        assertEquals(200, request("GET", "/docs/7", null).status());
        assertEquals(200, request("GET", "/docs", "reader").status());
        // no mapping: not an operation; the filter lets it through
        assertEquals(200, request("GET", "/health", "unknown").status());
        assertEquals(200, request("POST", "/docs/7", "unknown").status());
        assertEquals(4, SERVED.get());
        // a mapped read for a request with no user
        assertEquals(401, request("GET", "/docs/7", "unknown").status());
        assertEquals(4, SERVED.get());
    }

    @Test
    void otherSpellingsOfAProtectedPathAreStillChecked() throws Exception {
        for (String target : List.of("/docs/publish/7/", "//docs/publish/7", "/docs//publish/7", "/docs/./publish/7",
                "/docs/x/../publish/7", "/docs/publish;v=1/7", "/docs/%70ublish/7", "/docs/publish", "/docs/publish/")) {
            Answer answer = request("POST", target, "reader");
            assertEquals(403, answer.status(), target + ": " + answer.body());
        }
        assertEquals(403, request("post", "/docs/publish/7", "reader").status());
        // HEAD runs as GET in HttpServlet: a GET mapping covers it
        assertEquals(401, request("HEAD", "/docs/7", "unknown").status());
        // an extension pattern, and an exact one with a trailing slash
        assertEquals(403, request("GET", "/reports/all.admin", "reader").status());
        assertEquals(403, request("PUT", "/docs/withdraw/", "reader").status());
        assertEquals(0, SERVED.get());
    }

    @Test
    void everyMatchingMappingMustAllow() throws Exception {
        // GET /docs/withdraw matches the read mapping (allowed for readers) and the withdraw mapping (editors only)
        Answer answer = request("GET", "/docs/withdraw", "reader");
        assertEquals(403, answer.status());
        assertTrue(answer.body().contains("Publishing.withdraw"), answer.body());
        assertEquals(200, request("GET", "/docs/withdraw", "writer").status());
    }

    @Test
    void mappingToAMethodThatIsNotAnOperationOrAMalformedPatternFailsAtStart() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> OperationAccessFilter.builder().protect("/docs/*", Publishing.class, "publsh"));
        assertEquals("Publishing.publsh is not a protected operation (no @AllowedRoles on it or its type, or its"
                + " generated registry is not on the class path); mapping /docs/* to it would deny every request",
                unknown.getMessage());
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> OperationAccessFilter.builder().protect("/docs/*/edit", PublishingOperations.PUBLISH));
        assertFalse(pattern.getMessage().isEmpty());
    }
}
