package dev.warden.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import java.util.List;
import java.util.Set;

/**
 * A rule's constraint compiled to Java.
 *
 * @param expression a boolean expression over the variables {@code context} and the entity variable
 * @param constants constant fields the expression refers to
 * @param customTokens the tokens that must have values for the rule to apply: the custom tokens the expression
 *     reads, and {@code CurrentUser} when it compares with the user's id
 * @param source the constraint as written, for Javadoc
 */
public record CompiledRule(CodeBlock expression, List<FieldSpec> constants, Set<String> customTokens, String source) {

    public CompiledRule {
        constants = List.copyOf(constants);
        customTokens = Set.copyOf(customTokens);
    }
}
