/**
 * Spring Security as the source of Warden's users. {@link dev.warden.spring.security.SpringSecurityUserProvider}
 * reads Spring Security's {@code SecurityContextHolder} on each call and makes a Warden user of its
 * {@code Authentication}: the id and the custom tokens from the principal ({@link
 * dev.warden.spring.security.AuthenticationValue}), the user roles from the granted authorities. Nobody signed in,
 * or an anonymous authentication, is Warden's anonymous user. {@link
 * dev.warden.spring.security.SecurityContextTaskDecorator} carries Spring Security's context, and so the Warden user,
 * into {@code TaskExecutor}s and {@code @Async} methods.
 */
package dev.warden.spring.security;
