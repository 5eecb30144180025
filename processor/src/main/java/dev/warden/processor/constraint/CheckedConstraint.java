package dev.warden.processor.constraint;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A constraint that type-checked without problems, with what the checker resolved: the members every path
 * goes through and the meaning of every token. Only {@link ConstraintChecker} makes one; compilers (Java and
 * SQL) take it, so they never see an ill-typed constraint.
 */
public final class CheckedConstraint {
    private final Expr expression;
    private final EntityShape root;
    private final ConstraintEnvironment environment;
    private final Map<Path, List<MemberShape>> paths;
    private final Map<Operand.TokenRef, TokenMeaning> tokens;
    private final Set<String> rootMembers;
    private final Set<String> customTokens;

    CheckedConstraint(Expr expression, EntityShape root, ConstraintEnvironment environment,
            IdentityHashMap<Path, List<MemberShape>> paths, IdentityHashMap<Operand.TokenRef, TokenMeaning> tokens,
            Set<String> rootMembers, Set<String> customTokens) {
        this.expression = expression;
        this.root = root;
        this.environment = environment;
        this.paths = paths;
        this.tokens = tokens;
        this.rootMembers = Collections.unmodifiableSet(new LinkedHashSet<>(rootMembers));
        this.customTokens = Collections.unmodifiableSet(new LinkedHashSet<>(customTokens));
    }

    /** The constraint's tree. */
    public Expr expression() {
        return expression;
    }

    /** The entity the constraint is written on. */
    public EntityShape root() {
        return root;
    }

    /** The environment the constraint was checked in: the entities its associations lead to, tokens, user roles. */
    public ConstraintEnvironment environment() {
        return environment;
    }

    /**
     * The members {@code path} goes through, one per segment, from a member of the root to the member the path
     * denotes; except that an embedded member and its embeddable's attribute ({@code address/city}) are one member,
     * {@code address.city} ({@link MemberShape#embeddedIn()}). {@code path} must be a node of {@link #expression()}.
     */
    public List<MemberShape> members(Path path) {
        List<MemberShape> members = paths.get(path);
        if (members == null) {
            throw new IllegalArgumentException("not a path of this constraint: " + path);
        }
        return members;
    }

    /** Every path of the constraint, in no particular order: {@link #members} gives the members each goes through. */
    public Set<Path> paths() {
        return Collections.unmodifiableSet(paths.keySet());
    }

    /** What {@code token} stands for. {@code token} must be a node of {@link #expression()}. */
    public TokenMeaning token(Operand.TokenRef token) {
        TokenMeaning meaning = tokens.get(token);
        if (meaning == null) {
            throw new IllegalArgumentException("not a token of this constraint: " + token);
        }
        return meaning;
    }

    /**
     * The members of the root entity the constraint depends on (the first segment of every path), in order of
     * appearance. A role that may write one of them may widen its own access.
     */
    public Set<String> rootMembers() {
        return rootMembers;
    }

    /**
     * The warnings about the constraint: conditions that go through the same to-many association separately, which
     * different objects may satisfy ({@link SeparateToManyLint}).
     *
     * @param text the constraint's text, as parsed, for the hints
     */
    public List<ConstraintProblem> warnings(String text) {
        return SeparateToManyLint.warnings(this, text);
    }

    /** The custom tokens the constraint uses, in order of appearance; each needs a value at run time. */
    public Set<String> customTokens() {
        return customTokens;
    }

    /**
     * Whether the constraint uses {@code [%CurrentUser%]}, which has no value for a user without an id (an
     * anonymous user): like a custom token without a value, that makes the rule deny.
     */
    public boolean usesCurrentUser() {
        return tokens.values().stream().anyMatch(t -> t.kind() == TokenMeaning.Kind.CURRENT_USER);
    }
}
