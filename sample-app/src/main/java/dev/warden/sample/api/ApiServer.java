package dev.warden.sample.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.DataAccessException;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.sample.app.Accounts;
import dev.warden.sample.app.ShopDatabase;
import dev.warden.sample.app.ShopEntities;
import dev.warden.sample.app.ShopEntity;
import dev.warden.sample.app.UserAdministration;
import dev.warden.sample.administration.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The shop's JSON API on localhost, on the JDK's built-in HTTP server.
 *
 * <p>The user comes from HTTP basic authentication of the shop's accounts; a request without credentials acts as
 * the anonymous user role Guest. Every read and write goes through {@link WardenData} for that user, so the JSON
 * holds only what the user may read, and the rules are checked inside each SQL statement.
 *
 * <pre>
 * GET    /api                      who you are, and what you may do with each entity
 * GET    /api/{entity}             the objects you may see; ?member=value filters, ?sort=member,-member, ?limit=&amp;offset=
 * GET    /api/{entity}/{id}        one object (404 when it does not exist or you may not see it)
 * POST   /api/{entity}             create one: 201 with the object as stored
 * PATCH  /api/{entity}/{id}        change the members in the body: 200 with the object as stored
 * DELETE /api/{entity}/{id}        204
 * GET    /security-overview.html   the security overview the processor wrote at compile time (also .json, .csv)
 * </pre>
 *
 * <p>Accounts are written through {@link UserAdministration} (operation access and manageable user roles), except a
 * user's change of their own account that leaves its user role alone.
 *
 * <p>Errors are JSON {@code {"error": ..., "message": ...}}: 400 bad request, 401 wrong credentials, 403 denied by
 * the rules, 404 unknown path or object, 405, 409 refused by the database, 413, 415, 500. Messages name entities,
 * members and operations, never stored values, and never carry a stack trace.
 */
