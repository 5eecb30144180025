package dev.warden.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code warden.*} settings of a Spring Boot application.
 *
 * <pre>
 * warden.user-id=property:id
 * warden.roles.Administrator=ROLE_ADMIN,SCOPE_admin
 * warden.tokens.Region=claim:region
 * warden.web.expose-reason=true
 * </pre>
 */
@ConfigurationProperties("warden")
public class WardenProperties {
    /**
     * Where the Warden user id is in Spring Security's authentication: 'name' (the username; for a JWT its subject),
     * 'property:<name>' (a property of the principal, such as property:id or property:account.id), or
     * 'claim:<name>' (a claim of a JWT or an attribute of an OAuth2 principal). Converted to the userIdType of
     * the @AppSecurity class.
     */
    private String userId = "name";

    /**
     * The prefix of the granted authorities that name a user role: with ROLE_, the authority ROLE_Customer grants
     * the user role Customer. Empty: an authority that is a user role's name grants it. Authorities that grant no
     * user role (FACTOR_PASSWORD, SCOPE_read, ROLE_ANONYMOUS, ...) are ignored.
     */
    private String rolePrefix = "ROLE_";

    /**
     * Other authorities that grant a user role, by user role: warden.roles.Administrator=ROLE_ADMIN,SCOPE_admin.
     */
    private Map<String, List<String>> roles = new LinkedHashMap<>();

    /**
     * Where each custom token's value is, by token name, as for user-id: warden.tokens.Region=claim:region or
     * warden.tokens.Tenant=property:tenantId. Converted to the type the @Token declares; a token without a value
     * denies where a constraint needs it.
     */
    private Map<String, String> tokens = new LinkedHashMap<>();

    private final Web web = new Web();

    private final TaskDecorator taskDecorator = new TaskDecorator();

    private final Jpa jpa = new Jpa();

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRolePrefix() {
        return rolePrefix;
    }

    public void setRolePrefix(String rolePrefix) {
        this.rolePrefix = rolePrefix;
    }

    public Map<String, List<String>> getRoles() {
        return roles;
    }

    public void setRoles(Map<String, List<String>> roles) {
        this.roles = new LinkedHashMap<>(roles);
        this.roles.replaceAll((role, authorities) -> new ArrayList<>(authorities));
    }

    public Map<String, String> getTokens() {
        return tokens;
    }

    public void setTokens(Map<String, String> tokens) {
        this.tokens = new LinkedHashMap<>(tokens);
    }

    public Web getWeb() {
        return web;
    }

    public TaskDecorator getTaskDecorator() {
        return taskDecorator;
    }

    public Jpa getJpa() {
        return jpa;
    }

    /** Spring MVC's answer to a denial. */
    public static class Web {
        /**
         * Whether the reason of a denial (entity, member, operation and the user's roles; never a value) is the
         * 'detail' of the 403 problem response. Off by default: it describes the application's rules. A 404 of
         * a @DeniedAsNotFound handler never carries it.
         */
        private boolean exposeReason;

        public boolean isExposeReason() {
            return exposeReason;
        }

        public void setExposeReason(boolean exposeReason) {
            this.exposeReason = exposeReason;
        }
    }

    /** Spring Security's context in other threads. */
    public static class TaskDecorator {
        /**
         * Whether the application's TaskExecutor, and so @Async methods, run each task with the Spring Security
         * context, and so the Warden user, of the thread that submitted it (on virtual threads too).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Warden for JPA in Boot's EntityManagerFactory. */
    public static class Jpa {
        /**
         * Whether the EntityManagerFactory Boot builds is secured when warden-jpa is on the class path: every entity
         * Hibernate loads is judged by the current user's rules, and every insert, update and delete it flushes is
         * checked. Off, Hibernate runs without Warden's listeners.
         */
        private boolean enabled = true;
        /**
         * Whether every HQL, JPQL and Criteria query of a secured entity (Spring Data's findAll, paging, count,
         * exists, derived and @Query methods among them) returns only the rows the current user may read, filtered
         * in SQL. Off, such a query is refused as soon as it meets a row the user may not read.
         */
        private boolean readFilter = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isReadFilter() {
            return readFilter;
        }

        public void setReadFilter(boolean readFilter) {
            this.readFilter = readFilter;
        }
    }
}
