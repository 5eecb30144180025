package dev.warden.processor.validation;

import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AllowedRolesModel;
import dev.warden.processor.model.ModuleCatalog;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.OperationModel;
import dev.warden.processor.model.OperationTypeModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks operation access ({@code @AllowedRoles}, security-model.md §6): every role resolves (a simple name to a role
 * of the module of the annotated element's package, a qualified one to a role of that module), no list is empty, the
 * overloads of one operation agree, and the generated registry can refer to the type. Warns when a method overrides a
 * supertype's operation with other roles. Returns a report; writes nothing.
 */
public final class OperationValidation {

    private final ModuleCatalog modules;

    public OperationValidation(ModuleCatalog modules) {
        this.modules = modules;
    }

    /** Checks one type with operations. */
    public void validate(OperationTypeModel type, Report report) {
        Optional<String> unenforceable = unenforceable(type.element());
        if (unenforceable.isPresent()) {
            AllowedRolesModel first = type.annotations().get(0);
            report.add(Message.OPERATION_NOT_ENFORCEABLE, first.location(), hint(type.element()), first.target(),
                    unenforceable.get());
            return;
        }
        Set<AllowedRolesModel> valid = new HashSet<>();
        for (AllowedRolesModel annotation : type.annotations()) {
            int before = report.errorCount();
            checkRoles(annotation, report);
            if (report.errorCount() == before) {
                valid.add(annotation);
            }
        }
        for (Map.Entry<String, List<OperationModel>> operation : type.byName().entrySet()) {
            checkOverloads(type, operation.getKey(), operation.getValue(), valid, report);
        }
        for (OperationModel operation : type.operations()) {
            if (valid.contains(operation.roles())) {
                warnAboutOverrides(operation, report);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- roles

    private void checkRoles(AllowedRolesModel annotation, Report report) {
        String where = "@AllowedRoles on " + annotation.target();
        if (annotation.roles().isEmpty()) {
            report.add(Message.OPERATION_WITHOUT_ROLES, annotation.valueLocation(), emptyHint(annotation),
                    annotation.target());
            return;
        }
        for (NameRef role : annotation.roles()) {
            checkRole(role, annotation, where, report);
        }
    }

    private static String emptyHint(AllowedRolesModel annotation) {
        return annotation.module().filter(m -> !m.roleNames().isEmpty())
                .map(m -> "name the module roles that may run it, for example @AllowedRoles(\"" + m.roleNames().get(0)
                        + "\"); the roles of module " + m.name() + ": " + String.join(", ", m.roleNames())
                        + "; or remove the annotation")
                .orElse("name the module roles that may run it, qualified with their module, as in"
                        + " @AllowedRoles(\"Sales.User\"); or remove the annotation");
    }

    private void checkRole(NameRef role, AllowedRolesModel annotation, String where, Report report) {
        String text = role.text();
        int dot = text.indexOf('.');
        if (dot >= 0) {
            String moduleName = text.substring(0, dot);
            Optional<ModuleModel> module = modules.moduleNamed(moduleName);
            if (module.isEmpty()) {
                report.add(Message.UNKNOWN_MODULE, role.location(),
                        Names.suggestion(moduleName, modules.knownModuleNames(), "modules"), where, moduleName);
            } else if (module.get().role(text.substring(dot + 1)).isEmpty()) {
                report.add(Message.UNKNOWN_ROLE, role.location(), Names.suggestion(text.substring(dot + 1),
                        module.get().roleNames(), "roles of module " + moduleName), where, "module role", text);
            }
            return;
        }
        Optional<ModuleModel> own = annotation.module();
        if (own.isPresent() && own.get().role(text).isPresent()) {
            return;
        }
        List<String> elsewhere = new ArrayList<>();
        for (String name : modules.knownModuleNames()) {
            modules.moduleNamed(name).filter(m -> own.isEmpty() || m != own.get())
                    .flatMap(m -> m.role(text).map(r -> m.qualify(text)))
                    .ifPresent(elsewhere::add);
        }
        String ownModule = own.map(m -> "module " + m.name() + ", which package " + annotation.packageName()
                + " belongs to").orElse("the module of package " + annotation.packageName() + ", which belongs to no"
                + " module");
        if (!elsewhere.isEmpty()) {
            report.add(Message.OPERATION_ROLE_OF_OTHER_MODULE, role.location(),
                    "qualify it with its module: \"" + String.join("\" or \"", elsewhere) + "\"", annotation.target(),
                    text, ownModule);
        } else if (own.isPresent()) {
            report.add(Message.UNKNOWN_ROLE, role.location(),
                    Names.suggestion(text, own.get().roleNames(), "roles of module " + own.get().name()), where,
                    "module role", text);
        } else {
            report.add(Message.UNKNOWN_ROLE, role.location(), "package " + annotation.packageName() + " belongs to no"
                    + " module, so every role must be qualified with its module, as in \"Sales.User\"", where,
                    "module role", text);
        }
    }

    // ------------------------------------------------------------------------------------------ overloads

    /** The overloads of one operation (one method name) must be for the same module roles. */
    private static void checkOverloads(OperationTypeModel type, String name, List<OperationModel> methods,
            Set<AllowedRolesModel> valid, Report report) {
        if (methods.stream().anyMatch(m -> !valid.contains(m.roles()))) {
            return;
        }
        OperationModel first = methods.get(0);
        Set<String> roles = new LinkedHashSet<>(first.roles().qualifiedRoles());
        for (OperationModel other : methods.subList(1, methods.size())) {
            if (!new LinkedHashSet<>(other.roles().qualifiedRoles()).equals(roles)) {
                OperationModel reported = other.ownAnnotation() ? other : first;
                report.add(Message.OPERATION_OVERLOADS_DIFFER, reported.roles().location(),
                        "give every method named " + name + " the same @AllowedRoles, or rename one: an operation is"
                                + " checked by its type and method name",
                        name, type.displayName(), String.join(", ", roles),
                        String.join(", ", other.roles().qualifiedRoles()));
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ overrides

    private static void warnAboutOverrides(OperationModel operation, Report report) {
        Set<String> roles = new LinkedHashSet<>(operation.roles().qualifiedRoles());
        for (OperationModel.Overridden overridden : operation.overrides()) {
            Set<String> theirs = new LinkedHashSet<>(overridden.roles().qualifiedRoles());
            if (!overridden.roles().roles().isEmpty() && !theirs.equals(roles)) {
                String target = operation.ownAnnotation() ? operation.roles().target()
                        : operation.roles().target() + "." + operation.name();
                report.add(Message.OPERATION_OVERRIDE_ROLES, operation.roles().location(),
                        "give it the same roles as " + overridden.typeName() + "." + operation.name()
                                + ", so that every way of calling it is checked alike",
                        target, String.join(", ", roles), overridden.typeName(), String.join(", ", theirs));
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ reachability

    /** Why the generated registry, in the type's package, could not refer to the type, if it could not. */
    private static Optional<String> unenforceable(TypeElement type) {
        if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            return Optional.of(type.getSimpleName() + " is an annotation type, whose methods nobody calls");
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return Optional.of((t == type ? "it is in" : "it is inside") + " a local or anonymous class, which the"
                        + " generated registry cannot refer to");
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return Optional.of((t == type ? t.getSimpleName() + " is private" : "it is inside the private type "
                        + t.getSimpleName()) + ", so the generated registry cannot refer to it");
            }
        }
        return Optional.empty();
    }

    private static String hint(TypeElement type) {
        if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            return "put @AllowedRoles on the methods of a class or an interface";
        }
        return "make the type a member or top-level type that is not private, or check the operation in the code that"
                + " calls it";
    }
}
