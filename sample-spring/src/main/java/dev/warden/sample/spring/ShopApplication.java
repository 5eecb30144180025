package dev.warden.sample.spring;

import dev.warden.runtime.SecurityContext;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Spring sample: {@code java -jar sample-spring/target/warden-sample-spring.jar}, then for example
 * {@code curl -u bob:demo http://localhost:8080/api/invoices}.
 *
 * <p>The demo users, all with the password {@value #PASSWORD}: alice (id 1, Administrator), bob (id 2, Clerk),
 * carol (id 3, Clerk), dave (id 4, Auditor).
 *
 * <p>Spring Security only authenticates (every /api request needs a user); what each user sees and may change is
 * decided by Warden: warden-jpa secures Hibernate's session factory (discovered, no code), and the starter makes the
 * Spring Security user the Warden user and answers a denial with 403.
 */
@SpringBootApplication
public class ShopApplication {
    /** The password of every demo user. */
    public static final String PASSWORD = "demo";

    private static final Map<String, ShopUser> USERS = Map.of(
            "alice", user(1L, "alice", "ROLE_Administrator"),
            "bob", user(2L, "bob", "ROLE_Clerk"),
            "carol", user(3L, "carol", "ROLE_Clerk"),
            "dave", user(4L, "dave", "ROLE_Auditor"));

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    private static ShopUser user(Long id, String name, String role) {
        return new ShopUser(id, name, "{noop}" + PASSWORD, AuthorityUtils.createAuthorityList(role));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** In-memory users; a fresh copy each time, as Spring Security erases the password of the one it authenticates. */
    @Bean
    UserDetailsService users() {
        return username -> {
            ShopUser user = USERS.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return new ShopUser(user.getId(), user.getUsername(), user.getPassword(), user.getAuthorities());
        };
    }

    /**
     * The demo rows, written as the system (no user's rules apply): bob owns 1 to 3, carol 4 and 5; 2 and 4 are paid.
     * Written once the beans exist and before the web server starts, so that no request sees an empty shop.
     */
    @Bean
    static SmartInitializingSingleton demoData(ObjectProvider<InvoiceRepository> repository) {
        return () -> {
            InvoiceRepository invoices = repository.getObject();
            try (SecurityContext.Scope system = SecurityContext.system()) {
                if (invoices.count() == 0) {
                    invoices.saveAll(List.of(
                            new Invoice(2L, "Acme", 500L, false),
                            new Invoice(2L, "Globex", 90L, true),
                            new Invoice(2L, "Initech", 1200L, false),
                            new Invoice(3L, "Umbrella", 300L, true),
                            new Invoice(3L, "Hooli", 45L, false)));
                }
            }
        };
    }
}
