package dev.warden.spring.boot.notes;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A Spring Boot application as a team would write it, with the starter and nothing Warden-specific but the
 * {@code warden.*} properties: HTTP basic over its own users, whose principal carries the account's id and region.
 */
@SpringBootApplication
@EnableAsync
public class NotesApp {
    /** The password of every user. */
    public static final String PASSWORD = "demo-Pa55";

    private static final Map<String, NotesUser> USERS = Map.of(
            "ada", new NotesUser(1L, "ada", "{noop}" + PASSWORD, "North", AuthorityUtils.createAuthorityList("ROLE_ADMIN")),
            "wes", new NotesUser(2L, "wes", "{noop}" + PASSWORD, "North", AuthorityUtils.createAuthorityList("ROLE_Member")),
            "nina", new NotesUser(3L, "nina", "{noop}" + PASSWORD, "South", AuthorityUtils.createAuthorityList("ROLE_Member")),
            "odd", new NotesUser(4L, "odd", "{noop}" + PASSWORD, "West", AuthorityUtils.createAuthorityList("ROLE_USER")));

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return username -> {
            NotesUser user = USERS.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return new NotesUser(user.getId(), user.getUsername(), user.getPassword(), user.getRegion(),
                    user.getAuthorities());
        };
    }
}
