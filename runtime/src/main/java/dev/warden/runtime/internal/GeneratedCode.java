package dev.warden.runtime.internal;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.sql.EntityTable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the generated code of secured entities by class, without reflection on any hot path. Not part of
 * Warden's API.
 *
 * <p>Each generated {@code OrderPolicy} registers itself here when its class is initialized. The rules of a class
 * are those of the most specific secured entity in its hierarchy (security model §6, generalization); to find
 * them, each class of the hierarchy that has not registered yet gets its generated policy loaded once by name
 * (the processor's naming: {@code com.acme.Order} has {@code com.acme.OrderPolicy}, a nested {@code Shop.Order}
 * has {@code com.acme.Shop_OrderPolicy}), which registers it. The answer is then cached per class.
 */
public final class GeneratedCode {
    private static final Map<Class<?>, EntityRules<?, ?>> REGISTERED = new ConcurrentHashMap<>();
    private static final ClassValue<Optional<EntityRules<?, ?>>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Optional<EntityRules<?, ?>> computeValue(Class<?> type) {
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                EntityRules<?, ?> rules = REGISTERED.get(t);
                if (rules == null && load(generatedName(t, "", "Policy"), t.getClassLoader())) {
                    rules = REGISTERED.get(t);
                }
                if (rules != null) {
                    return Optional.of(rules);
                }
            }
            return Optional.empty();
        }
    };

    private static final Map<Class<?>, EntityTable<?>> TABLES = new ConcurrentHashMap<>();
    private static final ClassValue<Optional<EntityTable<?>>> TABLE_BY_CLASS = new ClassValue<>() {
        @Override
        protected Optional<EntityTable<?>> computeValue(Class<?> type) {
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                EntityTable<?> table = TABLES.get(t);
                if (table == null && load(generatedName(t, "", "Table"), t.getClassLoader())) {
                    table = TABLES.get(t);
                }
                if (table != null) {
                    return Optional.of(table);
                }
            }
            return Optional.empty();
        }
    };

    private GeneratedCode() {}

    /**
     * Registers the table of an entity; called once by the generated table. The first table registered for a
     * class stays, as for rules.
     *
     * @param entity the entity's class
     * @param table its table
     */
    public static void register(Class<?> entity, EntityTable<?> table) {
        TABLES.putIfAbsent(entity, table);
    }

    /**
     * The table of a class: that of the most specific entity in its hierarchy that has one.
     *
     * @param type the class
     * @return the table, or null when none is generated
     */
    public static EntityTable<?> tableOf(Class<?> type) {
        return TABLE_BY_CLASS.get(type).orElse(null);
    }

    /**
     * Registers the rules of an entity; called once by the generated policy. The first rules registered for a
     * class stay: a class has one generated policy, and rules made by hand later (in tests) cannot replace it.
     *
     * @param entity the entity's class
     * @param rules its rules
     */
    public static void register(Class<?> entity, EntityRules<?, ?> rules) {
        REGISTERED.putIfAbsent(entity, rules);
    }

    /**
     * The rules that judge objects of a class: those of the most specific secured entity in its hierarchy.
     *
     * @param type the class
     * @return the rules, or null when no class of the hierarchy is a secured entity
     */
    public static EntityRules<?, ?> rulesOf(Class<?> type) {
        return BY_CLASS.get(type).orElse(null);
    }

    /**
     * The name entities have in messages: the simple name of the class.
     *
     * @param entity the entity's class
     * @return for example {@code "Order"}
     */
    public static String entityName(Class<?> entity) {
        return entity.getSimpleName();
    }

    /**
     * The name of a class the processor generates for an entity.
     *
     * @param entity the entity's class
     * @param prefix {@code "Secured"} or empty
     * @param suffix {@code "Policy"}, {@code "Table"} or empty
     * @return the binary name, for example {@code com.acme.Shop_OrderPolicy}
     */
    public static String generatedName(Class<?> entity, String prefix, String suffix) {
        String packageName = entity.getPackageName();
        String nested = entity.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
        return (packageName.isEmpty() ? "" : packageName + ".") + prefix + nested.replace('$', '_') + suffix;
    }

    /** Loads and initializes a class if it exists; whether it does. */
    private static boolean load(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
