package dev.warden.processor.constraint;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.Expr.Comparison;
import dev.warden.processor.constraint.Expr.Op;
import dev.warden.processor.constraint.JavaTypes.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Compiles a checked constraint to a JPA Criteria predicate: Java code that builds, with the helpers of
 * {@code dev.warden.jpa.query.Conditions} ({@code c}), the same condition the SQL compiler ({@link SqlConstraintCompiler})
 * writes for the query filter, on the entity's attributes instead of its columns:
 * <pre>
 * [customer/accountManager = '[%CurrentUser%]']
 *   c.exists(order, "customer", customer -&gt; c.eq(customer.get("accountManager"), c.currentUser()))
 * [lines[quantity &gt; 10]]
 *   c.exists(order, "lines", orderLine -&gt; c.gt(orderLine.get("quantity"), 10))
 * </pre>
 *
 * <ul>
 *   <li><b>Two-valued.</b> Each helper gives a condition that is never NULL in SQL ({@code eq} is
 *       {@code x IS NOT NULL AND x = ?}, {@code ne} is {@code x IS NULL OR x <> ?}, two members compare with
 *       {@code IS [NOT] DISTINCT FROM}), so {@code not} negates as the Java twin does.</li>
 *   <li><b>Paths.</b> Each path through associations is one {@code EXISTS} sub-query that joins the associations it
 *       goes through ({@code c.exists(order, "customer/accountManager", ...)}), as in SQL: never a join of the outer
 *       query, which would drop the rows another rule lets through, or repeat them.</li>
 *   <li><b>Values.</b> Literals are Java values of the member's type (an enum constant, {@code 10L}, a
 *       {@code BigDecimal} constant), bound as parameters by Hibernate; tokens are taken from the context when the
 *       predicate is built, the date-time tokens at one instant for the whole filter.</li>
 *   <li><b>Functions.</b> {@code contains} and friends, {@code string-length} and the date parts go through the SQL
 *       functions Warden registers with Hibernate, which render the SQL filter's own SQL for the database.</li>
 * </ul>
 */
public final class CriteriaConstraintCompiler {

