package dev.warden.processor.plan;

import dev.warden.processor.constraint.CheckedConstraint;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.RuleModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a valid entity.
 *
 * @param rule the rule as written
 * @param grants what it gives each group of its roles with the same rights
 * @param constraint its constraint, type-checked; empty for a rule without one
 * @param tokens the tokens that must have a value for the rule to be active: the custom tokens the constraint
 *     reads, and {@code CurrentUser} when it compares with the user's id
 */
public record RulePlan(RuleModel rule, List<Grant> grants, Optional<CheckedConstraint> constraint, Set<String> tokens) {

    public RulePlan {
        grants = List.copyOf(grants);
        tokens = Set.copyOf(tokens);
    }

    /** The rule's number, from 1. */
    public int number() {
        return rule.number();
    }
}
