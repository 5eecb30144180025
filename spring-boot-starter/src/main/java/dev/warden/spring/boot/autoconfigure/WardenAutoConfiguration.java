package dev.warden.spring.boot.autoconfigure;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.UserProvider;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.jdbc.SpringConnectionProvider;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Warden's core beans: the {@link ApplicationModel} (the one the processor generated from the {@code @AppSecurity}
 * class), its {@link WardenRegistration} with the application's {@link UserProvider}, and a {@link WardenData} on
 * the application's {@link DataSource} when it has exactly one (or one primary), in Spring's transactions.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(WardenProperties.class)
public class WardenAutoConfiguration {

    /**
     * The application model: the single one registered by the processor.
     *
     * @return the model
     * @throws IllegalStateException when there is none (no class annotated {@code @AppSecurity} was compiled with
     *     the Warden processor) or several
     */
    @Bean
    @ConditionalOnMissingBean
    public ApplicationModel wardenApplicationModel() {
        return ApplicationModel.defaultModel();
    }

    /**
     * Makes the model and the user provider Warden's while the context runs.
     *
     * @param application the model
     * @param userProvider the user provider: Spring Security's bridge, or the application's own
     * @return the registration
     */
    @Bean
    @ConditionalOnMissingBean
    public WardenRegistration wardenRegistration(ApplicationModel application,
            ObjectProvider<UserProvider> userProvider) {
        return new WardenRegistration(application, userProvider.getIfAvailable());
    }

    /**
     * {@link WardenData} on the application's data source, taking part in Spring's transactions ({@link
     * SpringConnectionProvider}): what it writes inside {@code @Transactional} commits and rolls back with the
     * transaction, on the transaction's connection.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSourceUtils.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class SpringTransactionsConfiguration {
        /**
         * Secure data access on the application's data source, acting for the current user.
         *
         * @param dataSource the data source
         * @param registration the registration, so that Warden knows its users before anything reads data
         * @return the data access
         */
        @Bean
        @ConditionalOnMissingBean
        public WardenData wardenData(DataSource dataSource, WardenRegistration registration) {
            return WardenData.of(new SpringConnectionProvider(dataSource));
        }
    }

    /** Without spring-jdbc: {@link WardenData} with connections and transactions of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.jdbc.datasource.DataSourceUtils")
    @ConditionalOnSingleCandidate(DataSource.class)
    static class OwnTransactionsConfiguration {
        /**
         * Secure data access on the application's data source, acting for the current user.
         *
         * @param dataSource the data source
         * @param registration the registration, so that Warden knows its users before anything reads data
         * @return the data access
         */
        @Bean
        @ConditionalOnMissingBean
        public WardenData wardenData(DataSource dataSource, WardenRegistration registration) {
            return WardenData.of(dataSource);
        }
    }
}
