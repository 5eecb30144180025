package dev.warden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One method protected by {@code @AllowedRoles}: its own annotation, or that of the type it is an operation of.
 * Overloads are separate methods of the same operation.
 *
 * @param name the method's name, the operation's name
 * @param method the method (declared by the type, or inherited by it)
 * @param roles the annotation that protects it
 * @param ownAnnotation whether {@code roles} is on the method itself rather than on the type
 * @param overrides the operations of supertypes that the method overrides, when it is declared by the type
 */
public record OperationModel(String name, ExecutableElement method, AllowedRolesModel roles, boolean ownAnnotation,
        List<Overridden> overrides) {

    public OperationModel {
        overrides = List.copyOf(overrides);
    }

    /**
     * An operation of a supertype that the method overrides.
     *
     * @param typeName the supertype, for messages: {@code OrderApi}
     * @param roles the annotation that protects it there
     */
    public record Overridden(String typeName, AllowedRolesModel roles) {}
}
