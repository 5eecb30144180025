package dev.warden.processor.constraint;

import com.palantir.javapoet.ClassName;

/**
 * The value of a comparison's function ({@code string-length(name)}, {@code year-from-dateTime(created)}) as a member
 * that the checker and both compilers compare like any other: a whole number ({@code Integer}), empty when the member
 * it is taken from is empty.
 */
final class FunctionValues {
    private static final ClassName INTEGER = ClassName.get("java.lang", "Integer");

    private FunctionValues() {}

    /** The value of {@code function} as a member of type {@code Integer}, named as the function. */
    static MemberShape shape(Expr.ValueFunction function) {
        return MemberShape.attribute(function.keyword(), ValueKind.INTEGER, INTEGER, function.keyword());
    }
}
