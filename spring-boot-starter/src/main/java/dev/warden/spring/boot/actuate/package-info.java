/**
 * The actuator endpoint {@code warden}: the security overview the Warden processor wrote at compile time, as JSON
 * or as the HTML page ({@link dev.warden.spring.boot.actuate.WardenEndpoint}).
 */
package dev.warden.spring.boot.actuate;
