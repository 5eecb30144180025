package dev.warden.runtime;

/**
 * The scopes open on each thread, innermost first, as a linked stack in a plain {@link ThreadLocal}: a new
 * thread starts with none, and never inherits its creator's context.
 *
 * <p>A scope closed from another thread cannot be taken off this thread's stack (that thread cannot reach this one's
 * {@code ThreadLocal}), and must not be: the scope it was opened in, which may be {@code system()}, would then apply to
 * work done for the scope's user. It is <em>revoked</em> instead: it stays where it is, with no context, so that its
 * own thread is denied everything (naming why) until it closes the scope itself, as it would any other.
 */
final class ThreadScopes {
    private static final ThreadLocal<Frame> TOP = new ThreadLocal<>();

    private ThreadScopes() {}

    /** The innermost open scope of this thread, or null when none is open. */
    static Frame innermost() {
        Frame top = TOP.get();
        Frame open = firstOpen(top);
        if (open != top) {
            setTop(open);
        }
        return open;
    }

    /**
     * Opens a scope on this thread.
     *
     * @param context the context, or null for a scope in which there is no context at all
     * @return the scope
     */
    static Frame push(SecurityContext context) {
        Frame frame = new Frame(context, innermost(), Thread.currentThread());
        TOP.set(frame);
        return frame;
    }

    private static Frame firstOpen(Frame frame) {
        Frame open = frame;
        while (open != null && open.closed) {
            open = open.previous;
        }
        return open;
    }

    private static void setTop(Frame frame) {
        if (frame == null) {
            TOP.remove();
        } else {
            TOP.set(frame);
        }
    }

    /** One open scope: its context and the scope it was opened in. */
    static final class Frame implements SecurityContext.Scope {
        private final SecurityContext context;
        private final Frame previous;
        private final Thread owner;
        /** Closed by its own thread: off the stack, or about to be. */
        private volatile boolean closed;
        /** The thread that closed it while it was open on its owner's, or null. */
        private volatile Thread revokedBy;

        private Frame(SecurityContext context, Frame previous, Thread owner) {
            this.context = context;
            this.previous = previous;
            this.owner = owner;
        }

        @Override
        public SecurityContext context() {
            return context;
        }

        /**
         * Why this scope gives its thread no context although it was opened with one, or null: another thread closed
         * it, and its own thread has not yet.
         */
        String revocation() {
            Thread closer = revokedBy;
            return closer == null ? null : "the scope opened on thread '" + owner.getName() + "' was closed on thread '"
                    + closer.getName() + "', so this thread has no context until it closes that scope itself";
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                if (revokedBy != null) {
                    return;
                }
                revokedBy = Thread.currentThread();
                throw new IllegalStateException("A security scope opened on thread '" + owner.getName()
                        + "' was closed on thread '" + Thread.currentThread().getName()
                        + "'. Its thread has no security context now, until it closes the scope itself; close scopes "
                        + "on the thread that opened them");
            }
            closed = true;
            int innerStillOpen = 0;
            for (Frame inner = TOP.get(); inner != null && inner != this; inner = inner.previous) {
                if (!inner.closed) {
                    inner.closed = true;
                    innerStillOpen++;
                }
            }
            setTop(firstOpen(previous));
            if (innerStillOpen > 0) {
                throw new IllegalStateException("A security scope was closed while " + innerStillOpen
                        + " scope(s) opened inside it were still open. They are closed now too; close scopes in "
                        + "the reverse order of opening them, with try-with-resources");
            }
        }
    }
}
