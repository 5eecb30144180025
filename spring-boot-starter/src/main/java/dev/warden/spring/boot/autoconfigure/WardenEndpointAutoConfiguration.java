package dev.warden.spring.boot.autoconfigure;

import dev.warden.runtime.ApplicationModel;
import dev.warden.spring.boot.actuate.WardenEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The security overview as the actuator endpoint {@code warden} ({@code /actuator/warden}), when the actuator is on
 * the class path and the endpoint is exposed ({@code management.endpoints.web.exposure.include=warden}).
 */
@AutoConfiguration(after = WardenAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
public class WardenEndpointAutoConfiguration {

    /**
     * The endpoint.
     *
     * @param application the model whose overview it serves
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public WardenEndpoint wardenEndpoint(ApplicationModel application) {
        return new WardenEndpoint(application, application.getClass().getClassLoader());
    }
}
