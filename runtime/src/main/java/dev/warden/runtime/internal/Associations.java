package dev.warden.runtime.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a member's value holds, whatever container it comes in. Not part of Warden's API.
 */
public final class Associations {
    private Associations() {}

    /**
     * Whether a value counts as set on a new object: not null, and not an empty collection, map, array or
     * optional.
     *
     * @param value the member's value
     * @return true when set
     */
    public static boolean isSet(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent();
        }
        if (value.getClass().isArray()) {
            return Array.getLength(value) > 0;
        }
        if (value instanceof Iterable<?> iterable) {
            return iterable.iterator().hasNext();
        }
        return true;
    }

    /**
     * The objects an association's value refers to.
     *
     * @param value an object, a collection or other iterable, a map (its values), an array or an optional
     * @return the objects, possibly with nulls; empty for null
     */
    public static Iterable<?> elements(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Iterable<?> iterable) {
            return iterable;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values();
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? List.of(optional.get()) : List.of();
        }
        if (value instanceof Object[] array) {
            List<Object> elements = new ArrayList<>(array.length);
            for (Object element : array) {
                elements.add(element);
            }
            return elements;
        }
        return List.of(value);
    }
}
