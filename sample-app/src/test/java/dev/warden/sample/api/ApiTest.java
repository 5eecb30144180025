package dev.warden.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.sample.app.ShopDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON API over HTTP, for several users: reads contain only what the user may read, writes the rules deny get
 * 403, bad requests get 4xx, and no error body leaks a value or a stack trace. Each test has its own database and
 * server, on a free port.
 */
class ApiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ShopDatabase database;
    private ApiServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** A response: status, headers and the body parsed as JSON (null for none). */
    private record Answer(int status, HttpResponse<String> response, Object json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json;
        }

        String body() {
            return response.body();
        }
    }

    @BeforeEach
    void start() throws IOException {
        database = ShopDatabase.createAndSeed();
        server = ApiServer.start(database, 0, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    private Answer call(String user, String method, String path, String body) throws Exception {
        return call(user == null ? null : user + ":demo", method, path, body, "application/json");
    }

    private Answer call(String credentials, String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Object json = response.body().isEmpty() ? null : Json.parse(response.body());
        if (response.statusCode() >= 400) {
            assertErrorBody(response.body());
        }
        return new Answer(response.statusCode(), response, json);
    }

    private Answer get(String user, String path) throws Exception {
        return call(user, "GET", path, null);
    }

    /** An error body is {"error", "message"} and carries no stack trace, exception name or stored secret. */
    private static void assertErrorBody(String body) throws Exception {
        Object json = Json.parse(body);
        assertTrue(json instanceof Map<?, ?> map && map.keySet().equals(java.util.Set.of("error", "message")), body);
        for (String leak : List.of("Exception", "\tat ", "at dev.warden", "sha256", "SQL", "SELECT", "Caused by")) {
            assertFalse(body.contains(leak), "error body leaks '" + leak + "': " + body);
        }
    }

    private static String message(Answer answer) {
        return (String) answer.object().get("message");
    }

    // ---------------------------------------------------------------------------------------- hostile clients

    @Test
    void clientsThatNeverFinishTheirBodyDoNotPinTheWorkers() throws Exception {
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) { // more than the four workers
                java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"note\": ")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            HttpRequest products = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/products"))
                    .timeout(java.time.Duration.ofSeconds(60)).build(); // so that a regression fails, not hangs
            assertEquals(200, CLIENT.send(products, HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a worker answers while the slow clients wait");
            for (java.net.Socket socket : slow) {
                try {
                    assertEquals(-1, socket.getInputStream().read(), "the server closed the slow connection");
                } catch (java.net.SocketException reset) {
                    // closed by the server with unread input: a reset instead of an orderly close
                }
            }
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aNumberNoColumnCanHoldIsABadRequestNotMinutesOfWork() throws Exception {
        Answer answer = get("demo_salesrep", "/api/orders?total=1e10000000");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(message(answer).contains("total"), answer.body());
    }

    // ------------------------------------------------------------------------------------------------- guest

    @Test
    void guestSeesTheActiveCatalogueWithoutCostPricesAndNothingElse() throws Exception {
        Answer products = get(null, "/api/products");
        assertEquals(200, products.status());
        assertEquals("application/json; charset=utf-8", products.response().headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of(
                Map.of("id", new BigDecimal("1"), "name", "Anvil", "price", new BigDecimal("99.00"), "active", true),
                Map.of("id", new BigDecimal("2"), "name", "Rocket skates", "price", new BigDecimal("250.00"), "active", true)),
                products.list());
        assertFalse(products.body().contains("costPrice"), products.body());
        assertEquals(List.of(), get(null, "/api/orders").list());
        assertEquals(List.of(), get(null, "/api/accounts").list());
        Answer order = get(null, "/api/orders/1000");
        assertEquals(404, order.status());
        assertEquals("there is no Order 1000 that you may see", message(order));
        assertEquals(404, get(null, "/api/products/3").status());
    }

    @Test
    void guestMayNotCreateOrSortByWhatTheyCannotRead() throws Exception {
        Answer create = call(null, "POST", "/api/orders", "{\"customer\": 100}");
        assertEquals(403, create.status());
        assertEquals("forbidden", create.object().get("error"));
        Answer sorted = get(null, "/api/products?sort=-costPrice");
        assertEquals(403, sorted.status());
        assertEquals("Access denied: cannot READ member 'costPrice' of Product: no rule gives user roles [Guest] read"
                + " access to it, so a query may not filter or sort by it", message(sorted));
        assertEquals(403, get(null, "/api/products?costPrice=40.00").status());
    }

    // --------------------------------------------------------------------------------------------- sales rep

    @Test
    void salesRepReadsManagedCustomersInFullAndOnlyNameAndRegionOfOthers() throws Exception {
        List<Map<String, Object>> customers = get("demo_salesrep", "/api/customers").list();
        assertEquals(3, customers.size());
        assertEquals("Acme Corp", customers.get(0).get("name"));
        assertEquals(new BigDecimal("5000.00"), customers.get(0).get("creditLimit"));
        // Globex is in the rep's region but managed by someone else: its other members are masked in the SQL.
        Map<String, Object> globex = customers.get(1);
        assertEquals("Globex", globex.get("name"));
        assertEquals("North", globex.get("region"));
        for (String masked : List.of("accountManager", "userId", "email", "creditLimit")) {
            assertEquals(null, globex.get(masked), masked);
        }
        assertEquals(new BigDecimal("103"), customers.get(2).get("id"));
        assertEquals(404, get("demo_salesrep", "/api/customers/102").status());
    }

    @Test
    void salesRepMovesOrdersOfTheirCustomersAlongButCannotChangeTotals() throws Exception {
        List<Map<String, Object>> orders = get("demo_salesrep", "/api/orders?sort=-total").list();
        assertEquals(List.of(new BigDecimal("1004"), new BigDecimal("1001"), new BigDecimal("1000")),
                orders.stream().map(o -> o.get("id")).toList());
        Object created = get("demo_salesrep", "/api/orders/1000").object().get("createdDate");
        assertTrue(created instanceof String, String.valueOf(created));
        Answer placed = call("demo_salesrep", "PATCH", "/api/orders/1000", "{\"status\": \"PLACED\"}");
        assertEquals(200, placed.status());
        assertEquals("PLACED", placed.object().get("status"));
        assertEquals(new BigDecimal("99.00"), placed.object().get("total"));
        // Warden's system members: the rep is now the last to have changed it; its creation date is kept.
        assertEquals(new BigDecimal("3"), placed.object().get("changedBy"));
        assertEquals(created, placed.object().get("createdDate"));
        // 1004 is the rep's customer's, but older than the week a rep may move orders along in (a date token).
        Answer old = call("demo_salesrep", "PATCH", "/api/orders/1004", "{\"status\": \"SHIPPED\"}");
        assertEquals(403, old.status());
        assertEquals("Access denied: cannot WRITE member 'status' of Order: there is no Order with this key that user"
                + " roles [SalesRep] may write [status]", message(old));
        assertEquals("PLACED", get("demo_salesrep", "/api/orders/1004").object().get("status"));

        Answer total = call("demo_salesrep", "PATCH", "/api/orders/1000", "{\"total\": 1}");
        assertEquals(403, total.status());
        assertEquals("Access denied: cannot WRITE member 'total' of Order: no active rule grants write access for user"
                + " roles [SalesRep]", message(total));
        assertFalse(total.body().contains("99"), total.body());

        // An order of another rep's customer and an order that does not exist get the same answer.
        Answer other = call("demo_salesrep", "PATCH", "/api/orders/1002", "{\"status\": \"SHIPPED\"}");
        Answer absent = call("demo_salesrep", "PATCH", "/api/orders/999999", "{\"status\": \"SHIPPED\"}");
        assertEquals(403, other.status());
        assertEquals(other.body(), absent.body());
        assertEquals(403, call("demo_salesrep", "DELETE", "/api/orders/1004", null).status());
    }

    @Test
    void indexSaysWhoYouAreAndWhatYouMayDo() throws Exception {
        Map<String, Object> index = get("demo_salesrep", "/api").object();
        assertEquals(Map.of("id", new BigDecimal("3"), "userRoles", List.of("SalesRep"), "anonymous", false),
                index.get("user"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> entities = (Map<String, Map<String, Object>>) index.get("entities");
        assertEquals(List.of("accounts", "customers", "products", "orders", "order-lines"), List.copyOf(entities.keySet()));
        assertEquals(false, entities.get("orders").get("create"));
        // Only under the rule for the orders of the rep's customers, so "in some rows" (of those the rep may see).
        assertEquals(Map.of("read", "some rows", "write", "some rows"),
                ((Map<?, ?>) entities.get("orders").get("members")).get("status"));
        assertEquals(Map.of("read", "some rows", "write", "never"),
                ((Map<?, ?>) entities.get("customers").get("members")).get("creditLimit"));
        Map<?, ?> guest = (Map<?, ?>) get(null, "/api").object().get("user");
        assertEquals(null, guest.get("id"));
        assertEquals(List.of("Guest"), guest.get("userRoles"));
        assertEquals(true, guest.get("anonymous"));
    }

    // ---------------------------------------------------------------------------------------------- customer

    @Test
    void customerSeesOwnCompanyWithoutCreditLimitAndProductsWithoutCostPrice() throws Exception {
        Answer acme = get("demo_customer", "/api/customers/100");
        assertEquals(200, acme.status());
        assertEquals(List.of("id", "name", "region", "accountManager", "userId", "email"), List.copyOf(acme.object().keySet()));
        assertEquals(List.of(new BigDecimal("100")), get("demo_customer", "/api/customers").list().stream()
                .map(c -> c.get("id")).toList());
        assertFalse(get("demo_customer", "/api/products").body().contains("costPrice"));
        Answer accounts = get("demo_customer", "/api/accounts");
        assertEquals(1, accounts.list().size());
        assertFalse(accounts.body().contains("passwordHash"), accounts.body());
    }

    @Test
    void customerCreatesADraftOrderForTheirOwnCompanyOnly() throws Exception {
        Answer created = call("demo_customer", "POST", "/api/orders", "{\"customer\": 100, \"note\": \"Gift wrap\"}");
        assertEquals(201, created.status(), created.body());
        Map<String, Object> order = created.object();
        assertEquals(new BigDecimal("10"), order.get("owner"));
        assertEquals("DRAFT", order.get("status"));
        assertEquals(new BigDecimal("0.00"), order.get("total"));
        assertEquals(new BigDecimal("10"), order.get("changedBy"));
        Instant createdDate = Instant.parse((String) order.get("createdDate"));
        assertTrue(Duration.between(createdDate, Instant.now()).abs().toMinutes() < 5, createdDate.toString());
        assertEquals("/api/orders/" + order.get("id"), created.response().headers().firstValue("Location").orElseThrow());
        Answer line = call("demo_customer", "POST", "/api/order-lines",
                "{\"order\": " + order.get("id") + ", \"product\": 2, \"quantity\": 3}");
        assertEquals(201, line.status(), line.body());

        // Globex is another customer's company; 999 does not exist. Both answers are the same.
        Answer globex = call("demo_customer", "POST", "/api/orders", "{\"customer\": 101}");
        Answer absent = call("demo_customer", "POST", "/api/orders", "{\"customer\": 999}");
        assertEquals(403, globex.status());
        assertEquals(globex.body(), absent.body());
        assertEquals("Access denied: cannot WRITE member 'customer' of Order: there is no Customer with this key that"
                + " you may see", message(globex));
        // The customer may not set the status, not even on their own draft.
        assertEquals(403, call("demo_customer", "POST", "/api/orders", "{\"customer\": 100, \"status\": \"PLACED\"}").status());
    }

    @Test
    void customerDeletesDraftsButNotShippedOrders() throws Exception {
        Answer shipped = call("demo_customer", "DELETE", "/api/orders/1001", null);
        assertEquals(403, shipped.status());
        assertEquals("Access denied: cannot DELETE Order: there is no Order with this key that user roles [Customer]"
                + " may delete", message(shipped));
        Answer draft = call("demo_customer", "DELETE", "/api/orders/1000", null);
        assertEquals(204, draft.status());
        assertEquals("", draft.body());
        assertEquals(404, get("demo_customer", "/api/orders/1000").status());
        assertEquals(List.of(new BigDecimal("5001"), new BigDecimal("5002")),
                get("demo_customer", "/api/order-lines").list().stream().map(l -> l.get("id")).toList());
    }

    // ------------------------------------------------------------------------------------ managers and admins

    @Test
    void administratorReadsAccountsButNeverPasswordHashes() throws Exception {
        Answer accounts = get("demo_administrator", "/api/accounts?sort=username&limit=3");
        assertEquals(List.of("dave", "demo_administrator", "demo_customer"),
                accounts.list().stream().map(a -> a.get("username")).toList());
        assertFalse(accounts.body().contains("passwordHash"), accounts.body());
        assertFalse(accounts.body().contains("sha256"), accounts.body());
        Answer created = call("demo_administrator", "POST", "/api/accounts",
                "{\"username\": \"tom\", \"userRole\": \"SalesRep\", \"region\": \"East\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(Boolean.TRUE, created.object().get("active"));
        Answer duplicate = call("demo_administrator", "POST", "/api/accounts",
                "{\"username\": \"tom\", \"userRole\": \"SalesRep\"}");
        assertEquals(409, duplicate.status());
        assertEquals("the database refused the change: a value that must be unique is taken", message(duplicate));
    }

    @Test
    void theRoleTokenLetsAnAdministratorDeleteAnyOrderAndASalesManagerOnlyCancelledOnes() throws Exception {
        assertEquals(403, call("demo_salesmanager", "DELETE", "/api/orders/1000", null).status());
        assertEquals(204, call("demo_salesmanager", "DELETE", "/api/orders/1003", null).status());
        assertEquals(204, call("demo_administrator", "DELETE", "/api/orders/1000", null).status());
        assertEquals(List.of(new BigDecimal("1001"), new BigDecimal("1002"), new BigDecimal("1004")),
                get("demo_administrator", "/api/orders").list().stream().map(o -> o.get("id")).toList());
    }

    @Test
    void salesManagerKeepsTheCatalogue() throws Exception {
        Answer created = call("demo_salesmanager", "POST", "/api/products",
                "{\"name\": \"Tornado kit\", \"price\": 499.5, \"costPrice\": 300}");
        assertEquals(201, created.status(), created.body());
        assertEquals(new BigDecimal("499.50"), created.object().get("price"));
        Answer changed = call("demo_salesmanager", "PATCH", "/api/products/3", "{\"active\": true}");
        assertEquals(true, changed.object().get("active"));
        assertEquals(4, get("demo_customer", "/api/products").list().size());
        assertEquals(1, get("demo_customer", "/api/products?name=Giant%20magnet").list().size());
    }

    // ------------------------------------------------------------------------------------- user management

    @Test
    void aSalesManagerCreatesAndChangesOnlySalesRepsAndCustomers() throws Exception {
        Answer rep = call("demo_salesmanager", "POST", "/api/accounts",
                "{\"username\": \"tom\", \"userRole\": \"SalesRep\", \"region\": \"East\"}");
        assertEquals(201, rep.status(), rep.body());
        Answer admin = call("demo_salesmanager", "POST", "/api/accounts",
                "{\"username\": \"mallory\", \"userRole\": \"Administrator\"}");
        assertEquals(403, admin.status());
        assertEquals("Access denied: cannot CREATE Account: user roles [SalesManager] may manage only SalesRep, Customer;"
                + " Administrator is not among them", message(admin));
        assertEquals(403, call("demo_salesmanager", "POST", "/api/accounts",
                "{\"username\": \"mallory\", \"userRole\": \"SalesManager\"}").status());
        assertEquals(403, call("demo_salesmanager", "POST", "/api/accounts",
                "{\"username\": \"mallory\", \"userRole\": \"Superuser\"}").status(), "an undeclared user role");

        // Rosa is a sales rep: the manager may make her a customer, not an administrator.
        Answer demoted = call("demo_salesmanager", "PATCH", "/api/accounts/4", "{\"userRole\": \"Customer\"}");
        assertEquals(200, demoted.status(), demoted.body());
        assertEquals("Customer", demoted.object().get("userRole"));
        Answer promoted = call("demo_salesmanager", "PATCH", "/api/accounts/4", "{\"userRole\": \"Administrator\"}");
        assertEquals(403, promoted.status());
        assertEquals("Access denied: cannot WRITE member 'userRole' of Account: user roles [SalesManager] may manage only"
                + " SalesRep, Customer; Administrator is not among them", message(promoted));
        // The administrator's account is not the manager's to change, not even its e-mail address.
        Answer email = call("demo_salesmanager", "PATCH", "/api/accounts/1", "{\"email\": \"me@evil.example\"}");
        assertEquals(403, email.status());
        assertEquals("Access denied: cannot WRITE Account: user roles [SalesManager] may manage only SalesRep, Customer;"
                + " Administrator is not among them", message(email));
        assertEquals("ada@shop.example", get("demo_administrator", "/api/accounts/1").object().get("email"));
        // Nor their own user role.
        assertEquals(403, call("demo_salesmanager", "PATCH", "/api/accounts/2", "{\"userRole\": \"Administrator\"}")
                .status());
    }

    @Test
    void onlyAdministratorsDeleteAccountsAndAssignEveryRole() throws Exception {
        Answer created = call("demo_administrator", "POST", "/api/accounts",
                "{\"username\": \"boss2\", \"userRole\": \"SalesManager\"}");
        assertEquals(201, created.status(), created.body());
        String location = created.response().headers().firstValue("Location").orElseThrow();
        Answer managerDeletes = call("demo_salesmanager", "DELETE", location, null);
        assertEquals(403, managerDeletes.status());
        assertEquals("Access denied: cannot run UserAdministration.deleteAccount: it is for module roles"
                + " Administration.Admin; user roles [SalesManager] hold none of them", message(managerDeletes));
        assertEquals(200, call("demo_administrator", "PATCH", location, "{\"userRole\": \"Administrator\"}").status());
        assertEquals(204, call("demo_administrator", "DELETE", location, null).status());
        assertEquals(404, get("demo_administrator", location).status());
    }

    @Test
    void usersWhoManageNobodyMayNotRunUserAdministrationButEditTheirOwnAccount() throws Exception {
        Answer rep = call("demo_salesrep", "POST", "/api/accounts", "{\"username\": \"x\", \"userRole\": \"Customer\"}");
        assertEquals(403, rep.status());
        assertEquals("Access denied: cannot run UserAdministration.createAccount: it is for module roles"
                + " Administration.Admin, Administration.UserManager; user roles [SalesRep] hold none of them", message(rep));
        Answer guest = call(null, "POST", "/api/accounts", "{\"username\": \"x\", \"userRole\": \"Customer\"}");
        assertEquals(403, guest.status());
        assertTrue(message(guest).endsWith("user roles [Guest] hold none of them"), message(guest));
        // A customer edits their own e-mail address through the access rules, but may not change their user role.
        Answer own = call("demo_customer", "PATCH", "/api/accounts/10", "{\"email\": \"carol@new.example\"}");
        assertEquals(200, own.status(), own.body());
        assertEquals("carol@new.example", own.object().get("email"));
        assertEquals(403, call("demo_customer", "PATCH", "/api/accounts/10", "{\"userRole\": \"Administrator\"}")
                .status());
        assertEquals(403, call("demo_customer", "PATCH", "/api/accounts/11", "{\"email\": \"x@y.example\"}").status());
    }

    // ----------------------------------------------------------------------------------------- bad requests

    @Test
    void wrongCredentialsGet401AndInactiveAccountsCannotSignIn() throws Exception {
        Answer wrong = call("demo_salesrep:wrong", "GET", "/api/orders", null, null);
        assertEquals(401, wrong.status());
        assertEquals("Basic realm=\"Warden sample shop\", charset=\"UTF-8\"",
                wrong.response().headers().firstValue("WWW-Authenticate").orElseThrow());
        Answer unknown = call("nobody:demo", "GET", "/api/orders", null, null);
        assertEquals(wrong.body(), unknown.body());
        assertEquals(401, call("erin:demo", "GET", "/api/orders", null, null).status());
        assertEquals(401, call("no colon", "GET", "/api/orders", null, null).status());
        assertEquals(200, call("dave:demo", "GET", "/api/orders", null, null).status());
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        Answer badJson = call("demo_customer", "POST", "/api/orders", "{\"customer\": 100,");
        assertEquals(400, badJson.status());
        assertEquals("the body is not valid JSON: unexpected end of the text at character 18", message(badJson));
        assertEquals("the body must be a JSON object of member names and values",
                message(call("demo_customer", "POST", "/api/orders", "[1, 2]")));
        assertEquals("Order has no member 'colour'",
                message(call("demo_customer", "POST", "/api/orders", "{\"colour\": \"red\"}")));
        assertEquals("'totalWithVat' of Order is calculated, not stored",
                message(call("demo_customer", "POST", "/api/orders", "{\"totalWithVat\": 1}")));
        assertEquals("'customer' must be the key of an object (a whole number)",
                message(call("demo_customer", "POST", "/api/orders", "{\"customer\": \"Acme\"}")));
        assertEquals("'status' must be one of DRAFT, PLACED, SHIPPED, CANCELLED",
                message(call("demo_salesrep", "PATCH", "/api/orders/1000", "{\"status\": \"LOST\"}")));
        assertEquals("'quantity' must be a whole number from -2147483648 to 2147483647",
                message(call("demo_customer", "PATCH", "/api/order-lines/5000", "{\"quantity\": 1.5}")));
        assertEquals("the key 'id' is given by the database and cannot be set or changed",
                message(call("demo_customer", "POST", "/api/orders", "{\"id\": 5, \"customer\": 100}")));
        assertEquals("the body names no member to change",
                message(call("demo_customer", "PATCH", "/api/orders/1000", "{}")));
        assertEquals("Order has no member 'colour'", message(get("demo_customer", "/api/orders?colour=red")));
        assertEquals("'limit' must be a whole number from 1 to 1000", message(get(null, "/api/products?limit=0")));
        assertEquals(400, get(null, "/api/products?id=one").status());
    }

    @Test
    void unknownPathsEntitiesAndMethods() throws Exception {
        Answer entity = get(null, "/api/invoices");
        assertEquals(404, entity.status());
        assertEquals("no entity 'invoices'; the entities are accounts, customers, products, orders, order-lines",
                message(entity));
        assertEquals(404, get(null, "/nowhere").status());
        assertEquals(404, get(null, "/api/orders/1000/lines").status());
        assertEquals(404, get(null, "/api/orders/abc").status());
        Answer put = call("demo_customer", "PUT", "/api/orders/1000", "{}");
        assertEquals(405, put.status());
        assertEquals("PUT is not allowed here; use GET or PATCH or DELETE", message(put));
        Answer text = call("demo_customer:demo", "POST", "/api/orders", "customer=100", "text/plain");
        assertEquals(415, text.status());
        Answer large = call("demo_customer", "POST", "/api/orders", "{\"note\": \"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, large.status());
    }

    @Test
    void theSecurityOverviewIsServed() throws Exception {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/security-overview.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Security overview: ShopApplication</h1>"), page.body());
        assertEquals(200, get(null, "/security-overview.json").status());
        HttpResponse<String> csv = CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/security-overview.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(csv.body().startsWith("area,userRole,target,member,right,access\n"), csv.body());
    }

    @Test
    void everyRequestIsLoggedWithoutCredentials() throws Exception {
        get("demo_salesrep", "/api/orders");
        get(null, "/api/products");
        String lines = log.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("GET /api/orders 200 (user 3)\n"), lines);
        assertTrue(lines.contains("GET /api/products 200 (anonymous)\n"), lines);
        assertFalse(lines.contains("demo"), lines);
    }
}
