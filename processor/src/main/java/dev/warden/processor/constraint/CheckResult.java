package dev.warden.processor.constraint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ConstraintChecker} found: the problems, and for a well-typed constraint (no problems) the
 * {@link CheckedConstraint} to compile.
 */
public record CheckResult(List<ConstraintProblem> problems, Optional<CheckedConstraint> checked) {
    public CheckResult {
        problems = List.copyOf(problems);
        if (problems.isEmpty() != checked.isPresent()) {
            throw new IllegalArgumentException("a check result has a checked constraint exactly when it has no problems");
        }
    }

    /** No problems. */
    public boolean isWellTyped() {
        return problems.isEmpty();
    }

    /** The checked constraint; only for a well-typed constraint. */
    public CheckedConstraint constraint() {
        return checked.orElseThrow(() -> new IllegalStateException("the constraint has problems: " + problems));
    }

    /** The root members a well-typed constraint depends on, in order of appearance; empty when it has problems. */
    public Set<String> rootMembers() {
        return checked.map(CheckedConstraint::rootMembers).orElse(Set.of());
    }

    /** The custom tokens a well-typed constraint uses, in order of appearance; empty when it has problems. */
    public Set<String> customTokens() {
        return checked.map(CheckedConstraint::customTokens).orElse(Set.of());
    }
}
