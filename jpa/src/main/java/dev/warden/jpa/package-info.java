/**
 * Warden's rules on every path of a Hibernate application: {@link dev.warden.jpa.WardenJpa} registers listeners that
 * judge every entity Hibernate loads and every insert, update and delete it flushes.
 */
package dev.warden.jpa;