public final class ApiServer implements AutoCloseable {
    /** The largest request body accepted. */
    static final int MAX_BODY = 64 * 1024;
    /** The most objects one list request returns. */
    static final int MAX_LIMIT = 1000;
    /**
     * The seconds a client has to send its whole request, body included: the JDK's server closes a connection that
     * takes longer, so that slow clients cannot pin the four workers. It is the JDK's setting
     * {@code sun.net.httpserver.maxReqTime}, read once per JVM when its first server starts; this is its value unless
     * the command line sets it.
     */
    static final String REQUEST_SECONDS = "5";

    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        }
    }

    private final ShopDatabase database;
    private final Accounts accounts;
    private final UserAdministration users;
    private final PrintStream log;
    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(ShopDatabase database, PrintStream log, HttpServer server, ExecutorService executor) {
        this.database = database;
        this.accounts = new Accounts(database);
        this.users = new UserAdministration(database);
        this.log = log;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the server on the loopback address.
     *
     * @param database the database
     * @param port the port; 0 picks a free one
     * @param log where to write one line per request
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static ApiServer start(ShopDatabase database, int port, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "warden-sample-http");
            thread.setDaemon(true);
            return thread;
        });
        ApiServer api = new ApiServer(database, log, server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    /** Stops the server, and the requests being answered. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----------------------------------------------------------------------------------------------- exchange

    private record Response(int status, Object body, Map<String, String> headers) {
        /** A body that is JSON, or a {@link Resource} served as it is. */
        static Response of(int status, Object body) {
            return new Response(status, body, Map.of());
        }
    }

    private void handle(HttpExchange exchange) {
        String who = "-";
        Response response;
        try {
            SecurityContext ctx = authenticate(exchange);
            who = ctx.isAnonymous() ? "anonymous" : "user " + ctx.userId();
            response = route(exchange, ctx);
        } catch (ApiException e) {
            response = error(e.status(), e.error(), e.getMessage());
            if (e.status() == 401) {
                response = new Response(401, response.body(),
                        Map.of("WWW-Authenticate", "Basic realm=\"Warden sample shop\", charset=\"UTF-8\""));
            }
        } catch (AccessDeniedException e) {
            response = error(403, "forbidden", e.getMessage());
        } catch (DataAccessException e) {
            response = error(409, "conflict", "the database refused the change: " + constraintKind(e));
        } catch (IllegalArgumentException e) {
            response = error(400, "bad request", e.getMessage());
        } catch (IOException e) {
            response = error(400, "bad request", "the request could not be read");
        } catch (RuntimeException e) {
            log.println("internal error answering " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
            response = error(500, "internal error", "the server failed to answer this request; see its log");
        }
        log.println(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + response.status() + " (" + who + ")");
        try {
            send(exchange, response);
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private static Response error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return Response.of(status, body);
    }

    private static String constraintKind(DataAccessException e) {
        String state = e.getCause().getSQLState();
        String kind = state == null ? "" : switch (state) {
            case "23502" -> "a required member is missing";
            case "23503", "23506" -> "it refers to an object that does not exist, or is referred to by another";
            case "23505" -> "a value that must be unique is taken";
            case "23513", "23514" -> "a value is out of range";
            default -> "";
        };
        return kind.isEmpty() ? "error code " + state : kind;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes;
        if (response.body() instanceof Resource resource) {
            headers.set("Content-Type", resource.contentType());
            bytes = resource.bytes();
        } else {
            headers.set("Content-Type", "application/json; charset=utf-8");
            bytes = Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private SecurityContext authenticate(HttpExchange exchange) throws ApiException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Accounts.anonymous();
        }
        ApiException unauthorized = new ApiException(401, "unauthorized",
                "unknown user or wrong password (HTTP basic authentication; leave it out to act as a guest)");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized;
        }
        String credentials;
        try {
            credentials = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(header.substring(6).trim()))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw unauthorized;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw unauthorized;
        }
        return accounts.authenticate(credentials.substring(0, colon), credentials.substring(colon + 1))
                .map(Accounts::contextOf).orElseThrow(() -> unauthorized);
    }

    // -------------------------------------------------------------------------------------------------- routes

    private Response route(HttpExchange exchange, SecurityContext ctx) throws ApiException, IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = exchange.getRequestMethod();
        if (path.equals("/security-overview.html") || path.equals("/security-overview.json")
                || path.equals("/security-overview.csv")) {
            allow(method, "GET");
            String type = path.endsWith("html") ? "text/html; charset=utf-8" : path.endsWith("csv")
                    ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
            return Response.of(200, Resource.load(type, "META-INF/warden" + path));
        }
        if (path.equals("/") || path.equals("/api")) {
            allow(method, "GET");
            return Response.of(200, index(ctx));
        }
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || parts.length > 4 || !parts[1].equals("api")) {
            throw ApiException.notFound("no such path; the API is under /api");
        }
        ShopEntity<?> entity = ShopEntities.byResource(parts[2]).orElseThrow(() -> ApiException.notFound(
                "no entity '" + decode(parts[2]) + "'; the entities are " + String.join(", ",
                        ShopEntities.ALL.stream().map(ShopEntity::resource).toList())));
        WardenData data = database.data(ctx);
        boolean accounts = entity == ShopEntities.ACCOUNTS;
        if (parts.length == 3) {
            allow(method, "GET", "POST");
            if (method.equals("GET")) {
                return Response.of(200, list(data, ctx, entity, exchange.getRequestURI()));
            }
            return accounts ? createAccount(data, ctx, body(exchange)) : create(data, ctx, entity, body(exchange));
        }
        Long key = key(entity, parts[3]);
        allow(method, "GET", "PATCH", "DELETE");
        switch (method) {
            case "GET":
                return Response.of(200, find(data, ctx, entity, key));
            case "PATCH":
                Map<String, Object> changes = body(exchange);
                return Response.of(200, accounts && isAccountManagement(ctx, key, changes)
                        ? updateAccount(data, ctx, key, changes) : update(data, ctx, entity, key, changes));
            default:
                if (accounts) {
                    users.deleteAccount(ctx, key);
                } else {
                    data.delete(entity.table(), key);
                }
                return new Response(204, null, Map.of());
        }
    }

    // --------------------------------------------------------------------------------------------- accounts

    /**
     * Whether a change of an account is user management, which goes through {@link UserAdministration}: every change
     * of another user's account, and every change of a user role. A user changing their own name or e-mail address
     * needs only the access rules of Account.
     */
    private static boolean isAccountManagement(SecurityContext ctx, Long key, Map<String, Object> changes) {
        return !key.equals(ctx.userId()) || changes.containsKey("userRole");
    }

    private Response createAccount(WardenData data, SecurityContext ctx, Map<String, Object> body) throws ApiException {
        ShopEntity<Account> entity = ShopEntities.ACCOUNTS;
        Account stored = users.createAccount(ctx, entity.table().read(values(data, entity, body, null)));
        return new Response(201, EntityJson.toJson(entity, EntityJson.filter(entity, ctx), stored),
                Map.of("Location", "/api/" + entity.resource() + "/" + stored.getId()));
    }

    private Map<String, Object> updateAccount(WardenData data, SecurityContext ctx, Long key, Map<String, Object> body)
            throws ApiException {
        if (body.isEmpty()) {
            throw ApiException.badRequest("the body names no member to change");
        }
        ShopEntity<Account> entity = ShopEntities.ACCOUNTS;
        Account stored = users.updateAccount(ctx, entity.table().read(values(data, entity, body, key)),
                body.keySet().toArray(new String[0]));
        return EntityJson.toJson(entity, EntityJson.filter(entity, ctx), stored);
    }

    private static void allow(String method, String... allowed) throws ApiException {
        if (!List.of(allowed).contains(method)) {
            throw new ApiException(405, "method not allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed));
        }
    }

    private Map<String, Object> index(SecurityContext ctx) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", ctx.userId());
        user.put("userRoles", List.copyOf(ctx.userRoles()));
        user.put("anonymous", ctx.isAnonymous());
        Map<String, Object> entities = new LinkedHashMap<>();
        for (ShopEntity<?> entity : ShopEntities.ALL) {
            entities.put(entity.resource(), describe(entity, ctx));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("user", user);
        index.put("entities", entities);
        index.put("securityOverview", "/security-overview.html");
        return index;
    }

    private static <T> Map<String, Object> describe(ShopEntity<T> entity, SecurityContext ctx) {
        QueryFilter<T> filter = EntityJson.filter(entity, ctx);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("entity", entity.qualifiedName());
        description.put("url", "/api/" + entity.resource());
        description.put("create", filter.canCreate());
        description.put("members", EntityJson.rights(entity, filter));
        return description;
    }

    private static <T> List<Map<String, Object>> list(WardenData data, SecurityContext ctx, ShopEntity<T> entity,
            URI uri) throws ApiException {
        Query query = Query.all();
        List<Query.Sort> sorts = new ArrayList<>();
        Integer limit = null;
        long offset = 0;
        for (Map.Entry<String, String> parameter : parameters(uri.getRawQuery()).entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            switch (name) {
                case "sort" -> {
                    for (String term : value.split(",")) {
                        boolean descending = term.startsWith("-");
                        EntityMember member = EntityJson.member(entity, descending ? term.substring(1) : term);
                        sorts.add(new Query.Sort(member, descending ? Query.Direction.DESC : Query.Direction.ASC));
                    }
                }
                case "limit" -> limit = (int) number(name, value, 1, MAX_LIMIT);
                case "offset" -> offset = number(name, value, 0, Long.MAX_VALUE);
                default -> {
                    EntityMember member = EntityJson.member(entity, name);
                    query = query.and(member, Query.Op.EQ, EntityJson.fromText(entity, member.ordinal(), value));
                }
            }
        }
        for (Query.Sort sort : sorts) {
            query = query.orderBy(sort.member(), sort.direction());
        }
        if (limit != null || offset > 0) {
            query = query.page(offset, limit == null ? MAX_LIMIT : limit);
        }
        QueryFilter<T> filter = EntityJson.filter(entity, ctx);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (T object : data.list(entity.table(), query)) {
            objects.add(EntityJson.toJson(entity, filter, object));
        }
        return objects;
    }

    private static <T> Map<String, Object> find(WardenData data, SecurityContext ctx, ShopEntity<T> entity, Long key)
            throws ApiException {
        T object = data.find(entity.table(), key).orElseThrow(() -> ApiException.notFound(
                "there is no " + entity.name() + " " + key + " that you may see"));
        return EntityJson.toJson(entity, EntityJson.filter(entity, ctx), object);
    }

    private static <T> Response create(WardenData data, SecurityContext ctx, ShopEntity<T> entity, Map<String, Object> body)
            throws ApiException {
        Object[] values = values(data, entity, body, null);
        T stored = data.insert(entity.table(), entity.table().read(values));
        Object key = entity.key(stored);
        return new Response(201, EntityJson.toJson(entity, EntityJson.filter(entity, ctx), stored),
                Map.of("Location", "/api/" + entity.resource() + "/" + key));
    }

    private static <T> Map<String, Object> update(WardenData data, SecurityContext ctx, ShopEntity<T> entity, Long key,
            Map<String, Object> body) throws ApiException {
        if (body.isEmpty()) {
            throw ApiException.badRequest("the body names no member to change");
        }
        Object[] values = values(data, entity, body, key);
        List<EntityMember> changed = new ArrayList<>();
        for (String name : body.keySet()) {
            changed.add(EntityJson.member(entity, name));
        }
        T stored = data.update(entity.table(), entity.table().read(values), changed.toArray(new EntityMember[0]));
        return EntityJson.toJson(entity, EntityJson.filter(entity, ctx), stored);
    }

    /** The member values of a request body, by member index, with the key when one is given. */
    private static Object[] values(WardenData data, ShopEntity<?> entity, Map<String, Object> body, Long key)
            throws ApiException {
        Object[] values = new Object[entity.rules().memberCount()];
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            int member = EntityJson.member(entity, entry.getKey()).ordinal();
            if (member == entity.table().keyMember()) {
                throw ApiException.badRequest("the key '" + entry.getKey() + "' is given by the database and cannot be"
                        + " set or changed");
            }
            Object value = EntityJson.fromJson(entity, member, entry.getValue());
            String target = entity.references().get(entry.getKey());
            if (target != null && value != null) {
                checkReference(data, entity, entry.getKey(), ShopEntities.byResource(target).orElseThrow(), value);
            }
            values[member] = value;
        }
        values[entity.table().keyMember()] = key;
        return values;
    }

    /**
     * An association may only be set to an object the user can see, as in a Mendix page where one picks it from a
     * list. It also means a reference to an object that does not exist and one that the user may not see get the
     * same answer, so the API does not tell them apart.
     */
    private static void checkReference(WardenData data, ShopEntity<?> entity, String member, ShopEntity<?> target,
            Object key) {
        if (data.find(target.table(), key).isEmpty()) {
            throw new AccessDeniedException(entity.name(), member, Operation.WRITE,
                    "there is no " + target.name() + " with this key that you may see");
        }
    }

    // ------------------------------------------------------------------------------------------------- parsing

    private static Long key(ShopEntity<?> entity, String text) throws ApiException {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("'" + decode(text) + "' is not a key of " + entity.name()
                    + "; keys are whole numbers");
        }
    }

    private static Map<String, Object> body(HttpExchange exchange) throws ApiException, IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported media type", "send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, "payload too large", "the body is larger than " + MAX_BODY + " bytes");
        }
        Object json;
        try {
            json = Json.parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not UTF-8");
        } catch (Json.ParseException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?>)) {
            throw ApiException.badRequest("the body must be a JSON object of member names and values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) json;
        return members;
    }

    private static Map<String, String> parameters(String rawQuery) throws ApiException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw ApiException.badRequest("parameter '" + name + "' is given twice");
            }
        }
        return parameters;
    }

    private static long number(String name, String value, long min, long max) throws ApiException {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest("'" + name + "' must be a whole number from " + min
                + (max == Long.MAX_VALUE ? " on" : " to " + max));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** A file from the class path, served as it is. */
    private record Resource(String contentType, byte[] bytes) {
        static Resource load(String contentType, String name) throws ApiException, IOException {
            try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw ApiException.notFound("the security overview is not in this build");
                }
                return new Resource(contentType, in.readAllBytes());
            }
        }
    }
}
