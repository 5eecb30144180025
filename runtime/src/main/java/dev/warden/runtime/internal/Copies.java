package dev.warden.runtime.internal;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies of mutable values, so that what a secured proxy hands out or takes in is never shared with the object
 * behind it (security model §6: no shared mutable state through proxies). Generated proxies call the overload for
 * the member's declared type; the processor refuses mutable types that have none. Each returns null for null. Not
 * part of Warden's API.
 */
public final class Copies {
    private Copies() {}

    /** A copy of a date (also of a {@code java.sql.Date}, {@code Time} or {@code Timestamp}, keeping its class). */
    @SuppressWarnings("unchecked")
    public static <D extends Date> D of(D value) {
        return value == null ? null : (D) value.clone();
    }

    /** A copy of a calendar, keeping its class. */
    @SuppressWarnings("unchecked")
    public static <C extends Calendar> C of(C value) {
        return value == null ? null : (C) value.clone();
    }

    /** A copy of an array; arrays of arrays are copied all the way down. */
    public static <E> E[] of(E[] value) {
        if (value == null) {
            return null;
        }
        E[] copy = value.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = deep(copy[i]);
        }
        return copy;
    }

    /** A copy of an array. */
    public static byte[] of(byte[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static char[] of(char[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static short[] of(short[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static int[] of(int[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static long[] of(long[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static float[] of(float[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static double[] of(double[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of an array. */
    public static boolean[] of(boolean[] value) {
        return value == null ? null : value.clone();
    }

    /** A copy of the elements of an iterable (or collection, or list), as a list, in iteration order. */
    public static <E> List<E> of(Iterable<E> value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<E> collection) {
            return new ArrayList<>(collection);
        }
        List<E> copy = new ArrayList<>();
        value.forEach(copy::add);
        return copy;
    }

    /** A copy of a list (or collection), as a list. */
    public static <E> List<E> of(Collection<E> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    /** A copy of a list. */
    public static <E> List<E> of(List<E> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    /** A copy of a list. */
    public static <E> ArrayList<E> of(ArrayList<E> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    /** A copy of a list. */
    public static <E> LinkedList<E> of(LinkedList<E> value) {
        return value == null ? null : new LinkedList<>(value);
    }

    /** A copy of a set, in iteration order. */
    public static <E> Set<E> of(Set<E> value) {
        return value == null ? null : new LinkedHashSet<>(value);
    }

    /** A copy of a set. */
    public static <E> HashSet<E> of(HashSet<E> value) {
        return value == null ? null : new HashSet<>(value);
    }

    /** A copy of a set. */
    public static <E> LinkedHashSet<E> of(LinkedHashSet<E> value) {
        return value == null ? null : new LinkedHashSet<>(value);
    }

    /** A copy of a sorted set, with its comparator. */
    public static <E> SortedSet<E> of(SortedSet<E> value) {
        return value == null ? null : new TreeSet<>(value);
    }

    /** A copy of a sorted set, with its comparator. */
    public static <E> NavigableSet<E> of(NavigableSet<E> value) {
        return value == null ? null : new TreeSet<>(value);
    }

    /** A copy of a sorted set, with its comparator. */
    public static <E> TreeSet<E> of(TreeSet<E> value) {
        return value == null ? null : new TreeSet<>(value);
    }

    /** A copy of a map, in iteration order. */
    public static <K, V> Map<K, V> of(Map<K, V> value) {
        return value == null ? null : new LinkedHashMap<>(value);
    }

    /** A copy of a map. */
    public static <K, V> HashMap<K, V> of(HashMap<K, V> value) {
        return value == null ? null : new HashMap<>(value);
    }

    /** A copy of a map. */
    public static <K, V> LinkedHashMap<K, V> of(LinkedHashMap<K, V> value) {
        return value == null ? null : new LinkedHashMap<>(value);
    }

    /** A copy of a sorted map, with its comparator. */
    public static <K, V> SortedMap<K, V> of(SortedMap<K, V> value) {
        return value == null ? null : new TreeMap<>(value);
    }

    /** A copy of a sorted map, with its comparator. */
    public static <K, V> NavigableMap<K, V> of(NavigableMap<K, V> value) {
        return value == null ? null : new TreeMap<>(value);
    }

    /** A copy of a sorted map, with its comparator. */
    public static <K, V> TreeMap<K, V> of(TreeMap<K, V> value) {
        return value == null ? null : new TreeMap<>(value);
    }

    /**
     * A copy of a value of any type whose static type is not known (for maps of values such as
     * {@code readableValues()}): dates, calendars, arrays, collections and maps are copied, anything else is
     * returned as it is.
     *
     * @param value the value
     * @return the copy, or the value
     */
    public static Object any(Object value) {
        if (value instanceof Date date) {
            return date.clone();
        }
        if (value instanceof Calendar calendar) {
            return calendar.clone();
        }
        if (value instanceof SortedSet<?> set) {
            return new TreeSet<>(set);
        }
        if (value instanceof Set<?> set) {
            return new LinkedHashSet<>(set);
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof SortedMap<?, ?> map) {
            return new TreeMap<>(map);
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        return deep(value);
    }

    @SuppressWarnings("unchecked")
    private static <V> V deep(V value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        if (value instanceof Object[] array) {
            return (V) of(array);
        }
        if (value instanceof byte[] array) {
            return (V) array.clone();
        }
        if (value instanceof char[] array) {
            return (V) array.clone();
        }
        if (value instanceof short[] array) {
            return (V) array.clone();
        }
        if (value instanceof int[] array) {
            return (V) array.clone();
        }
        if (value instanceof long[] array) {
            return (V) array.clone();
        }
        if (value instanceof float[] array) {
            return (V) array.clone();
        }
        if (value instanceof double[] array) {
            return (V) array.clone();
        }
        return (V) ((boolean[]) value).clone();
    }
}
