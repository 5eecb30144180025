package dev.warden.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The protected operations of one type. The processor generates a subclass per type with {@code @AllowedRoles}
 * ({@code OrderServiceOperations}), holding one constant per operation, and lists every such subclass of a
 * compilation in {@code META-INF/warden/generated/dev.warden.runtime.OperationRegistry} (and, for
 * {@link java.util.ServiceLoader} on the class path, in {@code META-INF/services/dev.warden.runtime.OperationRegistry}),
 * where {@link Operations} finds them: the registry is generated code, not reflection over annotations. Each generated
 * registry registers its instance when its class is initialized, so a named module needs no {@code provides} for it.
 *
 * <p>Instances are immutable.
 */
public abstract class OperationRegistry {
    private final Class<?> type;
    private final Map<String, SecuredOperation> byName;

    /**
     * The registry of a type.
     *
     * @param type the type
     * @param operations its operations, one per method name
     * @throws IllegalArgumentException when an operation belongs to another type or two have the same name
     */
    protected OperationRegistry(Class<?> type, SecuredOperation... operations) {
        this.type = Objects.requireNonNull(type, "type");
        Map<String, SecuredOperation> map = new LinkedHashMap<>();
        for (SecuredOperation operation : operations) {
            if (operation.type() != type) {
                throw new IllegalArgumentException("Operation " + operation.name() + " is not an operation of "
                        + type.getName());
            }
            if (map.putIfAbsent(operation.methodName(), operation) != null) {
                throw new IllegalArgumentException("Operation " + operation.name() + " is registered twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The type whose operations these are. */
    public final Class<?> type() {
        return type;
    }

    /** The operations, in declaration order. */
    public final List<SecuredOperation> operations() {
        return List.copyOf(byName.values());
    }

    /**
     * One operation of the type itself (not of a supertype; {@link Operations#find(Class, String)} looks there too).
     *
     * @param methodName the method's name
     * @return the operation, or empty
     */
    public final Optional<SecuredOperation> operation(String methodName) {
        return Optional.ofNullable(byName.get(methodName));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + byName.keySet();
    }
}
