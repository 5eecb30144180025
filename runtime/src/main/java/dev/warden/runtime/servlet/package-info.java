/**
 * Operation access for Jakarta Servlet applications: {@link dev.warden.runtime.servlet.OperationAccessFilter} maps
 * requests to the operations {@code @AllowedRoles} protects and answers {@code 403} or {@code 401} before the servlet
 * runs when {@link dev.warden.runtime.Operations#check} denies. Needs {@code jakarta.servlet:jakarta.servlet-api} 6,
 * which the application's container provides (an optional dependency of the runtime).
 */
package dev.warden.runtime.servlet;
