package dev.warden.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method or class: a Warden {@link dev.warden.runtime.AccessDeniedException} thrown by the handler
 * is answered with 404 Not Found, without a reason, instead of 403 Forbidden, so that a client cannot tell an object
 * it may not see from one that does not exist (as GitHub answers for private repositories). Use it where the
 * existence of an object is itself a secret, for example {@code GET /orders/{id}} or {@code DELETE /orders/{id}}.
 *
 * <pre>{@code
 * @DeleteMapping("/orders/{id}")
 * @DeniedAsNotFound
 * void delete(@PathVariable long id) { data.delete(OrderTable.TABLE, id); }
 * }</pre>
 *
 * <p>A method's annotation counts before its class's; {@code @DeniedAsNotFound(false)} on a method answers 403 in a
 * class that answers 404.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeniedAsNotFound {
    /**
     * Whether a denial is answered with 404.
     *
     * @return true for 404, false for 403
     */
    boolean value() default true;
}
