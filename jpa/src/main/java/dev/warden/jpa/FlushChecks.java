package dev.warden.jpa;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The checks on what Hibernate flushes, on the entity state about to be written; a denial is an
 * {@link AccessDeniedException} naming the entity, the member and the operation, and the transaction rolls back.
 * <ul>
 *   <li><b>insert</b>: the one create check of the runtime ({@link EntityRules#checkCreate}): the create right, the
 *       owner filled in with the user's id, every member the new object sets writable, every associated object
 *       visible, then the write check on the new object. The identifier is Hibernate's (generated or assigned by
 *       the application), not a member the user writes. What the check fills in (owner, created and changed date,
 *       changedBy, presets) is what Hibernate inserts.</li>
 *   <li><b>update</b>: the right to write each <em>dirty</em> member, judged on the object as it was loaded, every
 *       newly associated object visible, then the write check: the user may still write those members of the
 *       object as it will be stored. The {@code @Version} attribute is Hibernate's. Then Warden fills in changedBy
 *       and the changed date, as on its own path.</li>
 *   <li><b>delete</b>: the delete right on the object as it was loaded, judged when it is removed
 *       ({@link RemoveCheck}), while its collections can still be loaded; at the flush, what was not judged then.</li>
 *   <li><b>owning collections</b> (join table or join column) that the safety net filtered cannot be changed.</li>
 * </ul>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class FlushChecks implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener,
        PreCollectionUpdateEventListener {
    static final FlushChecks INSTANCE = new FlushChecks();

    private FlushChecks() {}

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        Object entity = event.getEntity();
        EntityRules rules = Judge.rulesOf(entity);
        if (rules == null) {
            return false;
        }
        SecurityContext ctx = Judge.context(rules, Operation.CREATE);
        EntityPersister persister = event.getPersister();
        // The identifier is Hibernate's, not a member the user sets; the write check sees it as it is stored.
        SafetyNet.judging(() -> rules.checkCreate(ctx, entity, persister.getIdentifierPropertyName()));
        // What the check filled in (the owner, the created and changed dates, changedBy, presets) goes into the state
        // Hibernate is about to insert.
        for (int member = 0; member < rules.members().size(); member++) {
            if (rules.systemMember(member).isPresent()) {
                toState(rules, persister, entity, member, event.getState());
            }
        }
        return false;
    }

    /** Copies a member Warden filled in on the object into the state Hibernate writes. */
    private static void toState(EntityRules rules, EntityPersister persister, Object entity, int member,
            Object[] state) {
        int index = propertyIndex(persister, rules.memberName(member));
        if (index >= 0) {
            state[index] = rules.get(entity, (Enum) rules.members().get(member));
        }
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        Object entity = event.getEntity();
        EntityRules rules = Judge.rulesOf(entity);
        if (rules == null) {
            return false;
        }
        SecurityContext ctx = Judge.context(rules, Operation.WRITE);
        if (ctx.enforcesDataAccess()) {
            // collections the checks initialize are judged over all their objects, then filtered
            SafetyNet.judging(() -> {
                checkUpdate(event, rules, ctx);
                return null;
            });
        }
        // Then the members Warden fills in on every change (changedBy, the changed date), on the object and in the
        // state Hibernate is about to write.
        rules.fillOnUpdate(ctx, entity);
        for (int member : rules.updateStamped()) {
            toState(rules, event.getPersister(), entity, member, event.getState());
        }
        return false;
    }

    /** The update checks: the right to write each dirty member, then the write check on the new state. */
    private static void checkUpdate(PreUpdateEvent event, EntityRules rules, SecurityContext ctx) {
        Object entity = event.getEntity();
        EntityPersister persister = event.getPersister();
        SharedSessionContractImplementor session = event.getSession();
        Object[] oldState = event.getOldState();
        if (oldState == null) {
            oldState = session.getPersistenceContextInternal().getDatabaseSnapshot(event.getId(), persister);
        }
        if (oldState == null) {
            throw new AccessDeniedException(rules.entityName(), null, Operation.WRITE,
                    "the object as stored could not be read to check the rights on it");
        }
        int[] dirty = persister.findDirty(event.getState(), oldState, entity, session);
        if (dirty == null || dirty.length == 0) {
            return;
        }
        Object before = persister.instantiate(event.getId(), session);
        persister.setValues(before, oldState);
        String[] names = persister.getPropertyNames();
        int version = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
        int[] members = new int[dirty.length];
        int count = 0;
        for (int property : dirty) {
            if (property == version) {
                continue;
            }
            int member = rules.memberIndex(names[property]);
            if (member < 0) {
                throw new AccessDeniedException(rules.entityName(), names[property], Operation.WRITE,
                        "Hibernate writes this attribute, but it is no member of the secured entity, so no rule can "
                                + "grant writing it");
            }
            if (!rules.canWrite(ctx, before, member)) {
                throw rules.denial(ctx, before, Operation.WRITE, member);
            }
            rules.checkAssociatedVisible(ctx, rules.member(member), event.getState()[property]);
            members[count++] = member;
        }
        for (int i = 0; i < count; i++) {
            if (!rules.canWrite(ctx, entity, members[i])) {
                throw new AccessDeniedException(rules.entityName(), rules.memberName(members[i]), Operation.WRITE,
                        "the change would take the object out of what you may change (write check)");
            }
        }
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        Object entity = event.getEntity();
        EntityRules rules = Judge.rulesOf(entity);
        if (rules == null) {
            return false;
        }
        SecurityContext ctx = Judge.context(rules, Operation.DELETE);
        Object judged = entity;
        if (ctx.enforcesDataAccess() && event.getDeletedState() != null) {
            judged = event.getPersister().instantiate(event.getId(), event.getSession());
            event.getPersister().setValues(judged, event.getDeletedState());
        }
        if (REMOVE_JUDGED.get(entity) == ctx) {
            return false; // judged when it was removed (RemoveCheck)
        }
        Object deleted = judged;
        SafetyNet.judging(() -> {
            rules.checkDelete(ctx, deleted);
            return null;
        });
        return false;
    }

    /** The context each object was judged for when it was removed: the flush does not judge it again. */
    private static final WeakIdentitySet.Map<SecurityContext> REMOVE_JUDGED = new WeakIdentitySet.Map<>();

    /**
     * The delete check when the application removes an object ({@code remove}, a cascade, an orphan removal), before
     * Hibernate's own listener, while its collections can still be loaded: on the object as it was loaded, with what
     * its session has loaded, and on a copy read apart where it needs an association that is not loaded (the object is
     * as it is stored then), so that no object it loads, such as the elements of a collection that still refer to the
     * removed object, enters the user's session. At the flush Hibernate has already removed its collections' rows and
     * no longer loads them.
     */
    static final class RemoveCheck implements DeleteEventListener {
        static final RemoveCheck INSTANCE = new RemoveCheck();

        private RemoveCheck() {}

        @Override
        public void onDelete(DeleteEvent event) {
            check(event);
        }

        @Override
        public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
            check(event);
        }

        private static void check(DeleteEvent event) {
            EventSource session = event.getSession();
            if (event.getObject() == null || SafetyNet.isApart(session)) {
                return;
            }
            Object entity = session.getPersistenceContextInternal().unproxyAndReassociate(event.getObject());
            EntityRules rules = Judge.rulesOf(entity);
            EntityEntry entry = rules == null ? null : session.getPersistenceContextInternal().getEntry(entity);
            if (entry == null || entry.getStatus() != Status.MANAGED) {
                return; // not managed: Hibernate's listener refuses or ignores it; a delete still goes to the flush check
            }
            SecurityContext ctx = Judge.context(rules, Operation.DELETE);
            if (ctx.enforcesDataAccess()) {
                Object loaded = entity;
                if (entry.getLoadedState() != null) {
                    loaded = entry.getPersister().instantiate(entry.getId(), session);
                    entry.getPersister().setValues(loaded, entry.getLoadedState());
                }
                Object judged = loaded;
                SafetyNet.judgeUnloading(session, rules, entity, judged, object -> {
                    rules.checkDelete(ctx, object);
                    return null;
                });
            }
            REMOVE_JUDGED.put(entity, ctx);
        }
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        EntityRules rules = owner == null ? null : Judge.rulesOf(owner);
        if (rules == null || !SafetyNet.wasFiltered(event.getCollection())) {
            return;
        }
        SecurityContext ctx = Judge.context(rules, Operation.WRITE);
        if (!ctx.enforcesDataAccess()) {
            return;
        }
        String role = event.getCollection().getRole();
        String member = role == null ? null : role.substring(role.lastIndexOf('.') + 1);
        throw new AccessDeniedException(rules.entityName(), member, Operation.WRITE,
                "the collection holds objects you cannot see, which Warden took out of it; changing it would change "
                        + "the links to them");
    }

    private static int propertyIndex(EntityPersister persister, String name) {
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
