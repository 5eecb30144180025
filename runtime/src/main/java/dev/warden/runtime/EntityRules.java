package dev.warden.runtime;

import static dev.warden.runtime.internal.Checks.requireName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The access rules of one entity and the engine that applies them (security model, section 2). Each generated
 * {@code XxxPolicy} holds one instance; it supplies the tables and the constraints, this class the semantics.
 *
 * <p>For a context that {@linkplain SecurityContext#enforcesDataAccess() enforces data access}, with module
 * roles {@code roles} in the entity's module:
 * <ul>
 *   <li>a grant <em>applies</em> when it is for one of {@code roles}; a rule applies when one of its grants
 *       does;</li>
 *   <li>a rule is <em>active</em> for an object when it applies and it has no constraint, or all tokens the
 *       constraint uses have a value and the constraint holds. A constraint that throws does not hold;</li>
 *   <li>the object is visible when some rule is active for it; a member is readable (writable) when an applying
 *       grant of an active rule makes it readable (writable); the object may be deleted when an applying grant
 *       of an active rule allows delete;</li>
 *   <li>objects may be created when some applying grant allows create, whatever the constraints; the new object
 *       must then pass {@link #isCreateAllowed}: a rule whose applying grant allows create is active for it.</li>
 * </ul>
 * A context that does not enforce data access (the system, levels {@code OFF} and {@code PROTOTYPE}) may do
 * everything; a context that denies holds no role and may do nothing.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityRules<T> {
    private final String entityName;
    private final ModuleDescriptor module;
    private final List<String> memberNames;
    private final Map<String, Integer> memberIndices = new HashMap<>();
    private final List<Rule<T>> rules;
    /** The roles that may create, under any rule. */
    private final long createRoles;
    private final Rights allRights;
    private final Rights noRights = new Rights(false, false, MemberSet.none(), MemberSet.none());

    private EntityRules(Builder<T> builder) {
        this.entityName = builder.entityName;
        this.module = builder.module;
        this.memberNames = builder.memberNames;
        for (int i = 0; i < memberNames.size(); i++) {
            memberIndices.put(memberNames.get(i), i);
        }
        this.rules = List.copyOf(builder.rules);
        long create = 0L;
        for (Rule<T> rule : rules) {
            for (Grant grant : rule.grants) {
                if (grant.create) {
                    create |= grant.roleMask;
                }
            }
        }
        this.createRoles = create;
        MemberSet all = MemberSet.all(memberNames.size());
        this.allRights = new Rights(true, true, all, all);
    }

    /**
     * Starts the rules of an entity.
     *
     * @param entityName the entity's name, used in messages: {@code "Order"}
     * @param module the module the entity belongs to; the rules' roles are roles of this module
     * @param memberNames the entity's members, in the order of their indices
     * @param <T> the entity type
     * @return a builder
     */
    public static <T> Builder<T> builder(String entityName, ModuleDescriptor module, String... memberNames) {
        return new Builder<>(entityName, module, memberNames);
    }

    // --------------------------------------------------------------------------------------------- metadata

    /** The entity's name. */
    public String entityName() {
        return entityName;
    }

    /** The entity's module. */
    public ModuleDescriptor module() {
        return module;
    }

    /** The number of members. */
    public int memberCount() {
        return memberNames.size();
    }

    /**
     * A member's name.
     *
     * @param member the member's index
     * @return its name
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public String memberName(int member) {
        return memberNames.get(member);
    }

    /**
     * A member's index.
     *
     * @param name the member's name
     * @return its index, or -1 when there is no such member
     */
    public int memberIndex(String name) {
        return memberIndices.getOrDefault(name, -1);
    }

    // ------------------------------------------------------------------------------------------ rule metadata

    /**
     * The number of rules. Rules are numbered from 1 in the order they were declared; the other rule accessors
     * take such a number. For code that carries the rules elsewhere, such as the SQL query filters.
     *
     * @return the number of rules, 0 or more
     */
    public int ruleCount() {
        return rules.size();
    }

    /**
     * A rule's description, as explanations show it.
     *
     * @param ruleNumber the rule's number, from 1
     * @return its description
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public String ruleDescription(int ruleNumber) {
        return rule(ruleNumber).description;
    }

    /**
     * Whether a rule has a constraint, so that it holds only for some objects.
     *
     * @param ruleNumber the rule's number, from 1
     * @return true when it has a constraint
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public boolean ruleHasConstraint(int ruleNumber) {
        return rule(ruleNumber).constraint != null;
    }

    /**
     * The custom tokens a rule's constraint uses; without a value for each of them the rule is not active.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the token names, empty for a rule without constraint
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public List<String> ruleTokens(int ruleNumber) {
        return List.of(rule(ruleNumber).tokens);
    }

    /**
     * The roles a rule applies to: the union of the roles of its grants.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the roles, as bits of the entity's module
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public long ruleRoles(int ruleNumber) {
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
    public boolean ruleGives(int ruleNumber, long roles, Operation operation, int member) {
        Rule<T> rule = rule(ruleNumber);
        if (operation == Operation.READ || operation == Operation.WRITE) {
            Objects.checkIndex(member, memberCount());
        }
        return rule.gives(roles, Objects.requireNonNull(operation, "operation"), member);
    }

    private Rule<T> rule(int ruleNumber) {
        return rules.get(Objects.checkIndex(ruleNumber - 1, rules.size()));
    }

    // ------------------------------------------------------------------------------------------------- checks

    /**
     * Whether the user may create objects of the entity. Constraints play no part; see {@link #isCreateAllowed}
     * for the check on the new object.
     *
     * @param ctx the security context
     * @return true when allowed
     */
    public boolean canCreate(SecurityContext ctx) {
        return !ctx.enforcesDataAccess() || (ctx.rolesIn(module) & createRoles) != 0;
    }

    /**
     * Whether the user may see an object.
     *
     * @param ctx the security context
     * @param object the object
     * @return true when some rule is active for it
     */
    public boolean isVisible(SecurityContext ctx, T object) {
        return isGranted(ctx, object, Operation.VIEW, -1);
    }

    /**
     * Whether the user may read a member of an object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @return true when allowed
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public boolean canRead(SecurityContext ctx, T object, int member) {
        return isGranted(ctx, object, Operation.READ, Objects.checkIndex(member, memberCount()));
    }

    /**
     * Whether the user may write a member of an object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @return true when allowed
     * @throws IndexOutOfBoundsException when there is no such member
     */
    public boolean canWrite(SecurityContext ctx, T object, int member) {
        return isGranted(ctx, object, Operation.WRITE, Objects.checkIndex(member, memberCount()));
    }

    /**
     * Whether the user may delete an object.
     *
     * @param ctx the security context
     * @param object the object
     * @return true when allowed
     */
    public boolean canDelete(SecurityContext ctx, T object) {
        return isGranted(ctx, object, Operation.DELETE, -1);
    }

    /**
     * The write check on a new object (security model, section 4): whether a rule whose applying grant allows
     * create is active for it, so that users cannot create objects outside what they may see.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored, with its values set
     * @return true when allowed
     */
    public boolean isCreateAllowed(SecurityContext ctx, T newObject) {
        return isGranted(ctx, newObject, Operation.CREATE, -1);
    }

    /**
     * The write check after an update (security model, section 4): whether an active rule still grants write
     * access to the member, so that users cannot move an object out of their reach. The same as
     * {@link #canWrite}, evaluated on the object with its new values.
     *
     * @param ctx the security context
     * @param object the updated object
     * @param member the index of the member written
     * @return true when allowed
     */
    public boolean isWriteAllowed(SecurityContext ctx, T object, int member) {
        return canWrite(ctx, object, member);
    }

    /**
     * Everything the user may do with an object, evaluating each rule's constraint at most once.
     *
     * @param ctx the security context
     * @param object the object
     * @return the rights; a shared instance when everything or nothing is allowed
     */
    public Rights rights(SecurityContext ctx, T object) {
        if (!ctx.enforcesDataAccess()) {
            return allRights;
        }
        long roles = ctx.rolesIn(module);
        boolean visible = false;
        boolean delete = false;
        MemberSet readable = MemberSet.none();
        MemberSet writable = MemberSet.none();
        for (Rule<T> rule : rules) {
            if ((rule.roleMask & roles) == 0 || rule.inactiveReason(ctx, object) != null) {
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
        if (!ctx.enforcesDataAccess()) {
            return true;
        }
        long roles = ctx.rolesIn(module);
        for (Rule<T> rule : rules) {
            if (rule.gives(roles, operation, member) && rule.inactiveReason(ctx, object) == null) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------- throwing checks

    /**
     * Throws unless the user may see the object.
     *
     * @param ctx the security context
     * @param object the object
     * @throws AccessDeniedException when the user may not
     */
    public void checkVisible(SecurityContext ctx, T object) {
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
    public void checkCreate(SecurityContext ctx) {
        if (!canCreate(ctx)) {
            throw denial(ctx, null, Operation.CREATE, -1);
        }
    }

    /**
     * Throws unless the new object passes the write check.
     *
     * @param ctx the security context
     * @param newObject the object about to be stored
     * @throws AccessDeniedException when it does not
     * @see #isCreateAllowed
     */
    public void checkCreateAllowed(SecurityContext ctx, T newObject) {
        if (!isCreateAllowed(ctx, newObject)) {
            throw denial(ctx, newObject, Operation.CREATE, -1);
        }
    }

    /**
     * Throws unless the user may read the member of the object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @throws AccessDeniedException when the user may not
     */
    public void checkRead(SecurityContext ctx, T object, int member) {
        if (!canRead(ctx, object, member)) {
            throw denial(ctx, object, Operation.READ, member);
        }
    }

    /**
     * Throws unless the user may write the member of the object.
     *
     * @param ctx the security context
     * @param object the object
     * @param member the member's index
     * @throws AccessDeniedException when the user may not
     */
    public void checkWrite(SecurityContext ctx, T object, int member) {
        if (!canWrite(ctx, object, member)) {
            throw denial(ctx, object, Operation.WRITE, member);
        }
    }

    /**
     * Throws unless the user may delete the object.
     *
     * @param ctx the security context
     * @param object the object
     * @throws AccessDeniedException when the user may not
     */
    public void checkDelete(SecurityContext ctx, T object) {
        if (!canDelete(ctx, object)) {
            throw denial(ctx, object, Operation.DELETE, -1);
        }
    }

    /**
     * The exception for an operation the rules deny, for callers that found out themselves, for example from
     * {@link Rights}. The reason is the context's {@linkplain SecurityContext#deniedReason() denied reason} when it
     * has one, else what the rules lack; it never contains a member's value.
     *
     * @param ctx the security context
     * @param object the object, or null for {@code CREATE} before there is one; for {@code CREATE} with an
     *     object, the reason is the write check when the user may create objects in general
     * @param operation the operation denied
     * @param member the member's index for {@code READ} and {@code WRITE}, else -1
     * @return the exception, to throw
     * @throws IndexOutOfBoundsException when {@code READ} or {@code WRITE} names no member
     */
    public AccessDeniedException denial(SecurityContext ctx, T object, Operation operation, int member) {
        String memberName = operation == Operation.READ || operation == Operation.WRITE
                ? memberName(member) : null;
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
                return object != null && canCreate(ctx) ? "no rule that grants create is active for the new object"
                        : "no rule grants create";
            default:
                throw new AssertionError(operation);
        }
    }

    // ------------------------------------------------------------------------------------------------ explain

    /**
     * Explains what the user may do with an object and which rules decide it.
     *
     * @param ctx the security context
     * @param object the object
     * @return the explanation
     */
    public Explanation explain(SecurityContext ctx, T object) {
        List<Explanation.MemberOutcome> members = new ArrayList<>();
        if (!ctx.enforcesDataAccess()) {
            for (int m = 0; m < memberCount(); m++) {
                members.add(new Explanation.MemberOutcome(m, memberName(m), true, true, List.of(), List.of()));
            }
            String because = ctx.isSystem() ? "the system context applies no access rules"
                    : "security level " + ctx.level() + " does not check data access";
            return new Explanation(entityName, ctx.toString(), because, null, "", List.of(), List.of(),
                    List.of(), members);
        }
        long roles = ctx.rolesIn(module);
        List<Explanation.RuleOutcome> outcomes = new ArrayList<>();
        List<Integer> createBy = new ArrayList<>();
        List<Integer> deleteBy = new ArrayList<>();
        List<List<Integer>> readBy = new ArrayList<>();
        List<List<Integer>> writeBy = new ArrayList<>();
        for (int m = 0; m < memberCount(); m++) {
            readBy.add(new ArrayList<>());
            writeBy.add(new ArrayList<>());
        }
        for (Rule<T> rule : rules) {
            long matched = rule.roleMask & roles;
            if (matched == 0) {
                outcomes.add(new Explanation.RuleOutcome(rule.number, rule.description, false, "", false,
                        "none of its roles [" + module.describe(rule.roleMask) + "] is held"));
                continue;
            }
            String inactiveReason = rule.inactiveReason(ctx, object);
            outcomes.add(new Explanation.RuleOutcome(rule.number, rule.description, true, module.describe(matched),
                    inactiveReason == null, inactiveReason));
            addIf(createBy, rule.number, rule.gives(roles, Operation.CREATE, -1));
            if (inactiveReason == null) {
                addIf(deleteBy, rule.number, rule.gives(roles, Operation.DELETE, -1));
                for (int m = 0; m < memberCount(); m++) {
                    addIf(readBy.get(m), rule.number, rule.gives(roles, Operation.READ, m));
                    addIf(writeBy.get(m), rule.number, rule.gives(roles, Operation.WRITE, m));
                }
            }
        }
        for (int m = 0; m < memberCount(); m++) {
            members.add(new Explanation.MemberOutcome(m, memberName(m), !readBy.get(m).isEmpty(),
                    !writeBy.get(m).isEmpty(), readBy.get(m), writeBy.get(m)));
        }
        return new Explanation(entityName, ctx.toString(), null, ctx.deniedReason().orElse(null),
                module.describe(roles), outcomes, createBy, deleteBy, members);
    }

    private static void addIf(List<Integer> ruleNumbers, int ruleNumber, boolean granted) {
        if (granted) {
            ruleNumbers.add(ruleNumber);
        }
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

    /** One access rule: its grants and the constraint that limits it to some objects. */
    private static final class Rule<T> {
        final int number;
        final String description;
        final Constraint<T> constraint;
        final String[] tokens;
        final List<Grant> grants;
        /** The roles of all grants: the rule applies to a user holding one of them. */
        final long roleMask;

        Rule(int number, String description, Constraint<T> constraint, String[] tokens, List<Grant> grants) {
            this.number = number;
            this.description = description;
            this.constraint = constraint;
            this.tokens = tokens;
            this.grants = List.copyOf(grants);
            long mask = 0L;
            for (Grant grant : grants) {
                mask |= grant.roleMask;
            }
            this.roleMask = mask;
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

        /**
         * Why this rule, assumed to apply, is not active for the object; null when it is. Evaluates the
         * constraint.
         */
        String inactiveReason(SecurityContext ctx, T object) {
            if (constraint == null) {
                return null;
            }
            for (String token : tokens) {
                if (!ctx.hasToken(token)) {
                    return "token '" + token + "' has no value";
                }
            }
            try {
                return constraint.test(ctx, object) ? null : "constraint is false";
            } catch (RuntimeException e) {
                return "constraint failed: " + e.getClass().getSimpleName();
            }
        }
    }

    /**
     * Collects the rules of an entity. A rule starts with {@link #rule} and gets one or more {@link #grant}s: a
     * rule whose roles have different member rights has one grant per group of roles. Not thread-safe.
     *
     * @param <T> the entity type
     */
    public static final class Builder<T> {
        private final String entityName;
        private final ModuleDescriptor module;
        private final List<String> memberNames;
        private final List<Rule<T>> rules = new ArrayList<>();
        private String description;
        private Constraint<T> constraint;
        private String[] tokens;
        private final List<Grant> grants = new ArrayList<>();

        private Builder(String entityName, ModuleDescriptor module, String[] memberNames) {
            this.entityName = requireName(entityName, "entity name");
            this.module = Objects.requireNonNull(module, "module");
            for (String member : memberNames) {
                requireName(member, "member name");
            }
            this.memberNames = List.of(memberNames);
            if (this.memberNames.stream().distinct().count() != memberNames.length) {
                throw new IllegalArgumentException(
                        "The members of " + entityName + " are not unique: " + this.memberNames);
            }
        }

        /**
         * Starts the next rule; rules are numbered from 1 in this order.
         *
         * @param description the rule as people should read it in explanations, for example its annotation
         * @param constraintOrNull the constraint, or null when the rule holds for every object
         * @param customTokensUsed the tokens the constraint uses; without a value for each of them the rule is
         *     not active. Only with a constraint
         * @return this builder
         * @throws IllegalStateException when the previous rule has no grant
         */
        public Builder<T> rule(String description, Constraint<T> constraintOrNull, String... customTokensUsed) {
            Objects.requireNonNull(description, "description");
            if (constraintOrNull == null && customTokensUsed.length > 0) {
                throw new IllegalArgumentException("Rule " + (rules.size() + 1) + " of " + entityName
                        + " names tokens " + Arrays.toString(customTokensUsed) + " but has no constraint");
            }
            finishRule();
            this.description = description;
            this.constraint = constraintOrNull;
            this.tokens = customTokensUsed.clone();
            for (String token : tokens) {
                Objects.requireNonNull(token, "token");
            }
            return this;
        }

        /**
         * Adds a grant to the current rule: what the rule gives some of its roles.
         *
         * @param roleMask the roles, as bits of the entity's module
         * @param create whether they may create objects
         * @param delete whether they may delete the objects the rule is active for
         * @param readable the members they may read
         * @param writable the members they may write; these are readable too
         * @return this builder
         * @throws IllegalStateException when no rule was started
         * @throws IllegalArgumentException when the mask has no role or a bit the module has no role for, or a
         *     member index is beyond the entity's members
         */
        public Builder<T> grant(long roleMask, boolean create, boolean delete, MemberSet readable,
                MemberSet writable) {
            if (description == null) {
                throw new IllegalStateException("Call rule(...) before grant(...)");
            }
            long moduleRoles = module.roles().size() == Long.SIZE ? -1L : (1L << module.roles().size()) - 1;
            if (roleMask == 0 || (roleMask & ~moduleRoles) != 0) {
                throw new IllegalArgumentException("Rule " + (rules.size() + 1) + " of " + entityName
                        + " grants to role mask " + Long.toBinaryString(roleMask) + ", which is not a non-empty set "
                        + "of roles of module " + module.name() + " " + module.roles());
            }
            if (readable.bound() > memberNames.size() || writable.bound() > memberNames.size()) {
                throw new IllegalArgumentException("Rule " + (rules.size() + 1) + " of " + entityName
                        + " grants access to member indices beyond its " + memberNames.size() + " members");
            }
            grants.add(new Grant(roleMask, create, delete, readable, writable));
            return this;
        }

        /**
         * Builds the rules.
         *
         * @return the rules
         * @throws IllegalStateException when the last rule has no grant
         */
        public EntityRules<T> build() {
            finishRule();
            return new EntityRules<>(this);
        }

        private void finishRule() {
            if (description == null) {
                return;
            }
            if (grants.isEmpty()) {
                throw new IllegalStateException(
                        "Rule " + (rules.size() + 1) + " (" + description + ") of " + entityName + " has no grant");
            }
            rules.add(new Rule<>(rules.size() + 1, description, constraint, tokens, grants));
            description = null;
            constraint = null;
            tokens = null;
            grants.clear();
        }
    }
}
