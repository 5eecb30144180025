package dev.warden.jpa;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;

/** A set of objects held weakly and compared by identity (an entity's or collection's own {@code equals} plays no part). */
final class WeakIdentitySet {
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private final Set<Key> keys = new HashSet<>();

    synchronized void add(Object object) {
        expunge();
        keys.add(new Key(object, cleared));
    }

    /** A map from objects held weakly and compared by identity to values held strongly (that must not hold them). */
    static final class Map<V> {
        private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
        private final java.util.Map<Key, V> entries = new java.util.HashMap<>();

        synchronized void put(Object object, V value) {
            for (Object key = cleared.poll(); key != null; key = cleared.poll()) {
                entries.remove(key);
            }
            entries.put(new Key(object, cleared), value);
        }

        synchronized V get(Object object) {
            return entries.isEmpty() ? null : entries.get(new Key(object, null));
        }
    }

    synchronized boolean contains(Object object) {
        return !keys.isEmpty() && keys.contains(new Key(object, null));
    }

    private void expunge() {
        for (Object key = cleared.poll(); key != null; key = cleared.poll()) {
            keys.remove(key);
        }
    }

    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return other instanceof Key key && referent != null && referent == key.get();
        }
    }
}
