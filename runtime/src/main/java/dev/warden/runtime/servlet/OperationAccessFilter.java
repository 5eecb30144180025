package dev.warden.runtime.servlet;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operations;
import dev.warden.runtime.SecuredOperation;
import dev.warden.runtime.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Operation access for web requests: a Jakarta Servlet filter that maps requests (an HTTP method and a path pattern)
 * to protected operations ({@code @AllowedRoles}) and lets a request through only when the user may run every
 * operation it maps to, checked with {@link Operations#check}. A denial is answered before the request reaches the
 * servlet: {@code 403} with the {@link AccessDeniedException}'s message (it names the operation and the user's roles,
 * never a value), or {@code 401} when there is no user (the context function gave none) or the user is anonymous.
 * Requests that map to no operation pass.
 *
 * <pre>{@code
 * OperationAccessFilter filter = OperationAccessFilter.builder(request -> contextOf(request))
 *         .protect("POST", "/orders/*", OrderService.class, "placeOrder")
 *         .protect("/admin/*", OrderServiceOperations.PURGE)
 *         .build();
 * servletContext.addFilter("warden-operations", filter).addMappingForUrlPatterns(null, false, "/*");
 * }</pre>
 *
 * <p>Path patterns are the Servlet specification's: an exact path ({@code /orders/export}), a prefix ending in
 * {@code /*} ({@code /orders/*} matches {@code /orders} and everything below it), or an extension ({@code *.csv}). They
 * are matched against the request's path inside the application ({@code getServletPath() + getPathInfo()}, which the
 * container has decoded and normalized), with repeated and trailing slashes removed, so {@code /orders/7/} and
 * {@code //orders/7} are {@code /orders/7}. A mapping for {@code GET} also covers {@code HEAD} (which
 * {@code HttpServlet} runs as {@code GET}); methods are compared ignoring case. When several mappings match, all of
 * them are checked: a broad pattern cannot be widened by a narrower one.
 */
public final class OperationAccessFilter implements Filter {
    private final Function<HttpServletRequest, SecurityContext> contexts;
    private final List<Mapping> mappings;
    private final String challenge;

    /** One mapping: requests of a method (null: any) on a path pattern run an operation. */
    private record Mapping(String method, String pattern, SecuredOperation operation) {
        boolean matches(String requestMethod, String path) {
            if (method != null && !method.equalsIgnoreCase(requestMethod)
                    && !(method.equalsIgnoreCase("GET") && requestMethod.equalsIgnoreCase("HEAD"))) {
                return false;
            }
            if (pattern.equals("/*")) {
                return true;
            }
            if (pattern.endsWith("/*")) {
                String prefix = pattern.substring(0, pattern.length() - 2);
                return path.equals(prefix) || path.startsWith(prefix + "/");
            }
            if (pattern.startsWith("*.")) {
                String last = path.substring(path.lastIndexOf('/') + 1);
                return last.endsWith(pattern.substring(1));
            }
            return path.equals(pattern);
        }
    }

    private OperationAccessFilter(Builder builder) {
        this.contexts = builder.contexts;
        this.mappings = List.copyOf(builder.mappings);
        this.challenge = builder.challenge;
    }

    /**
     * A filter whose requests are judged for the security context a function gives for each request: the signed-in
     * user's, {@link SecurityContext#anonymousOf} for a visitor, or null when the user cannot be told (which is
     * answered {@code 401}).
     *
     * @param contexts the security context of a request
     * @return a builder
     */
    public static Builder builder(Function<HttpServletRequest, SecurityContext> contexts) {
        return new Builder(Objects.requireNonNull(contexts, "contexts"));
    }

    /**
     * A filter whose requests are judged for {@link SecurityContext#currentIfPresent()}: for an application whose
     * earlier filter opens the user's context on the request's thread.
     *
     * @return a builder
     */
    public static Builder builder() {
        return builder(request -> SecurityContext.currentIfPresent().orElse(null));
    }

    /** Builds the filter's mappings. */
    public static final class Builder {
        private final Function<HttpServletRequest, SecurityContext> contexts;
        private final List<Mapping> mappings = new ArrayList<>();
        private String challenge;

        private Builder(Function<HttpServletRequest, SecurityContext> contexts) {
            this.contexts = contexts;
        }

        /**
         * Requests of any method on a path pattern run an operation.
         *
         * @param pattern an exact path, a prefix ending in {@code /*}, or {@code *.ext}
         * @param type the type whose {@code @AllowedRoles} protect the method
         * @param methodName the method's name
         * @return this builder
         * @throws IllegalArgumentException for a malformed pattern or an operation that is not registered (a method
         *     without {@code @AllowedRoles}, a misspelled name): a mapping to it would deny every request
         */
        public Builder protect(String pattern, Class<?> type, String methodName) {
            return protect(null, pattern, type, methodName);
        }

        /**
         * Requests of an HTTP method on a path pattern run an operation.
         *
         * @param method the HTTP method, such as {@code POST}; null for any
         * @param pattern an exact path, a prefix ending in {@code /*}, or {@code *.ext}
         * @param type the type whose {@code @AllowedRoles} protect the method
         * @param methodName the method's name
         * @return this builder
         * @throws IllegalArgumentException for a malformed pattern or an operation that is not registered
         */
        public Builder protect(String method, String pattern, Class<?> type, String methodName) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(methodName, "methodName");
            SecuredOperation operation = Operations.find(type, methodName).orElseThrow(() -> new IllegalArgumentException(
                    type.getSimpleName() + "." + methodName + " is not a protected operation (no @AllowedRoles on it"
                            + " or its type, or its generated registry is not on the class path); mapping "
                            + pattern + " to it would deny every request"));
            return protect(method, pattern, operation);
        }

        /**
         * Requests of any method on a path pattern run an operation, given by its generated constant.
         *
         * @param pattern an exact path, a prefix ending in {@code /*}, or {@code *.ext}
         * @param operation such as {@code OrderServiceOperations.PURGE}
         * @return this builder
         */
        public Builder protect(String pattern, SecuredOperation operation) {
            return protect(null, pattern, operation);
        }

        /**
         * Requests of an HTTP method on a path pattern run an operation, given by its generated constant.
         *
         * @param method the HTTP method; null for any
         * @param pattern an exact path, a prefix ending in {@code /*}, or {@code *.ext}
         * @param operation such as {@code OrderServiceOperations.PURGE}
         * @return this builder
         * @throws IllegalArgumentException for a malformed pattern
         */
        public Builder protect(String method, String pattern, SecuredOperation operation) {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(operation, "operation");
            boolean wellFormed = pattern.startsWith("*.") ? pattern.length() > 2 && pattern.indexOf('/') < 0
                    : pattern.startsWith("/") && pattern.indexOf('*') == (pattern.endsWith("/*") ? pattern.length() - 1 : -1);
            if (!wellFormed) {
                throw new IllegalArgumentException("'" + pattern + "' is not a path pattern: use an exact path such as"
                        + " /orders/export, a prefix such as /orders/*, or an extension such as *.csv");
            }
            String normalized = pattern.startsWith("*.") || pattern.equals("/*") ? pattern
                    : pattern.endsWith("/*") ? normalize(pattern.substring(0, pattern.length() - 2)) + "/*"
                    : normalize(pattern);
            mappings.add(new Mapping(method == null ? null : method.toUpperCase(Locale.ROOT), normalized, operation));
            return this;
        }

        /**
         * The {@code WWW-Authenticate} header of a {@code 401}, such as {@code Basic realm="shop"}; none by default.
         *
         * @param challenge the header's value
         * @return this builder
         */
        public Builder challenge(String challenge) {
            this.challenge = Objects.requireNonNull(challenge, "challenge");
            return this;
        }

        /** The filter. */
        public OperationAccessFilter build() {
            return new OperationAccessFilter(this);
        }
    }

    /**
     * The operations a request maps to, in the order they were mapped.
     *
     * @param method the HTTP method
     * @param path the path inside the application
     * @return the operations; empty when the request runs none
     */
    public List<SecuredOperation> operationsOf(String method, String path) {
        String normalized = normalize(path);
        return mappings.stream().filter(m -> m.matches(method, normalized)).map(Mapping::operation).distinct().toList();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        List<SecuredOperation> operations = operationsOf(http.getMethod(), pathOf(http));
        if (operations.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext ctx = contexts.apply(http);
        for (SecuredOperation operation : operations) {
            if (ctx == null) {
                deny(answer, HttpServletResponse.SC_UNAUTHORIZED,
                        "Unauthorized: sign in to run " + operation.name() + ": there is no user for this request");
                return;
            }
            try {
                Operations.check(ctx, operation.type(), operation.methodName());
            } catch (AccessDeniedException denied) {
                deny(answer, ctx.isAnonymous() ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN,
                        denied.getMessage());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void deny(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED && challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request's path inside the application, as the container decoded and normalized it. */
    private static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /** The path with repeated slashes made one and the trailing slash removed; {@code /} for none. */
    static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length() + 1);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/') {
                continue;
            }
            if (out.length() == 0 && c != '/') {
                out.append('/');
            }
            out.append(c);
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
