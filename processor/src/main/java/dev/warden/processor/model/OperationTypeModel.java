package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A type with operations protected by {@code @AllowedRoles} (Mendix's microflow access): on the type, on some of its
 * methods, or both.
 *
 * @param element the type
 * @param qualifiedName its qualified name
 * @param packageName its package
 * @param displayName its name in messages, with enclosing types: {@code OrderService}, {@code Shop.OrderService}
 * @param typeRoles the annotation on the type, if any
 * @param methodRoles the annotations on the type's own methods, in declaration order
 * @param operations every protected method: with a type annotation each public method (declared or inherited)
 *     and each other method annotated itself, else each annotated method of the type
 */
public record OperationTypeModel(TypeElement element, String qualifiedName, String packageName, String displayName,
        Optional<AllowedRolesModel> typeRoles, List<AllowedRolesModel> methodRoles, List<OperationModel> operations) {

    public OperationTypeModel {
        methodRoles = List.copyOf(methodRoles);
        operations = List.copyOf(operations);
    }

    /** The operations by name (overloads together), in the order of their first method. */
    public Map<String, List<OperationModel>> byName() {
        Map<String, List<OperationModel>> byName = new LinkedHashMap<>();
        for (OperationModel operation : operations) {
            byName.computeIfAbsent(operation.name(), name -> new ArrayList<>()).add(operation);
        }
        return byName;
    }

    /** Every annotation that takes part: the type's, then the methods'. */
    public List<AllowedRolesModel> annotations() {
        List<AllowedRolesModel> all = new ArrayList<>();
        typeRoles.ifPresent(all::add);
        all.addAll(methodRoles);
        return all;
    }
}
