package dev.warden.spring.boot.autoconfigure;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.UserProvider;
import dev.warden.spring.security.AuthenticationValue;
import dev.warden.spring.security.SecurityContextTaskDecorator;
import dev.warden.spring.security.SpringSecurityUserProvider;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Spring Security as the source of Warden's users ({@link SpringSecurityUserProvider}, configured by {@code
 * warden.user-id}, {@code warden.role-prefix}, {@code warden.roles.*} and {@code warden.tokens.*}), and Spring
 * Security's context in the application's task executors ({@link SecurityContextTaskDecorator}, which Boot applies
 * to the executor behind {@code @Async}).
 */
@AutoConfiguration(before = WardenAutoConfiguration.class)
@ConditionalOnClass(SecurityContextHolder.class)
@EnableConfigurationProperties(WardenProperties.class)
public class WardenSecurityAutoConfiguration {

    /**
     * The bridge, unless the application has a {@link UserProvider} of its own.
     *
     * @param application the model whose user roles and tokens the users get
     * @param properties the settings
     * @param holderStrategy the application's {@link SecurityContextHolderStrategy} bean, if any
     * @return the bridge
     * @throws InvalidConfigurationPropertyValueException when a setting names no source, user role or token of the
     *     application
     */
    @Bean
    @ConditionalOnMissingBean(UserProvider.class)
    public SpringSecurityUserProvider wardenUserProvider(ApplicationModel application, WardenProperties properties,
            ObjectProvider<SecurityContextHolderStrategy> holderStrategy) {
        SpringSecurityUserProvider.Builder builder = SpringSecurityUserProvider.builder(application)
                .conversionService(ApplicationConversionService.getSharedInstance())
                .securityContextHolderStrategy(holderStrategy.getIfAvailable(
                        SecurityContextHolder::getContextHolderStrategy));
        builder.userId(source("warden.user-id", properties.getUserId()));
        if (properties.getRolePrefix() != null) {
            builder.rolePrefix(properties.getRolePrefix());
        }
        for (Map.Entry<String, List<String>> role : properties.getRoles().entrySet()) {
            String name = "warden.roles." + role.getKey();
            try {
                builder.mapRole(role.getKey(), role.getValue().toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationPropertyValueException(name, String.join(",", role.getValue()),
                        e.getMessage());
            }
        }
        for (Map.Entry<String, String> token : properties.getTokens().entrySet()) {
            String name = "warden.tokens." + token.getKey();
            try {
                builder.token(token.getKey(), source(name, token.getValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationPropertyValueException(name, token.getValue(), e.getMessage());
            }
        }
        return builder.build();
    }

    private static AuthenticationValue source(String property, String value) {
        try {
            return AuthenticationValue.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
        }
    }

    /**
     * Spring Security's context in tasks of the auto-configured {@code TaskExecutor}; off with {@code
     * warden.task-decorator.enabled=false}. Boot composes it with the application's own task decorators.
     *
     * @param holderStrategy the application's {@link SecurityContextHolderStrategy} bean, if any
     * @return the decorator
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "warden.task-decorator.enabled", havingValue = "true", matchIfMissing = true)
    public SecurityContextTaskDecorator wardenTaskDecorator(
            ObjectProvider<SecurityContextHolderStrategy> holderStrategy) {
        return new SecurityContextTaskDecorator(holderStrategy.getIfAvailable(
                SecurityContextHolder::getContextHolderStrategy));
    }
}
