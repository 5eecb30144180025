package dev.warden.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rules written by hand the way the processor generates them, for the runtime's own tests: the rule table is
 * declared through a builder, the constraints and the member accessors are lambdas.
 *
 * @param <T> the entity type
 * @param <M> its member enum
 */
public final class TestRules<T, M extends Enum<M> & EntityMember> extends EntityRules<T, M> {

    /** A rule's constraint. */
    @FunctionalInterface
    public interface Constraint<T> {
        boolean test(SecurityContext ctx, T object);
    }

    /** Reads a member. */
    @FunctionalInterface
    public interface Getter<T, M> {
        Object get(T object, M member);
    }

    /** Writes a member. */
    @FunctionalInterface
    public interface Setter<T, M> {
        void set(T object, M member, Object value);
    }

    private final List<Constraint<T>> constraints = new ArrayList<>();
    private final Getter<T, M> getter;
    private final Setter<T, M> setter;

    private TestRules(Builder<T, M> builder) {
        super(builder.type, builder.members, builder.module);
        builder.associations.forEach(this::association);
        if (builder.owner != null) {
            owner(builder.owner);
        }
        for (M member : builder.readOnly) {
            readOnly(member);
        }
        for (M member : builder.calculated) {
            calculated(member);
        }
        for (RuleSpec<T> spec : builder.rules) {
            constraints.add(spec.constraint);
            RuleDeclaration rule = rule(spec.description, spec.constraint != null, spec.tokens);
            for (long[] grant : spec.grants) {
                rule.grant(grant[0], grant[1] != 0, grant[2] != 0, spec.sets.get((int) grant[3]),
                        spec.sets.get((int) grant[4]));
            }
        }
        this.getter = builder.getter;
        this.setter = builder.setter;
        register();
    }

    /**
     * Starts rules.
     *
     * @param type the entity's class
     * @param members its member enum
     * @param module its module
     * @return a builder
     */
    public static <T, M extends Enum<M> & EntityMember> Builder<T, M> builder(Class<T> type, Class<M> members,
            ModuleDescriptor module) {
        return new Builder<>(type, members, module);
    }

    @Override
    protected boolean holds(int rule, SecurityContext context, T object) {
        return constraints.get(rule - 1).test(context, object);
    }

    @Override
    public Object get(T object, M member) {
        if (getter == null) {
            throw new UnsupportedOperationException("no getter for " + member);
        }
        return getter.get(object, member);
    }

    @Override
    public void set(T object, M member, Object value) {
        if (setter == null) {
            throw cannotWrite(member);
        }
        setter.set(object, member, value);
    }

    private static final class RuleSpec<T> {
        final String description;
        final Constraint<T> constraint;
        final String[] tokens;
        final List<long[]> grants = new ArrayList<>();
        final List<MemberSet> sets = new ArrayList<>();

        RuleSpec(String description, Constraint<T> constraint, String[] tokens) {
            this.description = description;
            this.constraint = constraint;
            this.tokens = tokens;
        }
    }

    /** Collects the rules. */
    public static final class Builder<T, M extends Enum<M> & EntityMember> {
        private final Class<T> type;
        private final Class<M> members;
        private final ModuleDescriptor module;
        private final List<RuleSpec<T>> rules = new ArrayList<>();
        private final Map<M, Class<?>> associations = new LinkedHashMap<>();
        private final List<M> readOnly = new ArrayList<>();
        private final List<M> calculated = new ArrayList<>();
        private M owner;
        private Getter<T, M> getter;
        private Setter<T, M> setter;

        private Builder(Class<T> type, Class<M> members, ModuleDescriptor module) {
            this.type = type;
            this.members = members;
            this.module = module;
        }

        public Builder<T, M> rule(String description, Constraint<T> constraintOrNull, String... tokens) {
            rules.add(new RuleSpec<>(description, constraintOrNull, tokens));
            return this;
        }

        public Builder<T, M> grant(long roleMask, boolean create, boolean delete, MemberSet readable,
                MemberSet writable) {
            RuleSpec<T> rule = rules.get(rules.size() - 1);
            rule.sets.add(readable);
            rule.sets.add(writable);
            rule.grants.add(new long[] {roleMask, create ? 1 : 0, delete ? 1 : 0, rule.sets.size() - 2,
                    rule.sets.size() - 1});
            return this;
        }

        public Builder<T, M> association(M member, Class<?> target) {
            associations.put(member, target);
            return this;
        }

        public Builder<T, M> owner(M member) {
            owner = member;
            return this;
        }

        @SafeVarargs
        public final Builder<T, M> readOnly(M... members) {
            readOnly.addAll(List.of(members));
            return this;
        }

        @SafeVarargs
        public final Builder<T, M> calculated(M... members) {
            calculated.addAll(List.of(members));
            return this;
        }

        public Builder<T, M> getter(Getter<T, M> getter) {
            this.getter = Objects.requireNonNull(getter);
            return this;
        }

        public Builder<T, M> setter(Setter<T, M> setter) {
            this.setter = Objects.requireNonNull(setter);
            return this;
        }

        public TestRules<T, M> build() {
            return new TestRules<>(this);
        }
    }
}
