package dev.warden.runtime.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * What the data access layer did not load of the objects it made: a row read from a table has its own members but not
 * its associations' objects (a to-one is a reference that holds only the key, a to-many is not read at all), and such a
 * reference has nothing but its key. A constraint evaluated in memory over what was not loaded would answer wrongly,
 * so the rules ask here first and fail loudly instead. Objects are held weakly and by identity (an entity's own
 * {@code equals} plays no part). Not part of Warden's API.
 */
public final class LoadState {

    /** How much of an object was loaded. */
    public enum State {
        /** A row: its members, not the objects its associations refer to. */
        ROW,
        /** A reference made from a foreign key: only its key. */
        REFERENCE
    }

    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final Map<Key, State> STATES = new HashMap<>();

    private LoadState() {}

    /**
     * Records how much of an object was loaded.
     *
     * @param object the object
     * @param state its state
     */
    public static void mark(Object object, State state) {
        synchronized (STATES) {
            expunge();
            STATES.put(new Key(object, CLEARED), state);
        }
    }

    /**
     * How much of an object was loaded.
     *
     * @param object the object
     * @return its state, or null for an object the data layer did not make (complete as far as Warden knows)
     */
    public static State of(Object object) {
        if (object == null) {
            return null;
        }
        synchronized (STATES) {
            if (STATES.isEmpty()) {
                return null;
            }
            return STATES.get(new Key(object, null));
        }
    }

    private static void expunge() {
        for (Object cleared = CLEARED.poll(); cleared != null; cleared = CLEARED.poll()) {
            STATES.remove(cleared);
        }
    }

    /** A weak reference compared by the identity of its referent. */
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
            if (!(other instanceof Key key)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == key.get();
        }
    }
}
