package dev.warden.benchmarks.spring;

import dev.warden.benchmarks.data.BenchJpa;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoice;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoices;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Spring Data JPA without Spring Boot (item 9), as an application would set it up by hand: Hibernate's factory on
 * the benchmark's data source, {@code JpaTransactionManager}, the {@link LedgerInvoices} repository. Warden's
 * integrator on or off in the factory ({@link BenchJpa#settings}), nothing else differs.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableJpaRepositories(basePackageClasses = LedgerInvoices.class)
public class SpringDataConfig {
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
            @Value("#{wardenOn}") boolean warden) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(LedgerInvoice.class.getPackageName());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(BenchJpa.settings(dataSource, warden));
        return factory;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    /** Starts the application on that data source, Warden on or off. */
    public static AnnotationConfigApplicationContext start(DataSource dataSource, boolean warden) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("dataSource", DataSource.class, () -> dataSource);
        context.registerBean("wardenOn", Boolean.class, () -> warden);
        context.register(SpringDataConfig.class);
        context.refresh();
        return context;
    }
}
