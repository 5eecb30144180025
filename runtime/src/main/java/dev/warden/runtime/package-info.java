/**
 * Warden's runtime: who the current user is ({@link dev.warden.runtime.SecurityContext}), the application's
 * security settings ({@link dev.warden.runtime.ApplicationModel}) and the policy engine
 * ({@link dev.warden.runtime.EntityRules}) behind the policies and secured proxies that the Warden processor
 * generates.
 *
 * <p>Everything here fails closed: no context, an unknown user role or a missing token value means no access.
 * The semantics are those of {@code docs/security-model.md}.
 */
package dev.warden.runtime;
