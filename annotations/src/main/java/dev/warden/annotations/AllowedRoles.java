package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Operation access (Mendix's microflow, page and service access): the module roles that may run a method. Nobody
 * else may, at security levels {@link SecurityLevel#PRODUCTION PRODUCTION} and {@link SecurityLevel#PROTOTYPE
 * PROTOTYPE}; at {@link SecurityLevel#OFF OFF} and in the system context nothing is checked.
 *
 * <pre>{@code
 * @AllowedRoles({"Manager", "Rep"})            // every public method: roles of the module of this package
 * public class OrderService {
 *     public Order placeOrder(Cart cart) { ... }
 *
 *     @AllowedRoles("Manager")                 // replaces the type's list for this method
 *     public void cancel(long order) { ... }
 *
 *     @AllowedRoles("Administration.Admin")    // a role of another module is qualified with its module
 *     public void purge() { ... }
 * }
 * }</pre>
 *
 * <p>On a type, it protects every public method of the type, declared or inherited (except those of
 * {@code Object}, {@code Record} and {@code Enum}, and overrides of {@code equals}, {@code hashCode} and
 * {@code toString}). On a method, it protects that method, public or not, and replaces the type's list. An operation
 * is a method <em>name</em> of a type: overloads are one operation and must have the same roles.
 *
 * <p>The processor checks the roles at compile time and generates {@code OrderServiceOperations}, with one
 * constant per operation ({@code OrderServiceOperations.PLACE_ORDER.check(context)}) and a registry that
 * {@code dev.warden.runtime.Operations} finds at run time ({@code Operations.check(context, OrderService.class,
 * "placeOrder")}). A denial is an {@code AccessDeniedException} naming the operation and the user's roles.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {
    /**
     * The module roles that may run the method: roles of the module the type's package belongs to as simple names
     * ({@code "Manager"}), roles of any module qualified with it ({@code "Sales.Rep"}). At least one.
     */
    String[] value();
}
