package dev.warden.spring.boot.autoconfigure;

import dev.warden.spring.operations.AllowedRolesAdvisor;
import org.springframework.aop.Advisor;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Operation access on the application's beans: every method that {@code @AllowedRoles} protects (on the method or its
 * type) runs only for users whose module roles it lists, checked by {@link AllowedRolesAdvisor} before the method
 * and before a {@code @Transactional} method's transaction begins. Beans are proxied the way Boot proxies them for
 * transactions (class-based proxies); like every Spring proxy, it sees calls from other beans, not a bean's calls to
 * its own methods.
 */
@AutoConfiguration(after = WardenAutoConfiguration.class)
@ConditionalOnClass(Advisor.class)
@Import(WardenOperationsAutoConfiguration.ProxyCreatorRegistrar.class)
public class WardenOperationsAutoConfiguration {

    /**
     * The advisor, unless the application has its own.
     *
     * @return the advisor
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean
    public static AllowedRolesAdvisor wardenAllowedRolesAdvisor() {
        return new AllowedRolesAdvisor();
    }

    /** Makes sure the context has an auto-proxy creator, as {@code @EnableTransactionManagement} does. */
    static final class ProxyCreatorRegistrar implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
            AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
        }
    }
}
