package dev.warden.runtime;

import dev.warden.runtime.internal.GeneratedServices;
import java.lang.ref.SoftReference;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Operation access at run time: finds the operations protected with {@code @AllowedRoles} and checks them, for plain
 * Java, method interceptors and servlet filters alike.
 *
 * <pre>{@code
 * Operations.check(context, OrderService.class, "placeOrder");   // by type and method name
 * OrderServiceOperations.PLACE_ORDER.check(context);            // the generated constant, without a look-up
 * }</pre>
 *
 * <p>The operations are the generated {@link OperationRegistry registries}, found in the class loader of the type
 * asked about (where the processor listed them, next to the type): those listed in
 * {@code META-INF/warden/generated/dev.warden.runtime.OperationRegistry}, which register themselves when they are
 * initialized (so that this works in a named module without {@code provides}), and those registered with
 * {@link ServiceLoader}. An operation of a
 * type is also an operation of its subtypes: a look-up goes through the type, its superclasses, then their
 * interfaces, and the first registry that has the method name wins, so a subtype's own {@code @AllowedRoles} beats
 * a supertype's. Look-ups are cached per class, so that an interceptor can ask on every call.
 *
 * <p>Fails closed: checking an operation that is not registered (a typo in the name, a method without
 * {@code @AllowedRoles}, generated code missing from the class path) is denied at every security level and for every
 * context, the system included; so is every check when the registrations cannot be loaded.
 */
public final class Operations {
    private static final ClassValue<Resolved> RESOLVED = new ClassValue<>() {
        @Override
        protected Resolved computeValue(Class<?> type) {
            return resolve(type);
        }
    };
    /**
     * The registries each class loader sees, by type. The keys are weak and the values soft, so that the cache never
     * keeps a class loader (and an undeployed application) alive: a registry refers to its loader.
     */
    private static final Map<ClassLoader, SoftReference<Index>> INDICES = new WeakHashMap<>();

    private Operations() {}

    // -------------------------------------------------------------------------------------------------- look-up

    /**
     * The operation of a type with a method name, its own or a supertype's.
     *
     * @param type the type, for example the class of the object the method is called on
     * @param methodName the method's name
     * @return the operation, or empty when the method is not protected
     * @throws IllegalStateException when the registrations cannot be loaded (so that nobody mistakes a broken
     *     configuration for an unprotected method)
     */
    public static Optional<SecuredOperation> find(Class<?> type, String methodName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(methodName, "methodName");
        Resolved resolved = RESOLVED.get(type);
        if (resolved.failure != null) {
            throw new IllegalStateException(resolved.failure);
        }
        return Optional.ofNullable(resolved.operations.get(methodName));
    }

    /**
     * The operation a method call runs, for a method interceptor. Give the class of the object called (for Spring,
     * the target class behind the proxy): an inherited method's {@link Method#getDeclaringClass()} is the supertype,
     * whose operations may differ from those of the type it is called on.
     *
     * @param targetType the class of the object whose method is called
     * @param method the method
     * @return the operation of {@code targetType} with the method's name, else that of the method's declaring class;
     *     empty when neither protects it
     * @throws IllegalStateException when the registrations cannot be loaded
     */
    public static Optional<SecuredOperation> find(Class<?> targetType, Method method) {
        Objects.requireNonNull(method, "method");
        Optional<SecuredOperation> found = find(Objects.requireNonNull(targetType, "targetType"), method.getName());
        return found.isPresent() ? found : find(method.getDeclaringClass(), method.getName());
    }

