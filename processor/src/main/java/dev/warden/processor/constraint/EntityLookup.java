package dev.warden.processor.constraint;

import java.util.Optional;

/** Finds the entities that associations lead to. */
@FunctionalInterface
public interface EntityLookup {
    /** The entity with this qualified name, if it is one. */
    Optional<EntityShape> find(String qualifiedName);
}
