package dev.warden.processor.validation;

import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.ModuleCatalog;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import java.util.Optional;

/** Resolves the role names written in rules and {@code @MemberAccess} against the entity's module. */
final class RoleResolver {

    private final ModuleCatalog modules;

    RoleResolver(ModuleCatalog modules) {
        this.modules = modules;
    }

    /**
     * The simple name of a role of {@code module} written as {@code "User"} or {@code "Sales.User"}, or empty
     * after reporting why it is not one.
     */
    Optional<String> resolve(NameRef role, ModuleModel module, String where, Report report) {
        String text = role.text();
        int dot = text.indexOf('.');
        if (dot >= 0) {
            String moduleName = text.substring(0, dot);
            String roleName = text.substring(dot + 1);
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
                return Optional.empty();
            }
            return known(role, roleName, module, where, report);
        }
        return known(role, text, module, where, report);
    }

    private static Optional<String> known(NameRef role, String simpleName, ModuleModel module, String where, Report report) {
        if (module.role(simpleName).isPresent()) {
            return Optional.of(simpleName);
        }
        report.add(Message.UNKNOWN_ROLE, role.location(),
                Names.suggestion(simpleName, module.roleNames(), "roles of module " + module.name()),
                where, "module role", role.text());
        return Optional.empty();
    }
}
