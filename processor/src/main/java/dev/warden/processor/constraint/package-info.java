/**
 * The constraint language: the XPath subset of {@code @AccessRule(constraint = "[owner = '[%CurrentUser%]']")}
 * (security-model.md §3), as a layer of its own that knows nothing of {@code javax.lang.model} or of the other
 * processor packages. They describe entities to it as plain {@link dev.warden.processor.constraint.EntityShape}s.
 *
 * <ol>
 *   <li>{@link dev.warden.processor.constraint.ConstraintParser} turns the text into a tree of
 *       {@link dev.warden.processor.constraint.Expr}s (or {@code SYNTAX} problems), each node with its span.</li>
 *   <li>{@link dev.warden.processor.constraint.ConstraintChecker} type-checks the tree against the entity it is
 *       written on and the {@link dev.warden.processor.constraint.ConstraintEnvironment} (tokens, user roles, the
 *       user id type), and returns the problems or a {@link dev.warden.processor.constraint.CheckedConstraint}
 *       with every path and token resolved.</li>
 *   <li>{@link dev.warden.processor.constraint.JavaConstraintCompiler} turns a checked constraint into a
 *       null-safe Java boolean expression, the in-memory twin.</li>
 *   <li>{@link dev.warden.processor.constraint.SqlConstraintCompiler} turns the same checked constraint into a SQL
 *       boolean expression for query filters, given how the entities are stored
 *       ({@link dev.warden.processor.constraint.SqlSchema}): every value a
 *       {@link dev.warden.processor.constraint.SqlParamSpec parameter}, association paths as {@code EXISTS}
 *       sub-queries, and the same answer as the Java twin for the same data, NULLs included.</li>
 * </ol>
 *
 * <p>{@link dev.warden.processor.constraint.ConstraintProblem#render(String)} shows a problem with a caret line
 * under its span; {@link dev.warden.processor.names.DidYouMean} finds the "did you mean" candidates, by the same
 * rule as for every other name the processor reports.
 */
package dev.warden.processor.constraint;
