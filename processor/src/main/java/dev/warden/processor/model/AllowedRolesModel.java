package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code @AllowedRoles} annotation, on a type or a method.
 *
 * @param target what it is on, for messages: {@code OrderService} or {@code OrderService.placeOrder}
 * @param roles the roles as written: {@code "Manager"} or {@code "Sales.Rep"}
 * @param module the module of the annotated element's package, which unqualified roles belong to; empty when the
 *     package belongs to no module
 * @param packageName that package
 * @param location the annotation
 * @param valueLocation its {@code value}
 */
public record AllowedRolesModel(String target, List<NameRef> roles, Optional<ModuleModel> module, String packageName,
        SourceLocation location, SourceLocation valueLocation) {

    public AllowedRolesModel {
        roles = List.copyOf(roles);
    }

    /**
     * The roles qualified with their module ({@code "Sales.Manager"}), without repetitions, in the order written:
     * an unqualified role is one of {@link #module()}. Meaningful once validation found no error in the roles.
     */
    public List<String> qualifiedRoles() {
        List<String> qualified = new ArrayList<>();
        for (NameRef role : roles) {
            String text = role.text();
            String name = text.indexOf('.') >= 0 || module.isEmpty() ? text : module.get().qualify(text);
            if (!qualified.contains(name)) {
                qualified.add(name);
            }
        }
        return qualified;
    }
}
