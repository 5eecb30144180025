package dev.warden.runtime;

import dev.warden.runtime.internal.Copies;
import dev.warden.runtime.internal.GeneratedCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An object as the user of one security context may see and change it: the base of every generated secured
 * proxy ({@code SecuredOrder}). The generated class holds only the typed getters and setters, each one plain
 * statement that calls {@link #readable} or {@link #write}; the checks are here.
 *
 * <ul>
 *   <li>Getters throw {@link AccessDeniedException} for members the user may not read; associations come back
 *       as secured proxies, limited to the objects the user may see; mutable values (dates, arrays, collections,
 *       maps) come back as copies, so changing them changes nothing behind the proxy.</li>
 *   <li>Setters throw for members the user may not write and for associated objects the user may not see; they
 *       store copies of mutable values, never the caller's own container; and a change that would take the object
 *       out of the user's write access (the write check, security model §4) is undone and refused.</li>
 *   <li>The rights are worked out when the proxy is made and after each write through it; changes made to the
 *       wrapped object directly are not seen until then.</li>
 * </ul>
 *
 * <p>Not thread-safe, like the object it wraps. Two proxies are equal when they wrap the same object for the same
 * context; {@link #toString()} names the entity only, never a value.
 *
 * @param <T> the entity type
 * @param <M> the entity's member enum
 */
public abstract class SecuredObject<T, M extends Enum<M> & EntityMember> {

    /**
     * Makes a proxy: the generated proxy's constructor.
     *
     * @param <T> the entity type
     * @param <M> the entity's member enum
     * @param <S> the proxy type
     */
    @FunctionalInterface
    public interface Factory<T, M extends Enum<M> & EntityMember, S> {
        /**
         * Makes the proxy.
         *
         * @param context the security context
         * @param object the object
         * @param rights the user's rights on it, which make it visible
         * @return the proxy
         */
        S make(SecurityContext context, T object, Rights rights);
    }

    private final EntityRules<T, M> rules;
    private final SecurityContext context;
    private final T object;
    private Rights rights;
    /** The readable and writable members below 64, as bits: a getter's check is one test. */
    private long readableBits;
    private long writableBits;

    /**
     * A proxy.
     *
     * @param rules the entity's rules
     * @param context the security context
     * @param object the object
     * @param rights the user's rights on it, which make it visible
     */
    protected SecuredObject(EntityRules<T, M> rules, SecurityContext context, T object, Rights rights) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.context = Objects.requireNonNull(context, "context");
        this.object = Objects.requireNonNull(object, "object");
        setRights(Objects.requireNonNull(rights, "rights"));
        if (!rights.visible()) {
            throw rules.denial(context, object, Operation.VIEW, -1);
        }
    }

    private void setRights(Rights rights) {
        this.rights = rights;
        this.readableBits = rights.readable().firstWord();
        this.writableBits = rights.writable().firstWord();
    }

    // -------------------------------------------------------------------------------- for generated code

    /**
     * The wrapped object, for a generated getter, once the user may read the member.
     *
     * @param member the member about to be read
     * @return the object
     * @throws AccessDeniedException when the user may not read it
     */
    protected final T readable(M member) {
        int index = member.ordinal();
        if (index < Long.SIZE ? (readableBits & (1L << index)) == 0 : !rights.canRead(index)) {
            throw rules.denial(context, object, Operation.READ, index);
        }
        return object;
    }

    /**
     * Writes a member, for a generated setter: checks that the user may write it and may see every object the
     * value refers to, sets it, fills in changedBy and the changed date ({@link SystemMembers}), and runs the write
     * check, undoing the change (and those) when it fails. Mutable values must
     * be copies already (the generated setter makes them).
     *
     * @param member the member
     * @param value the new value
     * @throws AccessDeniedException when the rules deny it; the object is then unchanged
     */
    protected final void write(M member, Object value) {
        int index = member.ordinal();
        if (index < Long.SIZE ? (writableBits & (1L << index)) == 0 : !rights.canWrite(index)) {
            throw rules.denial(context, object, Operation.WRITE, index);
        }
        rules.checkAssociatedVisible(context, member, value);
        Object previous = rules.get(object, member);
        // changedBy and the changed date are filled in with the change, and undone with it
        int[] stamped = rules.updateStamped();
        Object[] stamps = new Object[stamped.length];
        for (int i = 0; i < stamped.length; i++) {
            stamps[i] = rules.getValue(object, stamped[i]);
        }
        rules.set(object, member, value);
        Rights after;
        try {
            for (int stamp : stamped) {
                if (stamp != index) {
                    rules.setValue(object, stamp, rules.filledValue(context, stamp, false,
                            rules.getValue(object, stamp)));
                }
            }
            after = rules.rights(context, object);
        } catch (RuntimeException e) {
            undo(member, previous, stamped, stamps);
            throw e;
        }
        if (!after.canWrite(index)) {
            undo(member, previous, stamped, stamps);
            throw new AccessDeniedException(rules.entityName(), member.memberName(), Operation.WRITE,
                    "the change would take the object out of what you may change (write check); it was undone");
        }
        setRights(after);
    }

    private void undo(M member, Object previous, int[] stamped, Object[] stamps) {
        rules.set(object, member, previous);
        for (int i = 0; i < stamped.length; i++) {
            if (stamped[i] != member.ordinal()) {
                rules.setValue(object, stamped[i], stamps[i]);
            }
        }
    }

    /**
     * The value of an optional, or null for an empty or null optional: for a generated getter of an
     * {@code Optional<T>} association.
     *
     * @param optional the optional
     * @param <V> the value type
     * @return its value, or null
     */
    protected static <V> V orNull(Optional<V> optional) {
        return optional == null ? null : optional.orElse(null);
    }

    /**
     * An array as a list, for a generated getter of a {@code T[]} association.
     *
     * @param array the array, or null
     * @param <V> the element type
     * @return the list, empty for null
     */
    @SafeVarargs
    protected static <V> List<V> listOf(V... array) {
        return array == null ? List.of() : java.util.Arrays.asList(array);
    }

    /**
     * The values of a map the user may see, wrapped in their proxies, in the map's order: for a generated getter
     * of a {@code Map<K, T>} association.
     *
     * @param map the map, or null
     * @param wrap the associated entity's {@code ifVisible}
     * @param <K> the key type
     * @param <V> the associated entity
     * @param <S> its proxy type
     * @return an unmodifiable map with the visible values, empty for null
     */
    protected final <K, V, S> Map<K, S> visibleValues(Map<K, ? extends V> map,
            java.util.function.BiFunction<SecurityContext, V, Optional<S>> wrap) {
        if (map == null) {
            return Map.of();
        }
        Map<K, S> visible = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                wrap.apply(context, value).ifPresent(proxy -> visible.put(key, proxy));
            }
        });
        return Collections.unmodifiableMap(visible);
    }

    // ------------------------------------------------------------------------------------------------ rights

    /**
     * Whether the user may read a member.
     *
     * @param member the member
     * @return true when allowed
     */
    public final boolean canRead(M member) {
        return rights.canRead(member.ordinal());
    }

    /**
     * Whether the user may change a member.
     *
     * @param member the member
     * @return true when allowed
     */
    public final boolean canWrite(M member) {
        return rights.canWrite(member.ordinal());
    }

    /** Whether the user may delete the object. */
    public final boolean canDelete() {
        return rights.canDelete();
    }

    /**
     * Throws unless the user may delete the object.
     *
     * @throws AccessDeniedException when the user may not delete it
     */
    public final void checkDelete() {
        if (!rights.canDelete()) {
            throw rules.denial(context, object, Operation.DELETE, -1);
        }
    }

    /** Which rules give the user which rights on this object. */
    public final Explanation explain() {
        return rules.explain(context, object);
    }

    /** The security context this proxy checks against. */
    public final SecurityContext securityContext() {
        return context;
    }

    /** The user's rights on the object, as last worked out. */
    public final Rights rights() {
        return rights;
    }

    /**
     * The members the user may read, by name, in member order: what a user interface or JSON writer may show.
     * Associations appear as secured proxies, limited to what the user may see (a to-one the user may not see as
     * null); mutable values as copies.
     *
     * @return an unmodifiable map
     */
    public final Map<String, Object> readableValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (M member : rules.members()) {
            if (rights.canRead(member.ordinal())) {
                Object value = rules.get(object, member);
                Optional<Class<?>> target = rules.associatedEntity(member);
                values.put(member.memberName(), target.isPresent() ? secured(target.get(), value) : Copies.any(value));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** An association's value as the user may see it, through the proxies of the associated entity. */
    private Object secured(Class<?> target, Object value) {
        EntityRules<?, ?> targetRules = GeneratedCode.rulesOf(target);
        if (value == null || targetRules == null) {
            return null;
        }
        if (value instanceof Optional<?> optional) {
            return optional.flatMap(element -> targetRules.secureObject(context, element));
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> visible = new LinkedHashMap<>();
            map.forEach((key, element) -> {
                if (element != null) {
                    targetRules.secureObject(context, element).ifPresent(proxy -> visible.put(key, proxy));
                }
            });
            return Collections.unmodifiableMap(visible);
        }
        if (value instanceof Iterable<?> || value instanceof Object[]) {
            List<Object> visible = new ArrayList<>();
            for (Object element : dev.warden.runtime.internal.Associations.elements(value)) {
                if (element != null) {
                    targetRules.secureObject(context, element).ifPresent(visible::add);
                }
            }
            return Collections.unmodifiableList(visible);
        }
        return targetRules.secureObject(context, value).orElse(null);
    }

    // ------------------------------------------------------------------------------------------------ object

    /** Two proxies are equal when they wrap the same object for the same context. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof SecuredObject<?, ?> that && that.getClass() == getClass() && that.object == object
                && that.context.equals(context);
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(object);
    }

    /** Names the proxy and the entity only: member values are never printed, readable or not. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + rules.entityName() + "]";
    }
}
