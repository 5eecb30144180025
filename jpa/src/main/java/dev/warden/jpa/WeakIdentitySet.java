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
