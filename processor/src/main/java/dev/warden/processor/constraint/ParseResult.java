package dev.warden.processor.constraint;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ConstraintParser#parse(String)} found: the constraint's tree, or the syntax problems. A blank
 * constraint string parses to neither: it means "no constraint", which the caller handles.
 */
public record ParseResult(String text, Optional<Expr> expression, List<ConstraintProblem> problems) {
    public ParseResult {
        problems = List.copyOf(problems);
        if (expression.isPresent() && !problems.isEmpty()) {
            throw new IllegalArgumentException("a parse result has a tree or problems, not both");
        }
    }

    static ParseResult empty(String text) {
        return new ParseResult(text, Optional.empty(), List.of());
    }

    static ParseResult of(String text, Expr expression) {
        return new ParseResult(text, Optional.of(expression), List.of());
    }

    static ParseResult failed(String text, List<ConstraintProblem> problems) {
        return new ParseResult(text, Optional.empty(), problems);
    }

    /** The constraint text was blank: no constraint at all. */
    public boolean isEmpty() {
        return expression.isEmpty() && problems.isEmpty();
    }

    /** The text is not a valid constraint; see {@link #problems()}. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
