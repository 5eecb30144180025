/**
 * Spring Boot auto-configuration of Warden: {@link dev.warden.spring.boot.autoconfigure.WardenAutoConfiguration}
 * (the application model, a {@code WardenData} on the application's {@code DataSource}, the registration of both
 * with Warden), {@link dev.warden.spring.boot.autoconfigure.WardenSecurityAutoConfiguration} (Spring Security as the
 * source of users, and its context in task executors), {@link
 * dev.warden.spring.boot.autoconfigure.WardenWebMvcAutoConfiguration} (403 or 404 for a denial) and {@link
 * dev.warden.spring.boot.autoconfigure.WardenEndpointAutoConfiguration} ({@code /actuator/warden}). Every bean backs
 * off when the application defines its own of the same type. The settings are {@link
 * dev.warden.spring.boot.autoconfigure.WardenProperties}.
 */
package dev.warden.spring.boot.autoconfigure;
