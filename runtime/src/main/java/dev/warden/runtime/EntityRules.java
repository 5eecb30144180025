package dev.warden.runtime;

import static dev.warden.runtime.internal.Checks.requireName;

import dev.warden.runtime.internal.Associations;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.runtime.internal.LoadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access rules of one entity and the engine that applies them (security model, section 2). The processor
 * generates one subclass per secured entity, {@code OrderPolicy}, whose constructor declares the rules and the
 * members and whose methods hold what is specific to the entity: each constraint as plain Java
 * ({@link #holds}) and how to read and write each member ({@link #get}, {@link #set}). Everything that is the
 * same for every entity lives here.
 *
 * <p>For a context that {@linkplain SecurityContext#enforcesDataAccess() enforces data access}, with module
 * roles {@code roles} in the entity's module:
 * <ul>
 *   <li>a grant <em>applies</em> when it is for one of {@code roles}; a rule applies when one of its grants
 *       does;</li>
 *   <li>a rule is <em>active</em> for an object when it applies and it has no constraint, or all tokens the
 *       constraint uses have a value and the constraint holds. A constraint that throws is an error
 *       ({@link ConstraintFailedException}), never a silent "no";</li>
 *   <li>the object is visible when some rule is active for it; a member is readable (writable) when an applying
 *       grant of an active rule makes it readable (writable); the object may be deleted when an applying grant
 *       of an active rule allows delete;</li>
 *   <li>objects may be created when some applying grant allows create, whatever the constraints; the new object
 *       must then pass the create check ({@link #checkCreate}).</li>
 * </ul>
 * A context that does not enforce data access (the system, levels {@code OFF} and {@code PROTOTYPE}) may do
 * everything; a context that denies holds no role and may do nothing.
 *
 * <p><b>Generalization.</b> An object is judged by the rules of the most specific secured entity in its runtime
 * class's hierarchy: a {@code Secret extends Doc} handed to {@code DocPolicy} is judged by {@code SecretPolicy},
 * and a proxy subclass an ORM makes of {@code Order} by {@code OrderPolicy}. Members are matched by name, so the
 * answers are in this entity's members. The lookup is by the object's class, cached.
 *
 * <p>Instances are immutable once constructed and thread-safe.
 *
 * @param <T> the entity type
 * @param <M> the entity's member enum, {@code OrderPolicy.Member}
 */
public abstract class EntityRules<T, M extends Enum<M> & EntityMember> {
    private final Class<T> entityType;
    private final Class<M> memberType;
    private final ModuleDescriptor module;
    private final String entityName;
    private final M[] members;
    private final Map<String, M> membersByName = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    /** For each association member, the entity it leads to; null for attributes. */
    private final Class<?>[] associations;
    private final boolean[] filled;
    private final boolean[] readOnly;
    private final boolean[] calculated;
    private final boolean[] toMany;
    private M owner;
    /** For each member Warden fills in, how; null for the others. */
    private final SystemMembers.Kind[] systemKinds;
    /** For each {@code @Preset} member, its token; for each date member, its type; else null. */
    private final String[] presetTokens;
    private final Class<?>[] dateTypes;
    private SecuredObject.Factory<T, M, ? extends SecuredObject<T, M>> proxies;
    private java.util.function.Supplier<T> defaults;
    /** The roles that may create, under any rule. */
    private long createRoles;
    private Rights allRights;
    private Rights noRights;
    private volatile boolean complete;
    /** Member index maps to the rules of specializations, by specialization. */
    private final Map<EntityRules<?, ?>, int[]> specializationMembers = new ConcurrentHashMap<>();

    /**
     * Starts the rules of an entity; the generated subclass's constructor then declares the members' roles, the
     * rules and their grants, and ends with {@link #register()}.
     *
     * @param entityType the entity's class
     * @param memberType its member enum
     * @param module the module the entity belongs to; the rules' roles are roles of this module
     * @param proxies the generated proxy's constructor, so that associations to this entity can be shown through it
     */
    protected EntityRules(Class<T> entityType, Class<M> memberType, ModuleDescriptor module,
            SecuredObject.Factory<T, M, ? extends SecuredObject<T, M>> proxies) {
        this(entityType, memberType, module);
        proxies(proxies);
    }

    /**
     * Starts the rules of an entity with its generated proxy and its no-argument constructor (see {@link #defaults}).
     *
     * @param entityType the entity's class
     * @param memberType its member enum
     * @param module the module the entity belongs to
     * @param proxies the generated proxy's constructor
     * @param defaults the entity's no-argument constructor
     */
    protected EntityRules(Class<T> entityType, Class<M> memberType, ModuleDescriptor module,
            SecuredObject.Factory<T, M, ? extends SecuredObject<T, M>> proxies, java.util.function.Supplier<T> defaults) {
        this(entityType, memberType, module, proxies);
        defaults(defaults);
    }

    /**
     * Starts the rules of an entity without a generated proxy (rules written by hand, in tests).
     *
     * @param entityType the entity's class
     * @param memberType its member enum
     * @param module the module the entity belongs to
     */
    protected EntityRules(Class<T> entityType, Class<M> memberType, ModuleDescriptor module) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.memberType = Objects.requireNonNull(memberType, "memberType");
        this.module = Objects.requireNonNull(module, "module");
        this.entityName = GeneratedCode.entityName(entityType);
        this.members = memberType.getEnumConstants();
        for (M member : members) {
            if (membersByName.put(requireName(member.memberName(), "member name"), member) != null) {
                throw new IllegalArgumentException(
                        "The members of " + entityName + " are not unique: " + Arrays.toString(members));
            }
        }
        this.associations = new Class<?>[members.length];
        this.filled = new boolean[members.length];
        this.readOnly = new boolean[members.length];
        this.calculated = new boolean[members.length];
        this.toMany = new boolean[members.length];
        this.systemKinds = new SystemMembers.Kind[members.length];
        this.presetTokens = new String[members.length];
        this.dateTypes = new Class<?>[members.length];
    }

    // ------------------------------------------------------------------------------------------- declaration

    /**
     * Declares that a member is an association to another secured entity: values written to it must be visible
     * to the user, and readers see it through secured proxies.
     *
     * @param member the member
     * @param target the associated entity (the element entity for a to-many association)
     */
    protected final void association(M member, Class<?> target) {
        requireIncomplete();
        associations[member.ordinal()] = Objects.requireNonNull(target, "target");
    }

    /**
     * Declares that a member is a to-many association to another secured entity (its objects in a collection, an
     * array or a map), as {@link #association} does for a to-one.
     *
     * @param member the member
     * @param target the associated entity
     */
    protected final void associations(M member, Class<?> target) {
        association(member, target);
        toMany[member.ordinal()] = true;
    }

    /**
     * Declares members that cannot be written: calculated members, members without a setter, record components.
     *
     * @param readOnlyMembers the members
     */
    @SafeVarargs
    protected final void readOnly(M... readOnlyMembers) {
        requireIncomplete();
        for (M member : readOnlyMembers) {
            readOnly[member.ordinal()] = true;
        }
    }

    /**
     * Declares calculated members: read-only, and their values are never the caller's choice.
     *
     * @param calculatedMembers the members
     */
    @SafeVarargs
    protected final void calculated(M... calculatedMembers) {
        requireIncomplete();
        for (M member : calculatedMembers) {
            calculated[member.ordinal()] = true;
            readOnly[member.ordinal()] = true;
        }
    }

    /**
     * Declares the member that holds the creating user's id ({@code @Owner}): the create check fills it in.
     *
     * @param member the member
     */
    protected final void owner(M member) {
        requireIncomplete();
        owner = Objects.requireNonNull(member, "member");
        system(member, SystemMembers.Kind.OWNER);
    }

    /**
     * Declares the member that holds the row's version (JPA {@code @Version}): the data layer (WardenData, Hibernate)
     * sets and increments it, so what a new object holds in it does not count as set by the caller, and no rule gives
     * the right to write it.
     *
     * @param member the member
     */
    protected final void version(M member) {
        requireIncomplete();
        filled[Objects.requireNonNull(member, "member").ordinal()] = true;
    }

    /**
     * Declares the member that holds the id of the user who last changed the object ({@code @ChangedBy}): every
     * create and update fills it in.
     *
     * @param member the member
     */
    protected final void changedBy(M member) {
        system(member, SystemMembers.Kind.CHANGED_BY);
    }

    /**
     * Declares the member that holds the moment the object was created ({@code @CreatedDate}).
     *
     * @param member the member
     * @param type its type: {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime}
     */
    protected final void createdDate(M member, Class<?> type) {
        system(member, SystemMembers.Kind.CREATED_DATE);
        dateTypes[member.ordinal()] = SystemMembers.requireDateType(type);
    }

    /**
     * Declares the member that holds the moment the object was last changed ({@code @ChangedDate}).
     *
     * @param member the member
     * @param type its type: {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime}
     */
    protected final void changedDate(M member, Class<?> type) {
        system(member, SystemMembers.Kind.CHANGED_DATE);
        dateTypes[member.ordinal()] = SystemMembers.requireDateType(type);
    }

    /**
     * Declares a member filled from one of the user's tokens on create ({@code @Preset(token = ...)}).
     *
     * @param member the member
     * @param token the token's name, without {@code [% %]}
     */
    protected final void preset(M member, String token) {
        system(member, SystemMembers.Kind.PRESET);
        presetTokens[member.ordinal()] = requireName(token, "token");
    }

    private void system(M member, SystemMembers.Kind kind) {
        requireIncomplete();
        int index = Objects.requireNonNull(member, "member").ordinal();
        if (systemKinds[index] != null) {
            throw new IllegalArgumentException("Member '" + member.memberName() + "' of " + entityName
                    + " is filled in by Warden twice: as " + systemKinds[index] + " and as " + kind);
        }
        systemKinds[index] = kind;
        filled[index] = true;
    }

    /**
     * Declares how to make an object with the entity's own default values (its no-argument constructor): on a
     * new object, the members that still have their default value were not set by the caller, so the create check
     * does not ask for the right to write them.
     *
     * @param constructor the no-argument constructor
     */
    protected final void defaults(java.util.function.Supplier<T> constructor) {
        requireIncomplete();
        defaults = Objects.requireNonNull(constructor, "constructor");
    }

    /**
     * Declares the generated proxy, so that associations to this entity can be shown through it.
     *
     * @param factory the proxy's constructor
     */
    protected final void proxies(SecuredObject.Factory<T, M, ? extends SecuredObject<T, M>> factory) {
        requireIncomplete();
        proxies = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Declares the next rule; rules are numbered from 1 in this order.
     *
     * @param description the rule as people should read it in explanations, for example its annotation
     * @param constrained whether the rule has a constraint, which {@link #holds} evaluates
     * @param tokensUsed the tokens the constraint needs a value for; without one the rule is not active
     * @return the rule, to add its grants to
     */
    protected final RuleDeclaration rule(String description, boolean constrained, String... tokensUsed) {
        requireIncomplete();
        Objects.requireNonNull(description, "description");
        if (!constrained && tokensUsed.length > 0) {
            throw new IllegalArgumentException("Rule " + (rules.size() + 1) + " of " + entityName
                    + " names tokens " + Arrays.toString(tokensUsed) + " but has no constraint");
        }
        Rule rule = new Rule(rules.size() + 1, description, constrained, tokensUsed.clone());
        rules.add(rule);
        return new RuleDeclaration(rule);
    }

    /** A rule being declared. */
    public final class RuleDeclaration {
        private final Rule rule;

        private RuleDeclaration(Rule rule) {
            this.rule = rule;
        }

        /**
         * Declares the associations the rule's constraint follows: on an object whose associated objects were not
         * loaded (one read by the data access layer), the constraint cannot be evaluated in memory.
         *
         * @param associations the association members the constraint's paths start with
         * @return this rule
         */
        @SafeVarargs
        public final RuleDeclaration follows(M... associations) {
            requireIncomplete();
            for (M member : associations) {
                rule.follows.add(member.memberName());
            }
            return this;
        }

        /**
         * Adds a grant: what the rule gives some of its roles.
         *
         * @param roleMask the roles, as bits of the entity's module
         * @param create whether they may create objects
         * @param delete whether they may delete the objects the rule is active for
         * @param readable the members they may read
         * @param writable the members they may write; these are readable too
         * @return this rule, for its next grant
         * @throws IllegalArgumentException when the mask has no role or a bit the module has no role for
         */
        public RuleDeclaration grant(long roleMask, boolean create, boolean delete, MemberSet readable,
                MemberSet writable) {
            requireIncomplete();
            long moduleRoles = module.roles().size() == Long.SIZE ? -1L : (1L << module.roles().size()) - 1;
            if (roleMask == 0 || (roleMask & ~moduleRoles) != 0) {
                throw new IllegalArgumentException("Rule " + rule.number + " of " + entityName
                        + " grants to role mask " + Long.toBinaryString(roleMask) + ", which is not a non-empty set "
                        + "of roles of module " + module.name() + " " + module.roles());
            }
            if (readable.bound() > members.length || writable.bound() > members.length) {
                throw new IllegalArgumentException("Rule " + rule.number + " of " + entityName
                        + " grants access to member indices beyond its " + members.length + " members");
            }
            rule.add(new Grant(roleMask, create, delete, readable, writable));
            return this;
        }
    }

    /**
     * The set of these members.
     *
     * @param included the members
     * @return their set
     */
    @SafeVarargs
    protected final MemberSet members(M... included) {
        int[] indices = new int[included.length];
        for (int i = 0; i < included.length; i++) {
            indices[i] = included[i].ordinal();
        }
        return MemberSet.of(indices);
    }

    /** The set of all members. */
    protected final MemberSet allMembers() {
        return MemberSet.all(members.length);
    }

    /** The empty set of members. */
    protected static MemberSet noMembers() {
        return MemberSet.none();
    }

    /**
     * Ends the declaration and makes these rules the ones that judge objects of the entity type (and of its
     * subclasses that are not secured entities themselves).
     *
     * @throws IllegalStateException when a rule has no grant
     */
    protected final void register() {
        requireIncomplete();
        long create = 0L;
        for (Rule rule : rules) {
            if (rule.grants.isEmpty()) {
                throw new IllegalStateException(
                        "Rule " + rule.number + " (" + rule.description + ") of " + entityName + " has no grant");
            }
            for (Grant grant : rule.grants) {
                if (grant.create) {
                    create |= grant.roleMask;
                }
            }
        }
        createRoles = create;
        MemberSet all = MemberSet.all(members.length);
        allRights = new Rights(true, true, all, all);
        noRights = new Rights(false, false, MemberSet.none(), MemberSet.none());
        complete = true;
        GeneratedCode.register(entityType, this);
    }

    private void requireIncomplete() {
        if (complete) {
            throw new IllegalStateException("The rules of " + entityName + " are complete");
        }
    }

    // ------------------------------------------------------------------------------------- generated parts

    /**
     * Whether a rule's constraint holds for an object. Generated, for entities with constraints: each constraint
     * compiled to Java.
     *
     * @param rule the rule's number, from 1; only rules declared as constrained are asked
     * @param context the security context, for the tokens
     * @param object the object
     * @return whether it holds
     */
    protected boolean holds(int rule, SecurityContext context, T object) {
        throw new IllegalStateException("Rule " + rule + " of " + entityName + " has no constraint");
    }

    /**
     * A member's value. Generated: a call of the member's getter.
     *
     * @param object the object
     * @param member the member
     * @return its value, boxed; for an association the associated object or collection as the getter returns it
     */
    public abstract Object get(T object, M member);

    /**
     * Sets a member's value. Generated, for entities with setters: a call of the member's setter. This is how the
     * runtime writes members after its checks; it does not check anything itself.
     *
     * @param object the object
     * @param member the member
     * @param value the value, of the member's type
     * @throws UnsupportedOperationException for a member that cannot be written
     */
    public void set(T object, M member, Object value) {
        throw cannotWrite(member);
    }

    /**
     * A member's value, by the member's index.
     *
     * @param object the object
     * @param member the member's index
     * @return its value
     * @see #get(Object, Enum)
     */
    public final Object getValue(T object, int member) {
        return get(object, member(member));
    }

    /**
     * Sets a member's value, by the member's index, without any check.
     *
     * @param object the object
     * @param member the member's index
     * @param value the value
     * @see #set(Object, Enum, Object)
     */
    public final void setValue(T object, int member, Object value) {
        set(object, member(member), value);
    }

    /**
     * The exception for a member that has no setter, for the generated {@link #set}.
     *
     * @param member the member
     * @return the exception, to throw
     */
    protected final UnsupportedOperationException cannotWrite(M member) {
        return new UnsupportedOperationException(
                "Member '" + member.memberName() + "' of " + entityName + " cannot be written");
    }

    // --------------------------------------------------------------------------------------------- metadata

    /** The entity's class. */
    public final Class<T> entityType() {
        return entityType;
    }

    /** The entity's member enum. */
    public final Class<M> memberType() {
        return memberType;
    }

    /** The entity's name, used in messages: {@code "Order"}. */
    public final String entityName() {
        return entityName;
    }

    /** The entity's module. */
    public final ModuleDescriptor module() {
        return module;
    }

    /** The entity's members, in index order. */
    public final List<M> members() {
        return List.of(members);
    }

    /** The number of members. */
    public final int memberCount() {
        return members.length;
    }

    /**
     * A member by its index.
     *
     * @param index the member's index
     * @return the member
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public final M member(int index) {
        return members[Objects.checkIndex(index, members.length)];
    }

    /**
     * A member by its name.
     *
     * @param name the member's name, as written in rules
     * @return the member, or empty when the entity has none of that name
     */
    public final Optional<M> member(String name) {
        return Optional.ofNullable(membersByName.get(name));
    }

    /**
     * A member's index, by its name.
     *
     * @param name the member's name
     * @return its index, or -1 when the entity has no such member
     */
    public final int memberIndex(String name) {
        M member = membersByName.get(name);
        return member == null ? -1 : member.ordinal();
    }

    /**
     * A member's name.
     *
     * @param index the member's index
     * @return its name
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public final String memberName(int index) {
        return member(index).memberName();
    }

    /**
     * The entity an association member leads to.
     *
     * @param member the member
     * @return the associated entity, or empty for an attribute
     */
    public final Optional<Class<?>> associatedEntity(M member) {
        return associatedEntity(member.ordinal());
    }

    /**
     * The entity an association member leads to, by the member's index.
     *
     * @param member the member's index
     * @return the associated entity, or empty for an attribute
     */
    public final Optional<Class<?>> associatedEntity(int member) {
        return Optional.ofNullable(associations[Objects.checkIndex(member, members.length)]);
    }

    /**
     * Whether a member cannot be written at all (calculated, without a setter, a record component).
     *
     * @param member the member
     * @return true when it cannot
     */
    public final boolean isReadOnly(M member) {
        return readOnly[member.ordinal()];
    }

    /**
     * Whether a member cannot be written at all, by the member's index.
     *
     * @param member the member's index
     * @return true when it cannot
     */
    public final boolean isReadOnly(int member) {
        return readOnly[Objects.checkIndex(member, members.length)];
    }

    /** The member filled with the creating user's id ({@code @Owner}), if any. */
    public final Optional<M> ownerMember() {
        return Optional.ofNullable(owner);
    }

    /**
     * Whether Warden fills a member in (the owner, changedBy, the created and changed dates, the presets), so that
     * what the caller put there does not count.
     *
     * @param member the member
     * @return true for those members
     */
    public final boolean isFilledByWarden(M member) {
        return filled[member.ordinal()];
    }

    /**
     * How Warden fills a member in, by the member's index.
     *
     * @param member the member's index
     * @return the kind of system member or preset; empty for a member the caller writes
     */
    public final Optional<SystemMembers.Kind> systemMember(int member) {
        return Optional.ofNullable(systemKinds[Objects.checkIndex(member, members.length)]);
    }

    /**
     * The member of one kind of system member ({@code @ChangedBy}, ...), if the entity has one; for
     * {@link SystemMembers.Kind#PRESET} the first preset.
     *
     * @param kind the kind
     * @return the member
     */
    public final Optional<M> systemMember(SystemMembers.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        for (M member : members) {
            if (systemKinds[member.ordinal()] == kind) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /**
     * The token a {@code @Preset} member is filled from.
     *
     * @param member the member's index
     * @return the token's name; empty for a member that is not a preset
     */
    public final Optional<String> presetToken(int member) {
        return Optional.ofNullable(presetTokens[Objects.checkIndex(member, members.length)]);
    }

    /**
     * The value Warden gives a member it fills in, on every path that creates or changes objects (security model
     * §6): the user's id for the owner (on create) and changedBy; the context's clock for the created date (on
     * create) and the changed date; the user's token for a preset (on create). A signed-in or anonymous user always
     * gets these values, whatever the caller put there (an anonymous user's ids are empty); a context that does not
     * enforce data access (the system) keeps a value the caller set and fills in only the missing ones.
     *
     * @param ctx the security context
     * @param member the member's index
     * @param create whether the object is being created (else changed)
     * @param current the value the caller put there, or the stored one
     * @return the value to store: {@code current} for a member Warden does not fill in on this operation
     * @throws AccessDeniedException on create, for a preset whose token has no value for the user
     */
    public final Object filledValue(SecurityContext ctx, int member, boolean create, Object current) {
        Objects.requireNonNull(ctx, "ctx");
        SystemMembers.Kind kind = systemKinds[Objects.checkIndex(member, members.length)];
        return kind == null ? current : SystemMembers.value(this, kind, member, presetTokens[member],
                dateTypes[member], ctx, create, current);
    }

    /**
     * Fills in the members Warden fills on create (see {@link #filledValue}); the create check
     * ({@link #checkCreate}) does it first. A member that cannot be set (a record component) must already hold the
     * value. Subclass objects are filled by their own rules.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored
     * @throws AccessDeniedException for a preset whose token has no value, or a record component that holds another
     *     value than the one Warden would set
     */
    public final void fillOnCreate(SecurityContext ctx, T newObject) {
        Objects.requireNonNull(newObject, "newObject");
        EntityRules<T, ?> actual = actual(newObject);
        if (actual != this) {
            actual.fillOnCreate(ctx, newObject);
            return;
        }
        for (M member : members) {
            int index = member.ordinal();
            if (systemKinds[index] == null) {
                continue;
            }
            Object current = get(newObject, member);
            Object value = filledValue(ctx, index, true, current);
            if (!readOnly[index]) {
                set(newObject, member, value);
            } else if (!Objects.equals(current, value)) {
                throw new AccessDeniedException(entityName, member.memberName(), Operation.CREATE,
                        "'" + member.memberName() + "' cannot be set, so a new object must already hold what Warden "
                                + "fills in there (" + SystemMembers.describe(systemKinds[index]) + ")");
            }
        }
    }

    /**
     * Fills in the members Warden fills on every change: changedBy and the changed date (see {@link #filledValue}).
     * The secured proxy's setters do it after each change, the JPA listeners before an update is flushed; the data
     * access layer's {@code update} sets their columns.
     *
     * @param ctx the security context
     * @param object the object being changed
     */
    public final void fillOnUpdate(SecurityContext ctx, T object) {
        Objects.requireNonNull(object, "object");
        EntityRules<T, ?> actual = actual(object);
        if (actual != this) {
            actual.fillOnUpdate(ctx, object);
            return;
        }
        for (int index : updateStamped()) {
            M member = members[index];
            set(object, member, filledValue(ctx, index, false, get(object, member)));
        }
    }

    /**
     * The members Warden fills in on every change that it can set: changedBy and the changed date.
     *
     * @return their indices, in member order
     */
    public final int[] updateStamped() {
        int[] stamped = new int[members.length];
        int count = 0;
        for (int i = 0; i < members.length; i++) {
            if ((systemKinds[i] == SystemMembers.Kind.CHANGED_BY || systemKinds[i] == SystemMembers.Kind.CHANGED_DATE)
                    && !readOnly[i]) {
                stamped[count++] = i;
            }
        }
        return Arrays.copyOf(stamped, count);
    }

    // ------------------------------------------------------------------------------------------ rule metadata

    /**
     * The number of rules. Rules are numbered from 1 in the order they were declared; the other rule accessors
     * take such a number. For code that carries the rules elsewhere, such as the SQL query filters.
     *
     * @return the number of rules, 0 or more
     */
    public final int ruleCount() {
        return rules.size();
    }

    /**
     * A rule's description, as explanations show it.
     *
     * @param ruleNumber the rule's number, from 1
     * @return its description
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public final String ruleDescription(int ruleNumber) {
        return rule(ruleNumber).description;
    }

    /**
     * Whether a rule has a constraint, so that it holds only for some objects.
     *
     * @param ruleNumber the rule's number, from 1
     * @return true when it has a constraint
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public final boolean ruleHasConstraint(int ruleNumber) {
        return rule(ruleNumber).constrained;
    }

    /**
     * The tokens a rule's constraint needs a value for; without a value for each of them the rule is not active.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the token names, empty for a rule without constraint
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public final List<String> ruleTokens(int ruleNumber) {
        return List.of(rule(ruleNumber).tokens);
    }

    /**
     * Whether a context has a value for every token a rule's constraint needs; without, the rule is not active.
     *
     * @param ruleNumber the rule's number, from 1
     * @param ctx the security context
     * @return true when it has (and for a rule without constraint)
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public final boolean hasTokensOf(int ruleNumber, SecurityContext ctx) {
        return ctx.hasTokens(rule(ruleNumber).tokens);
    }

    /**
     * The roles a rule applies to: the union of the roles of its grants.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the roles, as bits of the entity's module
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public final long ruleRoles(int ruleNumber) {
        return rule(ruleNumber).roleMask;
    }

    /**
     * Whether a rule gives a right to some of the roles, leaving its constraint aside: whether one of its grants
     * for one of the roles gives it.
     *
     * @param ruleNumber the rule's number, from 1
     * @param roles roles, as bits of the entity's module, usually {@link SecurityContext#rolesIn}
     * @param operation {@code VIEW} (true when a grant applies), {@code READ}, {@code WRITE}, {@code DELETE} or
     *     {@code CREATE}
     * @param member the member's index for {@code READ} and {@code WRITE}; ignored otherwise
     * @return true when the rule gives the right, if it is active
     * @throws IndexOutOfBoundsException when there is no such rule, or {@code READ} or {@code WRITE} names no
     *     member
     */
    public final boolean ruleGives(int ruleNumber, long roles, Operation operation, int member) {
        Rule rule = rule(ruleNumber);
        if (operation == Operation.READ || operation == Operation.WRITE) {
            Objects.checkIndex(member, members.length);
        }
        return rule.gives(roles, Objects.requireNonNull(operation, "operation"), member);
    }

    private Rule rule(int ruleNumber) {
        return rules.get(Objects.checkIndex(ruleNumber - 1, rules.size()));
    }

    // ----------------------------------------------------------------------------------------- generalization

    /**
     * The rules that judge an object: those of the most specific secured entity in its class's hierarchy.
     *
     * @param object an object of the entity or of a subclass
     * @return these rules, or a specialization's
     */
    @SuppressWarnings("unchecked")
    public final EntityRules<? extends T, ?> rulesFor(T object) {
        Class<?> type = object.getClass();
        if (type == entityType) {
            return this;
        }
        EntityRules<?, ?> found = GeneratedCode.rulesOf(type);
        return found == null || found == this ? this : (EntityRules<? extends T, ?>) found;
    }

    /**
     * The rules of a secured entity, found by class: those of the most specific secured entity in the class's
     * hierarchy, as {@link #rulesFor} judges objects.
     *
     * @param type a class
     * @return the rules, or empty when neither the class nor a superclass is a secured entity
     */
    public static Optional<EntityRules<?, ?>> forClass(Class<?> type) {
        return Optional.ofNullable(GeneratedCode.rulesOf(Objects.requireNonNull(type, "type")));
    }

    /** For each of this entity's members, the index of the member of the same name in a specialization. */
    private int[] membersIn(EntityRules<?, ?> specialization) {
        return specializationMembers.computeIfAbsent(specialization, s -> {
            int[] map = new int[members.length];
            for (int i = 0; i < members.length; i++) {
                int index = s.memberIndex(members[i].memberName());
                if (index < 0) {
                    throw new IllegalStateException(s.entityName() + " extends " + entityName
                            + " but has no member '" + members[i].memberName() + "'");
                }
                map[i] = index;
            }
            return map;
        });
    }

    /**
     * {@link #rulesFor}, typed to take the object: the rules of a specialization are only ever asked about the
     * object whose class chose them.
     */
    @SuppressWarnings("unchecked")
    private EntityRules<T, ?> actual(T object) {
        return (EntityRules<T, ?>) rulesFor(object);
    }

    // ------------------------------------------------------------------------------------------------- checks

    /**
     * Whether the user may create objects of the entity. Constraints play no part; see {@link #checkCreate} for
     * the check on the new object.
     *
     * @param ctx the security context
     * @return true when allowed
     */
    public final boolean canCreate(SecurityContext ctx) {
        return !ctx.enforcesDataAccess() || (ctx.rolesIn(module) & createRoles) != 0;
    }

    /**
     * Whether the current user may create objects of the entity; false without a context.
     *
     * @return true when allowed
     */
    public final boolean canCreate() {
        return SecurityContext.currentIfPresent().map(this::canCreate).orElse(false);
    }

    /**
     * Whether the user may see an object.
     *
     * @param ctx the security context
     * @param object the object
     * @return true when some rule is active for it
     * @throws ConstraintFailedException when a constraint that decides it throws
     */
    public final boolean isVisible(SecurityContext ctx, T object) {
        return isGranted(ctx, object, Operation.VIEW, -1);
    }

    /**
     * Whether the current user may see an object; false without a context.
     *
     * @param object the object
     * @return true when some rule is active for it
     */
    public final boolean isVisible(T object) {
        return current().map(ctx -> isVisible(ctx, object)).orElse(false);
    }

    /**
     * Whether the user may read a member of an object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member
     * @return true when allowed
     */
    public final boolean canRead(SecurityContext ctx, T object, M member) {
        return canRead(ctx, object, member.ordinal());
    }

    /**
     * Whether the current user may read a member of an object; false without a context.
     *
     * @param object the object
     * @param member the member
     * @return true when allowed
     */
    public final boolean canRead(T object, M member) {
        return current().map(ctx -> canRead(ctx, object, member)).orElse(false);
    }

    /**
     * Whether the user may read a member of an object, by the member's index.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @return true when allowed
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public final boolean canRead(SecurityContext ctx, T object, int member) {
        return isGranted(ctx, object, Operation.READ, Objects.checkIndex(member, members.length));
    }

    /**
     * Whether the user may write a member of an object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member
     * @return true when allowed
     */
    public final boolean canWrite(SecurityContext ctx, T object, M member) {
        return canWrite(ctx, object, member.ordinal());
    }

    /**
     * Whether the current user may write a member of an object; false without a context.
     *
     * @param object the object
     * @param member the member
     * @return true when allowed
     */
    public final boolean canWrite(T object, M member) {
        return current().map(ctx -> canWrite(ctx, object, member)).orElse(false);
    }

    /**
     * Whether the user may write a member of an object, by the member's index.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @return true when allowed
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public final boolean canWrite(SecurityContext ctx, T object, int member) {
        return isGranted(ctx, object, Operation.WRITE, Objects.checkIndex(member, members.length));
    }

    /**
     * Whether the user may delete an object.
     *
     * @param ctx the security context
     * @param object the object
     * @return true when allowed
     */
    public final boolean canDelete(SecurityContext ctx, T object) {
        return isGranted(ctx, object, Operation.DELETE, -1);
    }

    /**
     * Whether the current user may delete an object; false without a context.
     *
     * @param object the object
     * @return true when allowed
     */
    public final boolean canDelete(T object) {
        return current().map(ctx -> canDelete(ctx, object)).orElse(false);
    }

    /**
     * The write check on a new object (security model, section 4): whether a rule whose applying grant allows
     * create is active for it, so that users cannot create objects outside what they may see. Part of
     * {@link #checkCreate}.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored, with its values set
     * @return true when allowed
     */
    public final boolean isCreateAllowed(SecurityContext ctx, T newObject) {
        return isGranted(ctx, newObject, Operation.CREATE, -1);
    }

    /**
     * Everything the user may do with an object, evaluating each rule's constraint at most once.
     *
     * @param ctx the security context
     * @param object the object
     * @return the rights, in this entity's members; a shared instance when everything or nothing is allowed
     * @throws ConstraintFailedException when a constraint throws
     */
    public final Rights rights(SecurityContext ctx, T object) {
        Objects.requireNonNull(object, "object");
        EntityRules<T, ?> actual = actual(object);
        if (actual != this) {
            return actual.rights(ctx, object).inMembersOf(membersIn(actual), members.length);
        }
        if (!ctx.enforcesDataAccess()) {
            return allRights;
        }
        long roles = ctx.rolesIn(module);
        boolean visible = false;
        boolean delete = false;
        MemberSet readable = MemberSet.none();
        MemberSet writable = MemberSet.none();
        for (Rule rule : rules) {
            if ((rule.roleMask & roles) == 0 || !isActive(rule, ctx, object)) {
                continue;
            }
            visible = true;
            for (Grant grant : rule.grants) {
                if ((grant.roleMask & roles) != 0) {
                    delete |= grant.delete;
                    readable = readable.union(grant.readable);
                    writable = writable.union(grant.writable);
                }
            }
        }
        return visible ? new Rights(true, delete, readable, writable) : noRights;
    }

    /**
     * The rights given by the rules that are active for an object, when something else found out which are: the data
     * access layer, which evaluates the constraints in SQL, on the rows as stored.
     *
     * @param ctx the security context
     * @param activeRules the numbers of the rules active for the object (rules that do not apply to the user are
     *     ignored)
     * @return the rights, in this entity's members
     */
    public final Rights rightsOfActiveRules(SecurityContext ctx, java.util.BitSet activeRules) {
        if (!ctx.enforcesDataAccess()) {
            return allRights;
        }
        long roles = ctx.rolesIn(module);
        boolean visible = false;
        boolean delete = false;
        MemberSet readable = MemberSet.none();
        MemberSet writable = MemberSet.none();
        for (Rule rule : rules) {
            if ((rule.roleMask & roles) == 0 || !activeRules.get(rule.number)) {
                continue;
            }
            visible = true;
            for (Grant grant : rule.grants) {
                if ((grant.roleMask & roles) != 0) {
                    delete |= grant.delete;
                    readable = readable.union(grant.readable);
                    writable = writable.union(grant.writable);
                }
            }
        }
        return visible ? new Rights(true, delete, readable, writable) : noRights;
    }

    /**
     * Whether some applying grant of a rule active for the object gives a right.
     *
     * @param operation {@code VIEW}, {@code READ}, {@code WRITE}, {@code DELETE}, or {@code CREATE} for the
     *     write check on a new object
     * @param member the member for {@code READ} and {@code WRITE}
     */
    private boolean isGranted(SecurityContext ctx, T object, Operation operation, int member) {
        Objects.requireNonNull(object, "object");
        EntityRules<T, ?> actual = actual(object);
        if (actual != this) {
            int inActual = member < 0 ? member : membersIn(actual)[member];
            return actual.isGranted(ctx, object, operation, inActual);
        }
        if (!ctx.enforcesDataAccess()) {
            return true;
        }
        long roles = ctx.rolesIn(module);
        for (Rule rule : rules) {
            if (rule.gives(roles, operation, member) && isActive(rule, ctx, object)) {
                return true;
            }
        }
        return false;
    }

    private boolean isActive(Rule rule, SecurityContext ctx, T object) {
        if (!rule.constrained) {
            return true;
        }
        if (!ctx.hasTokens(rule.tokens)) {
            return false;
        }
        String notLoaded = notLoaded(rule, object);
        if (notLoaded != null) {
            throw new ConstraintFailedException(entityName, rule.number, rule.description, notLoaded);
        }
        try {
            return holds(rule.number, ctx, object);
        } catch (RuntimeException e) {
            throw new ConstraintFailedException(entityName, rule.number, rule.description, e);
        }
    }

    /**
     * Why a constrained rule cannot be evaluated on an object the data access layer made, or null when it can: a
     * reference holds only its key, and a row's associations hold references or nothing.
     */
    private String notLoaded(Rule rule, T object) {
        LoadState.State state = LoadState.of(object);
        if (state == LoadState.State.REFERENCE) {
            return "the " + entityName + " is a reference that holds only its key (the data access layer read it as the "
                    + "value of an association); read the object itself to check it";
        }
        if (state == LoadState.State.ROW) {
            for (String name : rule.follows) {
                M member = membersByName.get(name);
                Object value = get(object, member);
                boolean missing = toMany[member.ordinal()] ? !Associations.isSet(value)
                        : LoadState.of(value) == LoadState.State.REFERENCE;
                if (missing) {
                    return "the constraint follows '" + name + "', but the objects it refers to were not loaded with "
                            + "this " + entityName + " (the data access layer reads rows, not the objects they refer "
                            + "to); load them, or use the rights the data access layer works out in SQL: "
                            + "WardenData.findSecured or listSecured";
                }
            }
        }
        return null;
    }

    private static Optional<SecurityContext> current() {
        return SecurityContext.currentIfPresent();
    }

    // ------------------------------------------------------------------------------------------- create check

    /**
     * The create check, the same on every path that creates objects (the secured proxy's {@code create}, the data
     * access layer's {@code insert}, the JPA listeners): the user must be allowed to create objects of the
     * entity; the members Warden fills in are filled ({@link #fillOnCreate}: the owner and changedBy with the user's
     * id, empty for an anonymous user, whatever the caller put there; the dates from the context's clock; the presets
     * from the user's tokens; the system keeps what the caller set); every other member the caller set (a non-null value, a
     * non-empty collection) must be writable by the user in the new object; every associated object must be
     * visible to the user; and a rule that allows create must be active for the new object (the write check).
     * Subclass objects are checked by their own rules.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored; its owner is set
     * @return the user's rights on the new object
     * @throws AccessDeniedException naming the operation and member the rules deny
     */
    public final Rights checkCreate(SecurityContext ctx, T newObject) {
        return checkCreate(ctx, newObject, null);
    }

    /**
     * {@link #checkCreate(SecurityContext, Object)} for a persistence layer that assigns the key itself (JPA's
     * identifier, generated or set by the application): the key member needs no write right, and the write check
     * sees the key as it will be stored.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored, with its key; its owner is set
     * @param keyMember the name of the key member, or null when there is none
     * @return the user's rights on the new object
     * @throws AccessDeniedException naming the operation and member the rules deny
     */
    public final Rights checkCreate(SecurityContext ctx, T newObject, String keyMember) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(newObject, "newObject");
        EntityRules<T, ?> actual = actual(newObject);
        if (actual != this) {
            return actual.checkCreate(ctx, newObject, keyMember).inMembersOf(membersIn(actual), members.length);
        }
        if (!canCreate(ctx)) {
            throw denial(ctx, null, Operation.CREATE, -1);
        }
        fillOnCreate(ctx, newObject);
        if (!ctx.enforcesDataAccess()) {
            return allRights;
        }
        MemberSet set = membersSetOn(newObject);
        for (M member : members) {
            if (!set.contains(member.ordinal()) || member.memberName().equals(keyMember)) {
                continue;
            }
            Object value = get(newObject, member);
            if (!canWrite(ctx, newObject, member.ordinal())) {
                throw new AccessDeniedException(entityName, member.memberName(), Operation.WRITE,
                        "the new object sets it, but no rule that is active for the new object gives user roles "
                                + ctx.userRoles() + " write access to it");
            }
            checkAssociatedVisible(ctx, member, value);
        }
        if (!isCreateAllowed(ctx, newObject)) {
            throw denial(ctx, newObject, Operation.CREATE, -1);
        }
        return rights(ctx, newObject);
    }

    /**
     * The members the caller set on a new object, for the create check: those with a value (not null, not an empty
     * collection, map, array or optional) that differs from the entity's own default (see {@link #defaults}), but
     * not the members Warden fills in ({@code @Owner}) nor calculated ones. Every path that
     * creates objects asks this, so that they agree on what needs the right to write.
     *
     * @param newObject the new object
     * @return the members
     */
    public final MemberSet membersSetOn(T newObject) {
        Objects.requireNonNull(newObject, "newObject");
        T template = defaults == null ? null : defaults.get();
        int[] set = new int[members.length];
        int count = 0;
        for (M member : members) {
            int index = member.ordinal();
            if (filled[index] || calculated[index]) {
                continue;
            }
            Object value = get(newObject, member);
            if (Associations.isSet(value) && (template == null || !Objects.deepEquals(value, get(template, member)))) {
                set[count++] = index;
            }
        }
        return MemberSet.of(Arrays.copyOf(set, count));
    }

    /**
     * Throws unless every object a value of an association member refers to is visible to the user (the same
     * answer, and the same message, whether it does not exist or is invisible).
     *
     * @param ctx the security context
     * @param member the member
     * @param value the value about to be written: an object, a collection, an array, a map or an optional
     * @throws AccessDeniedException when one is not visible
     */
    public final void checkAssociatedVisible(SecurityContext ctx, M member, Object value) {
        if (associations[member.ordinal()] == null || !ctx.enforcesDataAccess()) {
            return;
        }
        for (Object element : Associations.elements(value)) {
            if (element == null) {
                continue;
            }
            EntityRules<?, ?> target = GeneratedCode.rulesOf(element.getClass());
            if (target == null || !target.isVisibleObject(ctx, element)) {
                throw new AccessDeniedException(entityName, member.memberName(), Operation.WRITE,
                        "an object it would refer to is not visible to user roles " + ctx.userRoles());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private boolean isVisibleObject(SecurityContext ctx, Object object) {
        return isVisible(ctx, (T) object);
    }

    // ------------------------------------------------------------------------------------- throwing checks

    /**
     * The user's rights on an object they must be allowed to see.
     *
     * @param ctx the security context
     * @param object the object
     * @return the rights
     * @throws AccessDeniedException when the user may not see it
     */
    public final Rights rightsToSee(SecurityContext ctx, T object) {
        Objects.requireNonNull(ctx, "ctx");
        Rights rights = rights(ctx, object);
        if (!rights.visible()) {
            throw denial(ctx, object, Operation.VIEW, -1);
        }
        return rights;
    }

    /**
     * Throws unless the user may see the object.
     *
     * @param ctx the security context
     * @param object the object
     * @throws AccessDeniedException when the user may not
     */
    public final void checkVisible(SecurityContext ctx, T object) {
        if (!isVisible(ctx, object)) {
            throw denial(ctx, object, Operation.VIEW, -1);
        }
    }

    /**
     * Throws unless the user may create objects of the entity.
     *
     * @param ctx the security context
     * @throws AccessDeniedException when the user may not
     */
    public final void checkCreate(SecurityContext ctx) {
        if (!canCreate(ctx)) {
            throw denial(ctx, null, Operation.CREATE, -1);
        }
    }

    /**
     * Throws unless the user may read the member of the object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member
     * @throws AccessDeniedException when the user may not
     */
    public final void checkRead(SecurityContext ctx, T object, M member) {
        if (!canRead(ctx, object, member)) {
            throw denial(ctx, object, Operation.READ, member.ordinal());
        }
    }

    /**
     * Throws unless the user may write the member of the object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member
     * @throws AccessDeniedException when the user may not
     */
    public final void checkWrite(SecurityContext ctx, T object, M member) {
        if (!canWrite(ctx, object, member)) {
            throw denial(ctx, object, Operation.WRITE, member.ordinal());
        }
    }

    /**
     * Throws unless the user may delete the object.
     *
     * @param ctx the security context
     * @param object the object
     * @throws AccessDeniedException when the user may not
     */
    public final void checkDelete(SecurityContext ctx, T object) {
        if (!canDelete(ctx, object)) {
            throw denial(ctx, object, Operation.DELETE, -1);
        }
    }

    /**
     * The exception for an operation the rules deny, for callers that found out themselves, for example from
     * {@link Rights}. The reason is the context's {@linkplain SecurityContext#deniedReason() denied reason} when it
     * has one, else what the rules lack; it never contains a member's value. An object of a specialization is
     * explained by the specialization's rules.
     *
     * @param ctx the security context
     * @param object the object, or null for {@code CREATE} before there is one; for {@code CREATE} with an
     *     object, the reason is the write check when the user may create objects in general
     * @param operation the operation denied
     * @param member the member's index for {@code READ} and {@code WRITE}, else -1
     * @return the exception, to throw
     * @throws IndexOutOfBoundsException when {@code READ} or {@code WRITE} names no member
     */
    public final AccessDeniedException denial(SecurityContext ctx, T object, Operation operation, int member) {
        boolean ofMember = operation == Operation.READ || operation == Operation.WRITE;
        String memberName = ofMember ? memberName(member) : null;
        if (object != null) {
            EntityRules<T, ?> actual = actual(object);
            if (actual != this) {
                return actual.denial(ctx, object, operation, ofMember ? membersIn(actual)[member] : -1);
            }
        }
        String reason = ctx.deniedReason()
                .map(why -> "the security context denies all access: " + why)
                .orElseGet(() -> rulesLack(ctx, object, operation) + " for user roles " + ctx.userRoles()
                        + (ctx.rolesIn(module) == 0 ? ", which hold no role of module " + module.name() : ""));
        return new AccessDeniedException(entityName, memberName, operation, reason);
    }

    private String rulesLack(SecurityContext ctx, T object, Operation operation) {
        switch (operation) {
            case VIEW:
                return "no rule is active for this object";
            case READ:
                return "no active rule grants read access";
            case WRITE:
                return "no active rule grants write access";
            case DELETE:
                return "no active rule grants delete";
            case CREATE:
                return object != null && canCreate(ctx)
                        ? "the new object would be outside the objects your create rules apply to (write check): "
                                + "no rule that grants create is active for it"
                        : "no rule grants create";
            default:
                throw new AssertionError(operation);
        }
    }

    // ------------------------------------------------------------------------------------------------ explain

    /**
     * Explains what the user may do with an object and which rules decide it. An object of a specialization is
     * explained by the specialization's rules.
     *
     * @param ctx the security context
     * @param object the object
     * @return the explanation
     */
    public final Explanation explain(SecurityContext ctx, T object) {
        Objects.requireNonNull(object, "object");
        EntityRules<T, ?> actual = actual(object);
        if (actual != this) {
            return actual.explain(ctx, object);
        }
        List<Explanation.MemberOutcome> outcomes = new ArrayList<>();
        if (!ctx.enforcesDataAccess()) {
            for (M m : members) {
                outcomes.add(new Explanation.MemberOutcome(m.ordinal(), m.memberName(), true, true, List.of(),
                        List.of()));
            }
            String because = ctx.isSystem() ? "the system context applies no access rules"
                    : "security level " + ctx.level() + " does not check data access";
            return new Explanation(entityName, ctx.toString(), because, null, "", List.of(), List.of(),
                    List.of(), outcomes);
        }
        long roles = ctx.rolesIn(module);
        List<Explanation.RuleOutcome> ruleOutcomes = new ArrayList<>();
        List<Integer> createBy = new ArrayList<>();
        List<Integer> deleteBy = new ArrayList<>();
        List<List<Integer>> readBy = new ArrayList<>();
        List<List<Integer>> writeBy = new ArrayList<>();
        for (int m = 0; m < members.length; m++) {
            readBy.add(new ArrayList<>());
            writeBy.add(new ArrayList<>());
        }
        for (Rule rule : rules) {
            long matched = rule.roleMask & roles;
            if (matched == 0) {
                ruleOutcomes.add(new Explanation.RuleOutcome(rule.number, rule.description, false, "", false,
                        "none of its roles [" + module.describe(rule.roleMask) + "] is held"));
                continue;
            }
            String inactiveReason = inactiveReason(rule, ctx, object);
            ruleOutcomes.add(new Explanation.RuleOutcome(rule.number, rule.description, true,
                    module.describe(matched), inactiveReason == null, inactiveReason));
            addIf(createBy, rule.number, rule.gives(roles, Operation.CREATE, -1));
            if (inactiveReason == null) {
                addIf(deleteBy, rule.number, rule.gives(roles, Operation.DELETE, -1));
                for (int m = 0; m < members.length; m++) {
                    addIf(readBy.get(m), rule.number, rule.gives(roles, Operation.READ, m));
                    addIf(writeBy.get(m), rule.number, rule.gives(roles, Operation.WRITE, m));
                }
            }
        }
        for (M m : members) {
            int i = m.ordinal();
            outcomes.add(new Explanation.MemberOutcome(i, m.memberName(), !readBy.get(i).isEmpty(),
                    !writeBy.get(i).isEmpty(), readBy.get(i), writeBy.get(i)));
        }
        return new Explanation(entityName, ctx.toString(), null, ctx.deniedReason().orElse(null),
                module.describe(roles), ruleOutcomes, createBy, deleteBy, outcomes);
    }

    /**
     * {@link #explain(SecurityContext, Object)} for the current user.
     *
     * @param object the object
     * @return the explanation
     * @throws AccessDeniedException when there is no security context
     */
    public final Explanation explain(T object) {
        return explain(SecurityContext.current(), object);
    }

    /** Why a rule that applies is not active for the object, or null when it is; for explanations, never throws. */
    private String inactiveReason(Rule rule, SecurityContext ctx, T object) {
        if (!rule.constrained) {
            return null;
        }
        for (String token : rule.tokens) {
            if (!ctx.hasToken(token)) {
                return "token '" + token + "' has no value";
            }
        }
        String notLoaded = notLoaded(rule, object);
        if (notLoaded != null) {
            return "constraint cannot be evaluated: " + notLoaded + " (an error, not a denial)";
        }
        try {
            return holds(rule.number, ctx, object) ? null : "constraint is false";
        } catch (RuntimeException e) {
            return "constraint failed with " + e.getClass().getName() + " (an error, not a denial)";
        }
    }

    private static void addIf(List<Integer> ruleNumbers, int ruleNumber, boolean granted) {
        if (granted) {
            ruleNumbers.add(ruleNumber);
        }
    }

    // --------------------------------------------------------------------------------------------- proxies

    /**
     * Wraps an object in the generated proxy for the user, if they may see it.
     *
     * @param ctx the security context
     * @param object the object, or null
     * @param factory the proxy's constructor
     * @param <S> the proxy type
     * @return the proxy, or empty when the object is null or invisible
     */
    public final <S> Optional<S> ifVisible(SecurityContext ctx, T object, SecuredObject.Factory<T, M, S> factory) {
        Objects.requireNonNull(ctx, "ctx");
        if (object == null) {
            return Optional.empty();
        }
        Rights rights = rights(ctx, object);
        return rights.visible() ? Optional.of(factory.make(ctx, object, rights)) : Optional.empty();
    }

    /**
     * The objects the user may see, wrapped in the generated proxy, in iteration order.
     *
     * @param ctx the security context
     * @param objects the objects, or null
     * @param factory the proxy's constructor
     * @param <S> the proxy type
     * @return an unmodifiable list, empty for null; null elements and invisible objects are left out
     */
    public final <S> List<S> visibleOf(SecurityContext ctx, Iterable<? extends T> objects,
            SecuredObject.Factory<T, M, S> factory) {
        Objects.requireNonNull(ctx, "ctx");
        if (objects == null) {
            return List.of();
        }
        List<S> visible = objects instanceof Collection<?> c ? new ArrayList<>(c.size()) : new ArrayList<>();
        for (T object : objects) {
            ifVisible(ctx, object, factory).ifPresent(visible::add);
        }
        return Collections.unmodifiableList(visible);
    }

    /**
     * An object of this entity wrapped in its generated proxy as the user may see it, for code that handles any
     * entity (a JSON writer, an ORM integration).
     *
     * @param ctx the security context
     * @param object the object
     * @return the proxy, or empty when it is invisible
     * @throws IllegalStateException when no proxy was generated for the entity
     */
    public final Optional<SecuredObject<T, M>> secure(SecurityContext ctx, T object) {
        if (proxies == null) {
            throw new IllegalStateException("No secured proxy is declared for " + entityName);
        }
        return ifVisible(ctx, object, proxies).map(proxy -> (SecuredObject<T, M>) proxy);
    }

    /**
     * An object wrapped in its generated proxy with rights worked out elsewhere (by the data access layer, in SQL).
     *
     * @param ctx the security context
     * @param object the object
     * @param rights the user's rights on it; they must make it visible
     * @return the proxy
     * @throws IllegalStateException when no proxy was generated for the entity
     */
    public final SecuredObject<T, M> secure(SecurityContext ctx, T object, Rights rights) {
        if (proxies == null) {
            throw new IllegalStateException("No secured proxy is declared for " + entityName);
        }
        return proxies.make(ctx, object, rights);
    }

    @SuppressWarnings("unchecked")
    final Optional<SecuredObject<?, ?>> secureObject(SecurityContext ctx, Object object) {
        return secure(ctx, (T) object).map(proxy -> proxy);
    }

    @Override
    public String toString() {
        return "EntityRules[" + entityName + " in module " + module.name() + ", " + rules.size() + " rules]";
    }

    // ---------------------------------------------------------------------------------------------- structure

    /** What one rule gives the roles of one grant. */
    private static final class Grant {
        final long roleMask;
        final boolean create;
        final boolean delete;
        final MemberSet readable;
        final MemberSet writable;

        Grant(long roleMask, boolean create, boolean delete, MemberSet readable, MemberSet writable) {
            this.roleMask = roleMask;
            this.create = create;
            this.delete = delete;
            this.readable = readable.union(writable);
            this.writable = writable;
        }

        /** Whether this grant gives a right, ignoring roles and constraints. */
        boolean gives(Operation operation, int member) {
            switch (operation) {
                case VIEW:
                    return true;
                case READ:
                    return readable.contains(member);
                case WRITE:
                    return writable.contains(member);
                case DELETE:
                    return delete;
                case CREATE:
                    return create;
                default:
                    throw new AssertionError(operation);
            }
        }
    }

    /** One access rule: its grants and whether a constraint limits it to some objects. */
    private static final class Rule {
        final int number;
        final String description;
        final boolean constrained;
        final String[] tokens;
        final List<Grant> grants = new ArrayList<>();
        /** The names of the association members the constraint follows. */
        final List<String> follows = new ArrayList<>();
        /** The roles of all grants: the rule applies to a user holding one of them. */
        long roleMask;

        Rule(int number, String description, boolean constrained, String[] tokens) {
            this.number = number;
            this.description = description;
            this.constrained = constrained;
            this.tokens = tokens;
        }

        void add(Grant grant) {
            grants.add(grant);
            roleMask |= grant.roleMask;
        }

        /** Whether a grant of this rule for one of {@code roles} gives a right. */
        boolean gives(long roles, Operation operation, int member) {
            for (Grant grant : grants) {
                if ((grant.roleMask & roles) != 0 && grant.gives(operation, member)) {
                    return true;
                }
            }
            return false;
        }
    }
}
