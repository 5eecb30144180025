package dev.warden.spring.boot.autoconfigure;

import dev.warden.jpa.WardenJpa;
import dev.warden.jpa.query.ReadFilters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Warden for JPA in the {@code EntityManagerFactory} Boot builds, when {@code warden-jpa} and Hibernate are on the
 * class path: Warden's integrator is on, or off with {@code warden.jpa.enabled=false}, whatever
 * {@code spring.jpa.properties} say. Secured, every entity Hibernate loads for a Spring Data repository (findById,
 * findAll, derived queries, {@code @Query}) is judged by the rules of the Spring Security user, and every insert,
 * update and delete it flushes ({@code save}, {@code delete}) is checked; a denial is Warden's
 * {@link dev.warden.runtime.AccessDeniedException}, which Spring MVC answers with 403 (see
 * {@link WardenWebMvcAutoConfiguration}). For lists of only the rows the user may see, use
 * {@link dev.warden.jpa.query.WardenSpecification#readable()} with {@code JpaSpecificationExecutor}.
 */
@AutoConfiguration(after = WardenAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({WardenJpa.class, HibernatePropertiesCustomizer.class})
public class WardenJpaAutoConfiguration {

    /**
     * Sets {@value WardenJpa#ENABLED} and {@value ReadFilters#SETTING} in the factory's Hibernate properties from
     * {@code warden.jpa.enabled} and {@code warden.jpa.read-filter}.
     *
     * @param properties Warden's properties
     * @param registration the registration, so that Warden knows its users before the factory loads anything
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "wardenHibernatePropertiesCustomizer")
    public HibernatePropertiesCustomizer wardenHibernatePropertiesCustomizer(WardenProperties properties,
            WardenRegistration registration) {
        boolean enabled = properties.getJpa().isEnabled();
        boolean readFilter = properties.getJpa().isReadFilter();
        return hibernate -> {
            hibernate.put(WardenJpa.ENABLED, Boolean.toString(enabled));
            hibernate.put(ReadFilters.SETTING, Boolean.toString(readFilter));
        };
    }
}
