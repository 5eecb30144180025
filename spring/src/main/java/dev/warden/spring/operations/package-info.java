/**
 * Operation access on Spring beans: {@link dev.warden.spring.operations.AllowedRolesAdvisor} checks, before each
 * call of a method that {@code @AllowedRoles} protects, that the current user may
 * run it, with the operations the processor generated ({@link dev.warden.runtime.Operations}).
 */
package dev.warden.spring.operations;
