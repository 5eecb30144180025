package dev.warden.jpa;

import dev.warden.runtime.ConstraintFailedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.Hibernate;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * The safety net: every entity instance Hibernate materializes is judged by its policy for the current context, so
 * that one the user may not see never reaches user code, whatever path loaded it.
 *
 * <ul>
 *   <li><b>Single objects</b> ({@code find}, an initialized {@code getReference}, a to-one association, eager or lazy,
 *       {@code refresh}, each row of an HQL, Criteria or native query): an {@link dev.warden.runtime.AccessDeniedException}
 *       naming the entity. The persistence context is then cleared (every managed object is detached, unflushed
 *       changes are dropped) and the transaction is marked for rollback, as after any exception Hibernate throws, so
 *       that the invisible object cannot be reached from the first-level cache afterwards.</li>
 *   <li><b>{@code find} of an object already in the persistence context</b> (loaded earlier, perhaps in another
 *       context) is judged again.</li>
 *   <li><b>Collections</b> (to-many associations, lazy or eager) hold only the elements the user may see: the
 *       others are taken out when the collection is initialized, from the collection and from Hibernate's snapshot
 *       of it, so flushing an unchanged collection writes nothing. An owning collection (join table or join column)
 *       that was filtered cannot be changed ({@link FlushChecks}), since the change would rewrite links to objects
 *       the user cannot see.</li>
 *   <li><b>What a judgement loads stays out of the user's session.</b> A constraint through a lazy to-one that is not
 *       loaded yet is judged on a copy of the object in a session of its own ({@link #judgeApart}), on the same
 *       connection and transaction, where nothing is judged or filtered: the objects it loads (perhaps some the user
 *       may not see) never reach the user's persistence context, and only the verdict leaves. The user's lazy
 *       to-one stays unloaded, and is judged when the user follows it.</li>
 *   <li>A constraint that cannot be evaluated (it throws, for example because a lazy association cannot be loaded
 *       outside its session) is a {@link dev.warden.runtime.ConstraintFailedException} naming the rule.</li>
 * </ul>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class SafetyNet implements PostLoadEventListener, LoadEventListener {
    static final SafetyNet INSTANCE = new SafetyNet();

    /** The element classes of the collections this thread is initializing: their elements are judged afterwards. */
    private static final ThreadLocal<List<Class<?>>> COLLECTING = ThreadLocal.withInitial(ArrayList::new);
    /** The owning collections that were filtered, which may therefore not be written. */
    private static final WeakIdentitySet FILTERED = new WeakIdentitySet();
    /**
     * The context each instance was last judged visible for: {@code find} of an instance already judged for the same
     * context is not judged again, since its collections may meanwhile hold only their visible elements and a
     * constraint through them would then be judged over a part of the objects.
     */
    private static final WeakIdentitySet.Map<SecurityContext> JUDGED = new WeakIdentitySet.Map<>();
    /**
     * How deep this thread is in judging constraints ({@code [0]}: collections initialized meanwhile are filtered
     * afterwards), how deep in the safety net's own judgements ({@code [1]}: a lazy to-one they would load in the
     * user's session is refused to them, and they are judged apart), and how deep in judgements that may load nothing
     * into the user's session ({@code [2]}: neither a to-one nor a collection).
     */
    private static final ThreadLocal<int[]> JUDGING = ThreadLocal.withInitial(() -> new int[3]);
    /** The sessions this thread judges apart in: nothing they load is judged or filtered. */
    private static final ThreadLocal<List<Session>> APART = ThreadLocal.withInitial(ArrayList::new);
    /** The collections initialized while a constraint was judged, to filter once it is judged. */
    private static final ThreadLocal<List<Pending>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private SafetyNet() {}

    /** A collection to filter, and whether it is the owning side (its links are written from it). */
    private record Pending(EventSource session, PersistentCollection<?> collection, boolean owning) {}

    /**
     * Thrown into a load the safety net's judgement would make in the user's session (a lazy to-one): the load does not
     * happen, and the object is judged apart instead. Never leaves the safety net.
     */
    private static final class LoadedApart extends RuntimeException {
        LoadedApart(String entity) {
            super("a judgement of the safety net would load " + entity + " into the user's session", null, false, false);
        }
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        Object entity = event.getEntity();
        EntityRules rules = Judge.rulesOf(entity);
        if (rules == null || isCollectionElement(entity) || isApart(event.getSession())) {
            return;
        }
        check(event.getSession(), rules, entity);
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        Object result = event.getResult();
        if (result == null || isApart(event.getSession())) {
            return;
        }
        if (result instanceof HibernateProxy proxy) {
            LazyInitializer initializer = proxy.getHibernateLazyInitializer();
            if (initializer.isUninitialized()) {
                return; // judged when it is initialized
            }
            result = initializer.getImplementation();
        }
        EntityRules rules = Judge.rulesOf(result);
        if (rules != null) {
            SecurityContext judged = JUDGED.get(result);
            if (judged != null && judged == SecurityContext.currentIfPresent().orElse(null)) {
                return; // judged visible for this context when it was loaded (or found) before
            }
            check(event.getSession(), rules, result);
        }
    }

    private static void check(EventSource session, EntityRules rules, Object entity) {
        boolean visible;
        try {
            visible = judge(session, rules, entity);
        } finally {
            filterPending();
        }
        if (!visible) {
            RuntimeException denial = Judge.invisible(rules, entity);
            forget(session);
            throw denial;
        }
        SecurityContext.currentIfPresent().ifPresent(ctx -> JUDGED.put(entity, ctx));
    }

    /** Drops the persistence context and marks the transaction for rollback after a denial. */
    private static void forget(EventSource session) {
        try {
            session.getPersistenceContextInternal().clear();
            session.getActionQueue().clear();
            session.markForRollbackOnly();
        } catch (RuntimeException e) {
            // The denial is what matters; a session that cannot be cleared is closed by its owner.
        }
    }

    /**
     * Judges one instance. A constraint through a to-many association is judged over all of its objects (as the
     * policy and the SQL filter do): a collection its evaluation initializes is not filtered before the judgement but
     * after it ({@link #filterPending()}), so the user still gets only its visible elements.
     */
    private static boolean judge(EventSource session, EntityRules rules, Object entity) {
        return judgeLoaded(session, rules, entity, entity, object -> Judge.isVisible(rules, object));
    }

    /**
     * Judges an object with what its session has loaded; when the judgement needs a lazy to-one that is not loaded, it
     * is made again on a copy read apart ({@link #judgeApart}), so that nothing it loads reaches the user's session.
     *
     * @param managed the object in the session
     * @param judged what is judged: the object, or its state as it was loaded
     */
    static <R> R judgeLoaded(SharedSessionContractImplementor session, EntityRules rules, Object managed, Object judged,
            java.util.function.Function<Object, R> judgement) {
        return judgeHereOrApart(session, rules, managed, judged, judgement, 1);
    }

    /**
     * Judges an object with what its session has loaded, and on a copy read apart ({@link #judgeApart}) when the
     * judgement needs anything that is not loaded (a to-one or a collection): nothing it loads enters the user's
     * session.
     *
     * @param managed the object in the session
     * @param judged what is judged: the object, or its state as it was loaded
     */
    static <R> R judgeUnloading(SharedSessionContractImplementor session, EntityRules rules, Object managed,
            Object judged, java.util.function.Function<Object, R> judgement) {
        return judgeHereOrApart(session, rules, managed, judged, judgement, 2);
    }

    private static <R> R judgeHereOrApart(SharedSessionContractImplementor session, EntityRules rules, Object managed,
            Object judged, java.util.function.Function<Object, R> judgement, int strictness) {
        int[] depth = JUDGING.get();
        depth[0]++;
        depth[strictness]++;
        ConstraintFailedException failure;
        try {
            return judgement.apply(judged);
        } catch (ConstraintFailedException e) {
            if (!wasLoadedApart(e)) {
                throw e;
            }
            failure = e;
        } finally {
            depth[0]--;
            depth[strictness]--;
        }
        return judgeApart(session, rules, managed, failure, judgement);
    }

    private static boolean wasLoadedApart(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoadedApart) {
                return true;
            }
        }
        return false;
    }

    /**
     * Judges a copy of a managed object, read in a session of its own that shares the user's connection and
     * transaction (so it sees what the user's session flushed), with no read filter, and whose loads are neither
     * judged nor filtered: what the judgement loads never reaches the user's persistence context.
     *
     * @param failure the judgement in the user's session, which needed what is not loaded there
     * @param judgement the same judgement, made on the copy
     * @throws ConstraintFailedException naming the failure's rule when the copy cannot be read, or its constraint fails
     */
    static <R> R judgeApart(SharedSessionContractImplementor session, EntityRules rules, Object entity,
            ConstraintFailedException failure, java.util.function.Function<Object, R> judgement) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        if (entry == null || entry.getId() == null) {
            throw cannotReadApart(rules, failure, "the object is not managed by its session");
        }
        List<Session> apart = APART.get();
        try (Session copySession = session.sessionWithOptions().connection().flushMode(FlushMode.MANUAL)
                .readOnly(true).openSession()) {
            apart.add(copySession);
            try {
                // the judgement sees every row, as the policy and the SQL filter do
                List.copyOf(((SharedSessionContractImplementor) copySession).getLoadQueryInfluencers()
                        .getEnabledFilterNames()).forEach(copySession::disableFilter);
                Object copy = copySession.find(Hibernate.getClassLazy(entity), entry.getId());
                if (copy == null) {
                    throw cannotReadApart(rules, failure, "the object is not stored (yet); flush it first");
                }
                return judgement.apply(copy);
            } finally {
                apart.remove(copySession);
            }
        }
    }

    private static ConstraintFailedException cannotReadApart(EntityRules rules, ConstraintFailedException failure,
            String why) {
        return new ConstraintFailedException(rules.entityName(), failure.rule(), failure.description(), "it goes "
                + "through an association that is not loaded, so Warden judges a copy read in a session of its own, "
                + "but " + why);
    }

    /** Whether a session is one the safety net judges apart in. */
    static boolean isApart(Object session) {
        for (Session apart : APART.get()) {
            if (apart == session) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a lazy to-one load to the safety net's own judgements in the user's session (prepended to Hibernate's
     * load listeners, so the load does not happen): the judgement is made apart instead ({@link #judgeApart}).
     */
    static final class JudgementLoads implements LoadEventListener {
        static final JudgementLoads INSTANCE = new JudgementLoads();

        private JudgementLoads() {}

        @Override
        public void onLoad(LoadEvent event, LoadType loadType) {
            int[] depth = JUDGING.get();
            if ((depth[1] > 0 || depth[2] > 0) && loadType == IMMEDIATE_LOAD && !isApart(event.getSession())) {
                throw new LoadedApart(event.getEntityClassName());
            }
        }
    }

    /**
     * Runs a judgement made outside the safety net (the flush checks judge the object being written): a to-many
     * collection it initializes is judged over all its objects, as the policy and the SQL filter do, and filtered to
     * the visible elements only after it.
     */
    static <R> R judging(java.util.function.Supplier<R> judgement) {
        int[] depth = JUDGING.get();
        depth[0]++;
        try {
            return judgement.get();
        } finally {
            depth[0]--;
            filterPending();
        }
    }

    /** Filters the collections initialized while constraints were judged, unless a judgement is still running. */
    private static void filterPending() {
        if (JUDGING.get()[0] > 0) {
            return;
        }
        List<Pending> pending = PENDING.get();
        try {
            while (!pending.isEmpty()) {
                CollectionFilter.filterAndRemember(pending.remove(pending.size() - 1));
            }
        } finally {
            pending.clear();
        }
    }

    private static boolean isCollectionElement(Object entity) {
        List<Class<?>> collecting = COLLECTING.get();
        for (int i = collecting.size() - 1; i >= 0; i--) {
            if (collecting.get(i).isInstance(entity)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an owning collection was filtered when it was loaded. */
    static boolean wasFiltered(Object collection) {
        return FILTERED.contains(collection);
    }

    /**
     * Runs Hibernate's own initialization of a collection, then takes out the elements the user may not see. Replaces
     * the listeners Hibernate had, which it calls.
     */
    static final class CollectionFilter implements InitializeCollectionEventListener {
        private final List<InitializeCollectionEventListener> originals;

        CollectionFilter(List<InitializeCollectionEventListener> originals) {
            this.originals = List.copyOf(originals);
        }

        @Override
        public void onInitializeCollection(InitializeCollectionEvent event) throws HibernateException {
            PersistentCollection<?> collection = event.getCollection();
            if (isApart(event.getSession())) {
                for (InitializeCollectionEventListener original : originals) {
                    original.onInitializeCollection(event);
                }
                return; // a judgement's own load: judged over all its objects, never filtered
            }
            if (JUDGING.get()[2] > 0) {
                throw new LoadedApart(collection.getRole()); // not loaded: the judgement is made apart
            }
            // Void: no entity is judged later when the elements are no entities.
            // (getElementPersister() throws for a collection of basic values or embeddables: ask the type first.)
            Class<?> elements = event.getCollectionPersister() == null
                    || !event.getCollectionPersister().getElementType().isEntityType()
                    || event.getCollectionPersister().getElementPersister() == null ? Void.class
                    : event.getCollectionPersister().getElementPersister().getMappedClass();
            List<Class<?>> collecting = COLLECTING.get();
            collecting.add(elements);
            try {
                for (InitializeCollectionEventListener original : originals) {
                    original.onInitializeCollection(event);
                }
            } finally {
                collecting.remove(collecting.size() - 1);
            }
            Pending initialized = new Pending(event.getSession(), collection, event.getCollectionPersister() != null
                    && !event.getCollectionPersister().isInverse());
            if (JUDGING.get()[0] > 0) {
                PENDING.get().add(initialized); // a constraint is being judged over it: filtered afterwards
                return;
            }
            try {
                filterAndRemember(initialized);
            } finally {
                filterPending();
            }
        }

        /** Takes out the invisible elements, and remembers an owning collection that lost some. */
        static void filterAndRemember(Pending pending) {
            if (filter(pending.session(), pending.collection()) && pending.owning()) {
                FILTERED.add(pending.collection());
            }
        }

        /** Takes out the invisible elements; whether there were any. */
        private static boolean filter(EventSource session, PersistentCollection<?> collection) {
            Map<Object, Boolean> invisible = new IdentityHashMap<>();
            Collection<Object> values;
            if (collection instanceof Collection c) {
                values = c;
            } else if (collection instanceof Map m) {
                values = m.values();
            } else {
                return false;
            }
            for (Object element : new ArrayList<>(values)) {
                EntityRules rules = element == null ? null : Judge.rulesOf(element);
                if (rules != null && !judge(session, rules, element)) {
                    invisible.put(element, Boolean.TRUE);
                }
            }
            if (invisible.isEmpty()) {
                return false;
            }
            boolean wasDirty = collection.isDirty();
            values.removeIf(invisible::containsKey);
            Object snapshot = collection.getStoredSnapshot();
            if (snapshot instanceof Collection s) {
                s.removeIf(invisible::containsKey);
            } else if (snapshot instanceof Map s) {
                s.values().removeIf(invisible::containsKey);
            }
            if (!wasDirty) {
                collection.clearDirty();
            }
            return true;
        }
    }
}
