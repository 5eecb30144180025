package dev.warden.verification.differential;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operation access (security-model.md §6 "Operation access" and §1 "Security level"), evaluated directly over a small
 * model of types and methods, without any code of the processor or the runtime; the semantics are the ones the README
 * documents for {@code @AllowedRoles}:
 *
 * <ul>
 *   <li>an operation is a method name of a type; on a method, {@code @AllowedRoles} protects it and replaces the
 *       type's list; on a type, it protects every public method that is a member of the type (declared or
 *       inherited), unless that member's declaration carries an {@code @AllowedRoles} of its own;</li>
 *   <li>a type's operations are also those of its subtypes: the type, its superclasses, then the interfaces of all
 *       of them (breadth first) are asked in turn, and the first that protects the name decides;</li>
 *   <li>a name no type protects is not an operation, and checking it is denied to everyone;</li>
 *   <li>no context: denied; the system: allowed; a context that denies everything: denied at every level;
 *       level OFF: allowed; PROTOTYPE and PRODUCTION: allowed when the user's module roles (the union over their
 *       user roles) include one of the operation's.</li>
 * </ul>
 */
final class OperationReference {

    /** A method: its name, whether it is public, and its own annotation's roles (qualified), if any. */
    record MethodDecl(String name, boolean isPublic, Set<String> own) {}

    /** A type: a class or an interface, its type annotation's roles (qualified), its supertypes and methods. */
    record TypeDecl(String qualifiedName, boolean isInterface, Set<String> typeRoles, String superclass,
            List<String> interfaces, List<MethodDecl> methods) {
        Optional<MethodDecl> method(String name) {
            return methods.stream().filter(m -> m.name().equals(name)).findFirst();
        }

        String packageName() {
            return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        }
    }

    /** Who asks: nobody, the system, a context that denies everything, or a user with module roles. */
    record Asker(boolean none, boolean system, boolean denied, String level, Set<String> moduleRoles) {}

    private final Map<String, TypeDecl> types;

    OperationReference(Map<String, TypeDecl> types) {
        this.types = types;
    }

    /** The module roles that may run a type's method name, or empty when it is not an operation. */
    Optional<Set<String>> roles(String type, String method) {
        for (String candidate : lookUpOrder(type)) {
            TypeDecl x = types.get(candidate);
            Optional<MethodDecl> declared = x.method(method);
            if (declared.isPresent() && declared.get().own() != null) {
                return Optional.of(declared.get().own());
            }
            if (x.typeRoles() != null) {
                Optional<MethodDecl> member = member(x, method);
                if (member.isPresent() && member.get().isPublic() && member.get().own() == null) {
                    return Optional.of(x.typeRoles());
                }
            }
        }
        return Optional.empty();
    }

    /** The type, its superclasses, then the interfaces of all of them, breadth first. */
    private List<String> lookUpOrder(String type) {
        List<String> order = new ArrayList<>();
        for (String c = type; c != null; c = types.get(c).superclass()) {
            order.add(c);
        }
        Set<String> interfaces = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(order);
        while (!queue.isEmpty()) {
            for (String implemented : types.get(queue.removeFirst()).interfaces()) {
                if (interfaces.add(implemented)) {
                    queue.addLast(implemented);
                }
            }
        }
        order.addAll(interfaces);
        return order;
    }

    /**
     * The declaration of a method name that is a member of a type (JLS 8.4.8): its own, else the one it inherits from
     * its superclass (a package-private one only within the package), else from its interfaces.
     */
    private Optional<MethodDecl> member(TypeDecl x, String method) {
        Optional<MethodDecl> own = x.method(method);
        if (own.isPresent()) {
            return own;
        }
        if (x.superclass() != null) {
            TypeDecl parent = types.get(x.superclass());
            Optional<MethodDecl> inherited = member(parent, method);
            if (inherited.isPresent() && (inherited.get().isPublic() || parent.packageName().equals(x.packageName()))) {
                return inherited;
            }
        }
        for (String implemented : x.interfaces()) {
            Optional<MethodDecl> inherited = member(types.get(implemented), method);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** Whether the asker may run the type's method name. */
    boolean allowed(Asker asker, String type, String method) {
        Optional<Set<String>> roles = roles(type, method);
        if (roles.isEmpty() || asker.none()) {
            return false;
        }
        if (asker.system()) {
            return true;
        }
        if (asker.denied()) {
            return false;
        }
        if (asker.level().equals("OFF")) {
            return true;
        }
        return roles.get().stream().anyMatch(asker.moduleRoles()::contains);
    }
}
