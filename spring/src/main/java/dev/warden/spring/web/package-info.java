/**
 * Warden's denials in Spring MVC: {@link dev.warden.spring.web.WardenExceptionHandler} answers a
 * {@link dev.warden.runtime.AccessDeniedException} from a controller with 403 Forbidden, or with 404 Not Found where
 * the controller is annotated {@link dev.warden.spring.web.DeniedAsNotFound}, as an RFC 9457 problem detail.
 */
package dev.warden.spring.web;
