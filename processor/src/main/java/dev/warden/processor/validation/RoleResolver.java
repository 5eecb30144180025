package dev.warden.processor.validation;

import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.ModuleCatalog;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import java.util.Optional;

/**
 * Checks the role names written in rules and {@code @MemberAccess} against the entity's module. It only reports:
 * what a rule grants to which role is worked out by {@link ModuleModel#resolveRole}, which skips the names
 * reported here.
 */
final class RoleResolver {

    private final ModuleCatalog modules;

    RoleResolver(ModuleCatalog modules) {
        this.modules = modules;
    }

    /**
     * Reports a role written as {@code "User"} or {@code "Sales.User"} that is not a role of {@code module}: a
     * role of another module (E002), or a module or role that is not declared (E001). Reports nothing for a role
     * of {@code module}, qualified with its name or not.
     */
    void check(NameRef role, ModuleModel module, String where, Report report) {
        String text = role.text();
        String simpleName = text;
        int dot = text.indexOf('.');
        if (dot >= 0) {
            String moduleName = text.substring(0, dot);
            if (!moduleName.equals(module.name())) {
                Optional<ModuleModel> other = modules.moduleNamed(moduleName);
                if (other.isPresent()) {
                    report.add(Message.ROLE_OF_OTHER_MODULE, role.location(),
                            "use a role of module " + module.name() + " (" + String.join(", ", module.roleNames())
                                    + "), and map it to user roles in @AppSecurity",
                            where, text, moduleName, module.name());
                } else {
                    report.add(Message.UNKNOWN_ROLE, role.location(),
                            Names.suggestion(text, module.roleNames().stream().map(module::qualify).toList(), "roles"),
                            where, "module role", text);
                }
                return;
            }
            simpleName = text.substring(dot + 1);
        }
        if (module.role(simpleName).isEmpty()) {
            report.add(Message.UNKNOWN_ROLE, role.location(),
                    Names.suggestion(simpleName, module.roleNames(), "roles of module " + module.name()),
                    where, "module role", text);
        }
    }
}
