package dev.warden.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why one user may or may not see, create, delete, read and write one object: for each access rule of the
 * entity, whether it applies to the user and whether it is active for the object, and for each right, the
 * rules that grant it. Made by {@link EntityRules#explain}; {@link #toString()} is meant for people.
 */
public final class Explanation {
    private final String entity;
    private final String context;
    private final String unrestrictedBecause;
    private final String deniedBecause;
    private final String heldModuleRoles;
    private final List<RuleOutcome> rules;
    private final List<Integer> createGrantedBy;
    private final List<Integer> deleteGrantedBy;
    private final List<MemberOutcome> members;

    Explanation(String entity, String context, String unrestrictedBecause, String deniedBecause,
            String heldModuleRoles, List<RuleOutcome> rules, List<Integer> createGrantedBy,
            List<Integer> deleteGrantedBy, List<MemberOutcome> members) {
        this.entity = entity;
        this.context = context;
        this.unrestrictedBecause = unrestrictedBecause;
        this.deniedBecause = deniedBecause;
        this.heldModuleRoles = heldModuleRoles;
        this.rules = List.copyOf(rules);
        this.createGrantedBy = List.copyOf(createGrantedBy);
        this.deleteGrantedBy = List.copyOf(deleteGrantedBy);
        this.members = List.copyOf(members);
    }

    /**
     * What one access rule does for the user and the object.
     *
     * @param number the rule's number, from 1 in declaration order
     * @param description the rule as the policy describes it
     * @param applies whether the user holds one of the rule's roles
     * @param matchedRoles the user's module roles that the rule is for, such as {@code "Sales.User"}; empty when
     *     the rule does not apply
     * @param active whether the rule applies and its constraint holds for the object
     * @param reason why the rule is not active, such as {@code "constraint is false"}; null when it is active
     */
    public record RuleOutcome(int number, String description, boolean applies, String matchedRoles,
            boolean active, String reason) {}

    /**
     * What the user may do with one member.
     *
     * @param index the member's index
     * @param name the member's name
     * @param readable whether the user may read it
     * @param writable whether the user may write it
     * @param readGrantedBy the numbers of the active rules that grant read access
     * @param writeGrantedBy the numbers of the active rules that grant write access
     */
    public record MemberOutcome(int index, String name, boolean readable, boolean writable,
            List<Integer> readGrantedBy, List<Integer> writeGrantedBy) {
        /** Copies the lists. */
        public MemberOutcome {
            readGrantedBy = List.copyOf(readGrantedBy);
            writeGrantedBy = List.copyOf(writeGrantedBy);
        }
    }

    /** The entity's name. */
    public String entity() {
        return entity;
    }

    /** The security context, as {@link SecurityContext#toString()} prints it. */
    public String context() {
        return context;
    }

    /** Why no rule restricts this context (the system, or a level that does not check data), or empty. */
    public Optional<String> unrestrictedBecause() {
        return Optional.ofNullable(unrestrictedBecause);
    }

    /** Why the context denies all access, or empty when it does not. */
    public Optional<String> deniedBecause() {
        return Optional.ofNullable(deniedBecause);
    }

    /** The user's module roles in the entity's module, such as {@code "Sales.User, Sales.Manager"}. */
    public String heldModuleRoles() {
        return heldModuleRoles;
    }

    /** Each rule's outcome, in rule order; empty when the context is unrestricted. */
    public List<RuleOutcome> rules() {
        return rules;
    }

    /**
     * One rule's outcome.
     *
     * @param number the rule's number, from 1
     * @return the outcome
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public RuleOutcome rule(int number) {
        return rules.get(number - 1);
    }

    /** Whether the user may see the object. */
    public boolean visible() {
        return unrestrictedBecause != null || !activeRules().isEmpty();
    }

    /** The numbers of the rules active for the object. */
    public List<Integer> activeRules() {
        return rules.stream().filter(RuleOutcome::active).map(RuleOutcome::number).collect(Collectors.toList());
    }

    /** Whether the user may create objects of the entity (before the write check on the new object). */
    public boolean canCreate() {
        return unrestrictedBecause != null || !createGrantedBy.isEmpty();
    }

    /** The numbers of the applying rules that grant create, whether or not their constraint holds. */
    public List<Integer> createGrantedBy() {
        return createGrantedBy;
    }

    /** Whether the user may delete the object. */
    public boolean canDelete() {
        return unrestrictedBecause != null || !deleteGrantedBy.isEmpty();
    }

    /** The numbers of the active rules that grant delete. */
    public List<Integer> deleteGrantedBy() {
        return deleteGrantedBy;
    }

    /** What the user may do with each member, in member order. */
    public List<MemberOutcome> members() {
        return members;
    }

    /**
     * What the user may do with one member.
     *
     * @param name the member's name
     * @return the member's outcome
     * @throws IllegalArgumentException when the entity has no such member
     */
    public MemberOutcome member(String name) {
        return members.stream().filter(member -> member.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(entity + " has no member '" + name + "'"));
    }

    /** A multi-line account of the outcome, one line per rule and per member. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("Access to ").append(entity).append(" for ").append(context).append('\n');
        if (unrestrictedBecause != null) {
            return text.append("  everything is allowed: ").append(unrestrictedBecause).append('\n').toString();
        }
        if (deniedBecause != null) {
            text.append("  everything is denied: ").append(deniedBecause).append('\n');
        }
        text.append("  module roles held: ").append(heldModuleRoles.isEmpty() ? "none" : heldModuleRoles)
                .append('\n');
        text.append("  visible: ").append(grantedBy(activeRules())).append('\n');
        text.append("  create: ").append(grantedBy(createGrantedBy)).append('\n');
        text.append("  delete: ").append(grantedBy(deleteGrantedBy)).append('\n');
        for (RuleOutcome rule : rules) {
            text.append("  rule ").append(rule.number()).append(" \"").append(rule.description()).append("\": ");
            if (!rule.applies()) {
                text.append("does not apply: ").append(rule.reason());
            } else {
                text.append("applies to ").append(rule.matchedRoles())
                        .append(rule.active() ? "; active" : "; not active: " + rule.reason());
            }
            text.append('\n');
        }
        for (MemberOutcome member : members) {
            text.append("  member ").append(member.name())
                    .append(": read ").append(grantedBy(member.readGrantedBy()))
                    .append("; write ").append(grantedBy(member.writeGrantedBy())).append('\n');
        }
        return text.toString();
    }

    private static String grantedBy(List<Integer> ruleNumbers) {
        if (ruleNumbers.isEmpty()) {
            return "no";
        }
        return "yes, by rule" + (ruleNumbers.size() == 1 ? " " : "s ")
                + ruleNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
