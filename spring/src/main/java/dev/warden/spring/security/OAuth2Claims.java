package dev.warden.spring.security;

import java.util.Map;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** The claims or attributes of OAuth2 principals; loaded only when spring-security-oauth2-core is present. */
final class OAuth2Claims {
    private OAuth2Claims() {}

    /**
     * The claims of a {@code Jwt}, an {@code OidcUser} or an introspected token, or the attributes of another
     * {@code OAuth2AuthenticatedPrincipal} such as an {@code OAuth2User}.
     *
     * @param principal the principal
     * @return its claims, or null when it has none
     */
    static Map<String, Object> of(Object principal) {
        if (principal instanceof ClaimAccessor accessor) {
            return accessor.getClaims();
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal oauth2) {
            return oauth2.getAttributes();
        }
        return null;
    }
}
