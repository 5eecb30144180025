package dev.warden.spring.web;

import dev.warden.runtime.AccessDeniedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers a Warden {@link AccessDeniedException} from a Spring MVC controller with 403 Forbidden (404 Not Found
 * where the handler is {@link DeniedAsNotFound}), as an RFC 9457 {@link ProblemDetail}:
 *
 * <pre>{@code
 * HTTP/1.1 403
 * Content-Type: application/problem+json
 *
 * {"type": "about:blank", "title": "Forbidden", "status": 403, "instance": "/api/orders/1000"}
 * }</pre>
 *
 * <p>The reason (entity, member, operation and the user's roles, never a value) is logged at debug level under
 * {@code dev.warden.spring.web}, and is the problem's {@code detail} only when {@code exposeReason} is on: it
 * describes the application's rules, which a client need not learn (as Spring Boot leaves exception messages out of
 * error responses by default). A 404 never carries it.
 *
 * <p>Register it as a bean (the Boot starter does). It has the lowest precedence of the controller advice, so an
 * application's own {@code @ExceptionHandler} for the exception, or for a supertype of it, in an advice of its own
 * answers first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class WardenExceptionHandler {
    private static final Log LOG = LogFactory.getLog(WardenExceptionHandler.class);

    private final boolean exposeReason;

    /** A handler that leaves the reason out of the answer. */
    public WardenExceptionHandler() {
        this(false);
    }

    /**
     * A handler.
     *
     * @param exposeReason whether the reason is the {@code detail} of a 403
     */
    public WardenExceptionHandler(boolean exposeReason) {
        this.exposeReason = exposeReason;
    }

    /**
     * The answer to a denial.
     *
     * @param denial the denial
     * @param request the request
     * @return 403 or 404 with a problem detail
     */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException denial, WebRequest request) {
        boolean notFound = isDeniedAsNotFound(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST));
        HttpStatus status = notFound ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
        if (LOG.isDebugEnabled()) {
            LOG.debug("Warden denied " + request.getDescription(false) + " (answered " + status.value() + "): "
                    + denial.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (exposeReason && !notFound) {
            problem.setDetail(denial.getMessage());
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** Whether the handler, a controller method, is {@link DeniedAsNotFound}; its own annotation first. */
    private static boolean isDeniedAsNotFound(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        DeniedAsNotFound onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                DeniedAsNotFound.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        DeniedAsNotFound onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
                DeniedAsNotFound.class);
        return onType != null && onType.value();
    }

    @Override
    public String toString() {
        return "WardenExceptionHandler[exposeReason=" + exposeReason + "]";
    }
}
