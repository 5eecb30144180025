package dev.warden.benchmarks.spring;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A minimal Spring application with method security on, as a Spring user would set it up: the
 * {@link SpringDocuments} bean, {@code @EnableMethodSecurity}, and an authentication in the
 * {@link SecurityContextHolder} of the calling thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SpringSecurityConfig {
    /** The id of the document owned by the reader. */
    public static final long OWN_DOCUMENT = 1L;
    /** The id of a document owned by someone else, in another region. */
    public static final long OTHER_DOCUMENT = 2L;

    @Bean
    public SpringDocuments springDocuments() {
        return new SpringDocuments(Map.of(
                OWN_DOCUMENT, new SpringDocument(OWN_DOCUMENT, "Own title", "Own body", 7L, "North"),
                OTHER_DOCUMENT, new SpringDocument(OTHER_DOCUMENT, "Other title", "Other body", 8L, "South")));
    }

    /** Starts the application context. */
    public static AnnotationConfigApplicationContext start() {
        return new AnnotationConfigApplicationContext(SpringSecurityConfig.class);
    }

    /** Signs in, on this thread, user 7 of region North with one role ({@code READER}, {@code MANAGER}, ...). */
    public static void signIn(String role) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                new BenchPrincipal(7L, "North"), null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
    }

    /** Signs out on this thread. */
    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