    /**
     * Every operation registered in the context class loader, for an overview or an administration page.
     *
     * @return the operations, registry by registry in the order the service registrations list them
     * @throws IllegalStateException when the registrations cannot be loaded
     */
    public static List<SecuredOperation> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Index index = index(loader == null ? ClassLoader.getSystemClassLoader() : loader);
        if (index.failure != null) {
            throw new IllegalStateException(index.failure);
        }
        List<SecuredOperation> operations = new ArrayList<>();
        index.byType.values().forEach(registry -> operations.addAll(registry.operations()));
        return operations;
    }

    // --------------------------------------------------------------------------------------------------- checks

    /**
     * Whether a context may run an operation. False for no context and for an operation that is not registered.
     *
     * @param ctx the context, or null
     * @param type the type
     * @param methodName the method's name
     * @return the answer; never throws for a broken configuration (it answers false)
     */
    public static boolean isAllowed(SecurityContext ctx, Class<?> type, String methodName) {
        try {
            return find(type, methodName).map(operation -> operation.isAllowed(ctx)).orElse(false);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Throws unless a context may run an operation.
     *
     * @param ctx the context, or null for none
     * @param type the type
     * @param methodName the method's name
     * @throws AccessDeniedException naming the operation, the user's user roles and why; also when the operation is
     *     not registered or the registrations cannot be loaded
     */
    public static void check(SecurityContext ctx, Class<?> type, String methodName) {
        require(ctx, type, methodName).check(ctx);
    }

    /**
     * Throws unless the current context may run an operation.
     *
     * @param type the type
     * @param methodName the method's name
     * @throws AccessDeniedException when there is no current context, or it may not run the operation
     * @see #check(SecurityContext, Class, String)
     */
    public static void check(Class<?> type, String methodName) {
        check(SecurityContext.currentIfPresent().orElse(null), type, methodName);
    }

    /**
     * Why a context may or may not run an operation, for people.
     *
     * @param ctx the context, or null for none
     * @param type the type
     * @param methodName the method's name
     * @return one sentence starting with "allowed" or "denied"
     */
    public static String explain(SecurityContext ctx, Class<?> type, String methodName) {
        try {
            return require(ctx, type, methodName).explain(ctx);
        } catch (AccessDeniedException e) {
            return "denied: " + e.reason();
        }
    }

    private static SecuredOperation require(SecurityContext ctx, Class<?> type, String methodName) {
        String name = SecuredOperation.name(Objects.requireNonNull(type, "type"), methodName);
        List<String> roles = ctx == null ? List.of() : List.copyOf(ctx.userRoles());
        Optional<SecuredOperation> operation;
        try {
            operation = find(type, Objects.requireNonNull(methodName, "methodName"));
        } catch (IllegalStateException e) {
            throw AccessDeniedException.forOperation(name, roles, "the operation registrations could not be loaded, so"
                    + " every operation is denied: " + e.getMessage());
        }
        return operation.orElseThrow(() -> AccessDeniedException.forOperation(name, roles, "no such operation is"
                + " registered, and unknown operations are denied: the method has no @AllowedRoles (nor does its"
                + " type), or the code the Warden processor generated for " + type.getSimpleName()
                + " is not on the class path"));
    }

    // ------------------------------------------------------------------------------------------------ resolution

    /** The operations of one type, its own and inherited, by method name; or why they cannot be known. */
    private record Resolved(Map<String, SecuredOperation> operations, String failure) {}

    /** The registries one class loader sees, by type; or why they cannot be loaded. */
    private record Index(Map<Class<?>, OperationRegistry> byType, String failure) {}

    /** The type, its superclasses, then the interfaces of each (breadth first): the order of a look-up. */
    private static Resolved resolve(Class<?> type) {
        List<Class<?>> order = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            order.add(c);
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(order);
        while (!queue.isEmpty()) {
            for (Class<?> implemented : queue.removeFirst().getInterfaces()) {
                if (interfaces.add(implemented)) {
                    queue.addLast(implemented);
                }
            }
        }
        order.addAll(interfaces);
        Map<String, SecuredOperation> operations = new HashMap<>();
        for (Class<?> c : order) {
            if (c.getClassLoader() == null) {
                continue; // a type of the Java platform: never protected
            }
            Index index = index(c.getClassLoader());
            if (index.failure != null) {
                return new Resolved(Map.of(), index.failure);
            }
            OperationRegistry registry = index.byType.get(c);
            if (registry != null) {
                registry.operations().forEach(operation -> operations.putIfAbsent(operation.methodName(), operation));
            }
        }
        return new Resolved(Map.copyOf(operations), null);
    }

    private static Index index(ClassLoader loader) {
        synchronized (INDICES) {
            SoftReference<Index> cached = INDICES.get(loader);
            Index index = cached == null ? null : cached.get();
            if (index == null) {
                index = load(loader);
                INDICES.put(loader, new SoftReference<>(index));
            }
            return index;
        }
    }

    private static Index load(ClassLoader loader) {
        Map<Class<?>, OperationRegistry> byType = new LinkedHashMap<>();
        try {
            for (OperationRegistry registry : GeneratedServices.find(OperationRegistry.class, loader)) {
                OperationRegistry other = byType.putIfAbsent(registry.type(), registry);
                if (other != null && other.getClass() != registry.getClass()) {
                    return new Index(Map.of(), "two registries claim the operations of " + registry.type().getName()
                            + ": " + other.getClass().getName() + " and " + registry.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            return new Index(Map.of(), "could not load the operations registered in META-INF/services/"
                    + OperationRegistry.class.getName() + " or " + GeneratedServices.INDEX + OperationRegistry.class.getName()
                    + ": " + e.getMessage());
        }
        return new Index(byType, null);
    }
}