    private static final ClassName DATE_PART = ClassName.get("dev.warden.runtime.internal", "DatePart");
    private static final ClassName TIME_TOKEN = ClassName.get("dev.warden.runtime", "TimeToken");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "_");

    private final CheckedConstraint checked;
    private final ConstraintEnvironment env;
    private final String conditionsVar;
    private final String constantPrefix;
    private final Map<String, FieldSpec> constants = new LinkedHashMap<>();
    private final Set<String> namesInScope = new HashSet<>();
    /** {@code c.always()} and {@code c.never()}, compared by identity when conditions are folded. */
    private final Code always;
    private final Code never;

    private CriteriaConstraintCompiler(CheckedConstraint checked, String conditionsVar, String constantPrefix) {
        this.checked = checked;
        this.env = checked.environment();
        this.conditionsVar = conditionsVar;
        this.constantPrefix = constantPrefix;
        this.always = call("always");
        this.never = call("never");
    }

    /**
     * Compiles {@code checked}.
     *
     * @param rootVar        the variable holding the {@code From} of the entity the constraint is written on
     * @param conditionsVar  the variable holding the {@code Conditions}
     * @param constantPrefix start of the constants' names, {@code RULE_2} gives {@code RULE_2_LITERAL_1}
     * @param otherNames     other names in scope, which the lambda parameters avoid
     * @return the expression (a {@code Predicate}) and the constants it refers to
     */
    public static CompiledJavaConstraint compile(CheckedConstraint checked, String rootVar, String conditionsVar,
            String constantPrefix, Set<String> otherNames) {
        Objects.requireNonNull(checked, "checked");
        for (String name : List.of(rootVar, conditionsVar)) {
            if (!ConstraintLexer.isIdentifier(name) || KEYWORDS.contains(name)) {
                throw new IllegalArgumentException("not a Java variable name: " + name);
            }
        }
        CriteriaConstraintCompiler compiler = new CriteriaConstraintCompiler(checked, conditionsVar,
                constantPrefix == null ? "" : constantPrefix);
        compiler.namesInScope.add(rootVar);
        compiler.namesInScope.add(conditionsVar);
        compiler.namesInScope.addAll(otherNames);
        Code code = checked.expression().accept(compiler.conditions, CodeBlock.of("$L", rootVar));
        return new CompiledJavaConstraint(code.lines(), new ArrayList<>(compiler.constants.values()),
                checked.customTokens());
    }

    // ---------------------------------------------------------------------------------------------- conditions

    /** Compiles each kind of condition; the parameter is the {@code From} its paths start at. */
    private final ExprVisitor<Code, CodeBlock> conditions = new ExprVisitor<>() {
        @Override
        public Code visitOr(Expr.Or or, CodeBlock owner) {
            return combine("or", or.operands().stream().map(o -> o.accept(this, owner)).toList());
        }

        @Override
        public Code visitAnd(Expr.And and, CodeBlock owner) {
            return combine("and", and.operands().stream().map(o -> o.accept(this, owner)).toList());
        }

        @Override
        public Code visitNot(Expr.Not not, CodeBlock owner) {
            Code operand = not.operand().accept(this, owner);
            if (operand == always) {
                return never;
            }
            if (operand == never) {
                return always;
            }
            return call("not", operand.block);
        }

        @Override
        public Code visitComparison(Comparison comparison, CodeBlock owner) {
            return comparison(comparison, owner);
        }

        @Override
        public Code visitFunctionCall(Expr.FunctionCall call, CodeBlock owner) {
            String method = switch (call.function()) {
                case CONTAINS -> "contains";
                case STARTS_WITH -> "startsWith";
                case ENDS_WITH -> "endsWith";
            };
            CodeBlock text = JavaConstraintCompiler.javaString(CaseInsensitive.lowerCase(call.text()));
            return atPath(call.path(), owner, (from, member) -> call(method, value(from, member), text));
        }

        @Override
        public Code visitPathTest(Expr.PathTest test, CodeBlock owner) {
            List<MemberShape> members = checked.members(test.path());
            MemberShape last = members.get(members.size() - 1);
            if (last.toMany()) {
                return exists(owner, members, from -> always);
            }
            return atPath(test.path(), owner, (from, member) -> member.kind() == ValueKind.BOOLEAN
                    ? call("isTrue", value(from, member))
                    : call("isNotNull", value(from, member)));
        }

        @Override
        public Code visitTokenTest(Expr.TokenTest test, CodeBlock owner) {
            TokenMeaning meaning = checked.token(test.token());
            if (meaning.kind() == TokenMeaning.Kind.USER_ROLE) {
                return call("hasUserRole", CodeBlock.of("$S", meaning.name()));
            }
            return call("constant", CodeBlock.of("$T.TRUE.equals($L)", ClassName.get("java.lang", "Boolean"),
                    tokenValue(meaning, List.of(), null)));
        }

        @Override
        public Code visitBooleanConstant(Expr.BooleanConstant constant, CodeBlock owner) {
            return constant.value() ? always : never;
        }

        /** {@code lines[quantity > 10]}: one sub-query through the path, with the whole condition on its last object. */
        @Override
        public Code visitPredicate(Expr.Predicate predicate, CodeBlock owner) {
            List<MemberShape> members = checked.members(predicate.path());
            return exists(owner, members, from -> predicate.condition().accept(this, from));
        }
    };

    private Code comparison(Comparison c, CodeBlock owner) {
        Op op = c.op();
        return atPath(c.left(), owner, (from, pathMember) -> {
            CodeBlock column = value(from, pathMember);
            MemberShape member = c.function() == null ? pathMember : FunctionValues.shape(c.function());
            CodeBlock left = c.function() == null ? column : functionValue(c.function(), pathMember, column);
            return c.right().accept(new OperandVisitor<Code, Void>() {
                @Override
                public Code visitString(Operand.StringLiteral literal, Void unused) {
                    if (member.kind() == ValueKind.BOOLEAN) {
                        return compare(op, left, CodeBlock.of("$L", ConstraintChecker.quotedBoolean(literal)));
                    }
                    if (member.kind() == ValueKind.ENUM) {
                        return compare(op, left, CodeBlock.of("$T.$L", JavaTypes.boxed(member.javaType()),
                                literal.value()));
                    }
                    return compare(op, left, JavaConstraintCompiler.javaString(literal.value()));
                }

                @Override
                public Code visitNumber(Operand.NumberLiteral literal, Void unused) {
                    return compare(op, left, number(member.javaType(), literal));
                }

                @Override
                public Code visitBoolean(Operand.BooleanLiteral literal, Void unused) {
                    return compare(op, left, CodeBlock.of("$L", literal.value()));
                }

                @Override
                public Code visitEmpty(Operand.EmptyLiteral literal, Void unused) {
                    return emptyTest(op, from, pathMember);
                }

                @Override
                public Code visitToken(Operand.TokenRef token, Void unused) {
                    TokenMeaning meaning = checked.token(token);
                    if (meaning.kind() == TokenMeaning.Kind.CURRENT_USER) {
                        CodeBlock compared = member.isAssociation() ? idOf(left, member) : left;
                        return compare(op, compared, CodeBlock.of("$L.currentUser()", conditionsVar));
                    }
                    return compare(op, left, tokenValue(meaning, List.of(), member.javaType()));
                }

                @Override
                public Code visitDateArithmetic(Operand.DateArithmetic arithmetic, Void unused) {
                    return compare(op, left, tokenValue(checked.token(arithmetic.base()), arithmetic.offsets(),
                            member.javaType()));
                }

                @Override
                public Code visitPath(Operand.PathOperand path, Void unused) {
                    return atPath(path.path(), owner, (otherFrom, other) -> {
                        CodeBlock a = member.isAssociation() ? idOf(left, member) : left;
                        CodeBlock b = other.isAssociation() ? idOf(value(otherFrom, other), other)
                                : value(otherFrom, other);
                        return switch (op) {
                            case EQ -> call("same", a, b);
                            case NE -> call("differs", a, b);
                            default -> compare(op, a, b);
                        };
                    });
                }
            }, null);
        });
    }

    /** {@code c.eq(left, right)} and the other operators, each a two-valued condition. */
    private Code compare(Op op, CodeBlock left, CodeBlock right) {
        String method = switch (op) {
            case EQ -> "eq";
            case NE -> "ne";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
        };
        return call(method, left, right);
    }

    private Code emptyTest(Op op, CodeBlock from, MemberShape member) {
        boolean eq = op == Op.EQ;
        if (member.toMany()) {
            Code some = call("exists", from, CodeBlock.of("$S", member.name()));
            return eq ? call("not", some.block) : some;
        }
        if (!member.isAssociation() && JavaTypes.isPrimitive(member.javaType())) {
            return eq ? never : always;
        }
        return call(eq ? "isNull" : "isNotNull", value(from, member));
    }

    /** The key of the object a to-one association's value refers to (its foreign key, for Hibernate). */
    private CodeBlock idOf(CodeBlock association, MemberShape member) {
        String id = env.entities().find(member.targetEntity()).map(EntityShape::idMember)
                .orElseThrow(() -> new IllegalStateException("no id member for " + member.targetEntity()));
        return CodeBlock.of("$L.get($S)", association, id);
    }

    /** The string length and the date parts, through the SQL functions Warden registers with Hibernate. */
    private CodeBlock functionValue(Expr.ValueFunction function, MemberShape member, CodeBlock value) {
        if (!function.isDatePart()) {
            return CodeBlock.of("$L.length($L)", conditionsVar, value);
        }
        Temporal temporal = JavaTypes.temporal(member.javaType());
        boolean local = temporal == Temporal.LOCAL_DATE || temporal == Temporal.LOCAL_DATE_TIME;
        return CodeBlock.of("$L.$L($T.$L, $L)", conditionsVar, local ? "datePart" : "datePartInZone", DATE_PART,
                function.datePart(), value);
    }

    // ------------------------------------------------------------------------------------------------- paths

    /** A condition on the member a path ends at, given the {@code From} that member belongs to. */
    private interface Leaf {
        Code at(CodeBlock from, MemberShape member);
    }

    /** An inner condition at the end of a walk through associations, given the {@code From} of the last one. */
    private interface Inner {
        Code at(CodeBlock from);
    }

    private static CodeBlock value(CodeBlock from, MemberShape member) {
        if (member.embeddedIn() != null) {
            // address/city: the embeddable's attribute, through Hibernate's model of the embedded member
            String attribute = member.name().substring(member.embeddedIn().name().length() + 1);
            return CodeBlock.of("$L.get($S).get($S)", from, member.embeddedIn().name(), attribute);
        }
        return CodeBlock.of("$L.get($S)", from, member.name());
    }

    /** {@code leaf} at the member {@code path} denotes, through one sub-query when the path has associations. */
    private Code atPath(Path path, CodeBlock owner, Leaf leaf) {
        List<MemberShape> members = checked.members(path);
        MemberShape last = members.get(members.size() - 1);
        if (members.size() == 1) {
            return leaf.at(owner, last);
        }
        return exists(owner, members.subList(0, members.size() - 1), from -> leaf.at(from, last));
    }

    /**
     * {@code c.exists(owner, "a/b", b -> inner)}: some object at the end of the associations {@code hops} satisfies
     * {@code inner}; {@code c.exists(owner, "a/b")} when it is always true.
     */
    private Code exists(CodeBlock owner, List<MemberShape> hops, Inner inner) {
        CodeBlock associations = CodeBlock.of("$S", hops.stream().map(MemberShape::name)
                .collect(Collectors.joining("/")));
        // the entities that declare the reversed() steps, in order: class literals, never loaded by name per query
        List<CodeBlock> declaring = new ArrayList<>();
        for (MemberShape hop : hops) {
            Reversed.of(hop).ifPresent(reversed -> declaring.add(CodeBlock.of("$T.class",
                    ClassName.bestGuess(reversed.declaringEntity()))));
        }
        String variable = newLambdaVariable(hops.get(hops.size() - 1).targetEntity());
        try {
            Code condition = inner.at(CodeBlock.of("$L", variable));
            if (condition == never) {
                return never;
            }
            List<CodeBlock> arguments = new ArrayList<>(List.of(owner, associations));
            if (condition != always) {
                arguments.add(CodeBlock.of("$L -> $L", variable, condition.block));
            }
            arguments.addAll(declaring);
            return call("exists", arguments.toArray(CodeBlock[]::new));
        } finally {
            namesInScope.remove(variable);
        }
    }

    private String newLambdaVariable(String entity) {
        String simple = env.entities().find(entity).map(EntityShape::simpleName).orElse(JavaTypes.simpleName(entity));
        String base = simple.isEmpty() ? "element" : simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
        if (!ConstraintLexer.isIdentifier(base)) {
            base = "element";
        }
        String name = base;
        for (int i = 2; namesInScope.contains(name) || KEYWORDS.contains(name); i++) {
            name = base + i;
        }
        namesInScope.add(name);
        return name;
    }

    // --------------------------------------------------------------------------------------- literals, tokens

    /** A number literal as a Java value of the member's type, so that Hibernate binds it as the attribute's type. */
    private CodeBlock number(TypeName type, Operand.NumberLiteral literal) {
        TypeName primitive = JavaTypes.primitive(type);
        if (primitive == null) {
            return CodeBlock.of("$L", constant(JavaTypes.boxed(type), literal.text()));
        }
        java.math.BigDecimal value = literal.value();
        if (primitive.equals(TypeName.DOUBLE)) {
            return CodeBlock.of("$L", Double.toString(value.doubleValue()));
        }
        if (primitive.equals(TypeName.FLOAT)) {
            return CodeBlock.of("$LF", Float.toString(value.floatValue()));
        }
        if (primitive.equals(TypeName.LONG)) {
            return CodeBlock.of("$LL", value.toBigIntegerExact());
        }
        if (primitive.equals(TypeName.SHORT) || primitive.equals(TypeName.BYTE)) {
            return CodeBlock.of("($T) $L", primitive, value.toBigIntegerExact());
        }
        if (primitive.equals(TypeName.CHAR)) {
            return CodeBlock.of("(char) $L", value.toBigIntegerExact());
        }
        return CodeBlock.of("$L", value.toBigIntegerExact());
    }

    private String constant(TypeName type, String text) {
        String key = type + ":" + text;
        FieldSpec existing = constants.get(key);
        if (existing != null) {
            return existing.name();
        }
        String separator = constantPrefix.isEmpty() || constantPrefix.endsWith("_") ? "" : "_";
        String name = constantPrefix + separator + "LITERAL_" + (constants.size() + 1);
        constants.put(key, FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($S)", type, text)
                .build());
        return name;
    }

    /**
     * A token's value, as the Java twin computes it; the date-time tokens from {@code c.now()}, the one instant of
     * the whole filter, with the periods added on the calendar of the user's zone, converted to the member's type.
     */
    private CodeBlock tokenValue(TokenMeaning meaning, List<Operand.Offset> offsets, TypeName memberType) {
        switch (meaning.kind()) {
            case CUSTOM:
                return CodeBlock.of("$L.token($S, $T.class)", conditionsVar, meaning.name(),
                        JavaTypes.classLiteralType(meaning.custom().javaType()));
            case USER_ROLE:
                // compared with a boolean member: whether the user has the role, as the Java twin and SQL have it
                return CodeBlock.of("$L.userRole($S)", conditionsVar, meaning.name());
            case DATE_TIME:
                break;
            default:
                throw new IllegalStateException(meaning.display() + " has no value of its own here");
        }
        CodeBlock.Builder time = CodeBlock.builder();
        if (meaning.name().equals("CurrentDateTime")) {
            time.add("$L.now()", conditionsVar);
        } else {
            time.add("$L.dateTime($T.$L)", conditionsVar, TIME_TOKEN, meaning.timeTokenConstant());
        }
        for (Operand.Offset offset : offsets) {
            TokenMeaning period = checked.token(offset.period());
            time.add(".$L$L($L)", offset.minus() ? "minus" : "plus", period.period().javaUnit(), offset.factor());
        }
        CodeBlock zoned = time.build();
        return switch (JavaTypes.temporal(memberType)) {
            case INSTANT -> CodeBlock.of("$L.toInstant()", zoned);
            case LOCAL_DATE_TIME -> CodeBlock.of("$L.toLocalDateTime()", zoned);
            case LOCAL_DATE -> CodeBlock.of("$L.toLocalDate()", zoned);
            case OFFSET_DATE_TIME -> CodeBlock.of("$L.toOffsetDateTime()", zoned);
            case DATE -> CodeBlock.of("$T.from($L.toInstant())", JavaTypes.DATE, zoned);
            default -> zoned;
        };
    }

    // ------------------------------------------------------------------------------------ expression building

    /**
     * A predicate expression; {@code lines} is the same code with the operands of an {@code and}/{@code or} of
     * several on lines of their own, for the top level.
     */
    private record Code(CodeBlock block, CodeBlock multiline) {
        CodeBlock lines() {
            return multiline != null ? multiline : block;
        }
    }

    private Code call(String method, CodeBlock... arguments) {
        return new Code(CodeBlock.of("$L.$L($L)", conditionsVar, method, CodeBlock.join(List.of(arguments), ", ")),
                null);
    }

    /** {@code c.and(...)} or {@code c.or(...)}, without the neutral operands; the absorbing one absorbs all. */
    private Code combine(String method, List<Code> parts) {
        Code neutral = method.equals("and") ? always : never;
        Code absorbing = method.equals("and") ? never : always;
        List<CodeBlock> kept = new ArrayList<>();
        for (Code part : parts) {
            if (part == absorbing) {
                return absorbing;
            }
            if (part != neutral) {
                kept.add(part.block);
            }
        }
        if (kept.isEmpty()) {
            return neutral;
        }
        if (kept.size() == 1) {
            return parts.stream().filter(p -> p != neutral).findFirst().orElseThrow();
        }
        CodeBlock inline = CodeBlock.of("$L.$L($L)", conditionsVar, method, CodeBlock.join(kept, ", "));
        CodeBlock lines = CodeBlock.of("$L.$L($>$>\n$L$<$<)", conditionsVar, method, CodeBlock.join(kept, ",\n"));
        return new Code(inline, lines);
    }
}
