package dev.warden.processor.constraint;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A constraint compiled to Java.
 *
 * @param expression   a boolean expression over the object and context variables; it may refer to the constants
 * @param constants    {@code private static final} fields the expression refers to by simple name (BigDecimal and
 *                     BigInteger literals); add them to the class that holds the expression
 * @param customTokens the custom tokens the expression reads with {@code token(...)}; each must have a value before
 *                     the expression is evaluated (else the rule denies)
 */
public record CompiledJavaConstraint(CodeBlock expression, List<FieldSpec> constants, Set<String> customTokens) {
    public CompiledJavaConstraint {
        constants = List.copyOf(constants);
        customTokens = Collections.unmodifiableSet(new LinkedHashSet<>(customTokens));
    }
}
