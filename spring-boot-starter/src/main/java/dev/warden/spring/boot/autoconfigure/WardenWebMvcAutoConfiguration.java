package dev.warden.spring.boot.autoconfigure;

import dev.warden.spring.web.WardenExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A Warden {@code AccessDeniedException} from a Spring MVC controller is 403 Forbidden, or 404 Not Found for a
 * handler annotated {@code @DeniedAsNotFound}, as a problem detail ({@link WardenExceptionHandler}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(WardenProperties.class)
public class WardenWebMvcAutoConfiguration {

    /**
     * The controller advice.
     *
     * @param properties the settings ({@code warden.web.expose-reason})
     * @return the advice
     */
    @Bean
    @ConditionalOnMissingBean
    public WardenExceptionHandler wardenExceptionHandler(WardenProperties properties) {
        return new WardenExceptionHandler(properties.getWeb().isExposeReason());
    }
}
