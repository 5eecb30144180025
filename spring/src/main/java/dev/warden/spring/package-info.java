/**
 * Warden in a Spring application, without Spring Boot: Spring Security as the source of Warden's users
 * ({@link dev.warden.spring.security}) and Spring MVC's answer to a denial ({@link dev.warden.spring.web}). The Boot
 * starter, {@code warden-spring-boot-starter}, configures all of it from {@code warden.*} properties.
 */
package dev.warden.spring;
