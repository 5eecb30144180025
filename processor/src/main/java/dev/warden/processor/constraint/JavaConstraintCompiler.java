package dev.warden.processor.constraint;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.Expr.Comparison;
import dev.warden.processor.constraint.Expr.Op;
import dev.warden.processor.constraint.JavaTypes.Temporal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Compiles a checked constraint to a plain Java boolean expression: no reflection, one getter call per path
 * step, literals hoisted into constants, and Mendix's null semantics spelled out.
 *
 * <ul>
 *   <li>A null attribute is {@code empty}: {@code x = 'a'} is false and {@code x != 'a'} true when x is null;
 *       ordering with null is false.</li>
 *   <li>A path goes through associations existentially: a comparison through a null to-one association is
 *       false (there is no object to compare), and through a to-many association it is true when
 *       <em>some</em> (non-null) element satisfies it.</li>
 *   <li>{@code not(...)} negates the whole, quantifiers included.</li>
 *   <li>Two member values that are both null are equal ({@code a = b} holds when both are empty).</li>
 *   <li>{@code contains}, {@code starts-with} and {@code ends-with} ignore case ({@link CaseInsensitive}).</li>
 *   <li>Strings compare case-sensitively with {@code = != < <= > >=}, numbers by value ({@code 1.0 = 1.00}; a float with an integer as
 *       doubles, not as floats), date-times by instant.</li>
 * </ul>
 *
 * <p>The expression must be placed where {@code objectVar} and {@code contextVar} are effectively final
 * variables (typically the parameters of a {@code boolean test(Order order, SecurityContext ctx)}) and no other
 * local variable is in scope: lambda parameters for to-many associations are named after the element entity.
 */
public final class JavaConstraintCompiler {

    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    /** The runtime's functions of the constraint language (case-insensitive text, string length, date parts). */
    static final ClassName CONSTRAINT_FUNCTIONS = ClassName.get("dev.warden.runtime.internal", "ConstraintFunctions");
    private static final ClassName DATE_PART = ClassName.get("dev.warden.runtime.internal", "DatePart");
    private static final ClassName TIME_TOKEN = ClassName.get("dev.warden.runtime", "TimeToken");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "non-sealed", "_");

    private final CheckedConstraint checked;
    private final ConstraintEnvironment env;
    private final String objectVar;
    private final String contextVar;
    private final String constantPrefix;
    private final Map<String, FieldSpec> constants = new LinkedHashMap<>();
    private final Set<String> namesInScope = new HashSet<>();

    private JavaConstraintCompiler(CheckedConstraint checked, ConstraintEnvironment env, String objectVar,
            String contextVar, String constantPrefix) {
        this.checked = checked;
        this.env = env;
        this.objectVar = objectVar;
        this.contextVar = contextVar;
        this.constantPrefix = constantPrefix;
    }

    /**
     * Compiles {@code checked}, a constraint on {@code root}.
     *
     * @param objectVar      the variable holding the object to test (an instance of {@code root})
     * @param contextVar     the variable holding the {@code dev.warden.runtime.SecurityContext}
     * @param constantPrefix start of the constants' names, e.g. {@code RULE_2} gives {@code RULE_2_LITERAL_1}
     */
    public static CompiledJavaConstraint compile(CheckedConstraint checked, EntityShape root, ConstraintEnvironment env,
            String objectVar, String contextVar, String constantPrefix) {
        return compile(checked, root, env, objectVar, contextVar, constantPrefix, Set.of());
    }

    /**
     * Compiles {@code checked}, a constraint on {@code root}, for a place where other variables are in scope too.
     *
     * @param otherNamesInScope the names of the other variables in scope, which the lambda parameters avoid
     * @see #compile(CheckedConstraint, EntityShape, ConstraintEnvironment, String, String, String)
     */
    public static CompiledJavaConstraint compile(CheckedConstraint checked, EntityShape root, ConstraintEnvironment env,
            String objectVar, String contextVar, String constantPrefix, Set<String> otherNamesInScope) {
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(env, "env");
        if (!checked.root().qualifiedName().equals(root.qualifiedName())) {
            throw new IllegalArgumentException("the constraint was checked against " + checked.root().qualifiedName()
                    + ", not " + root.qualifiedName());
        }
        for (String name : List.of(objectVar, contextVar)) {
            if (!ConstraintLexer.isIdentifier(name) || KEYWORDS.contains(name)) {
                throw new IllegalArgumentException("not a Java variable name: " + name);
            }
        }
        if (objectVar.equals(contextVar)) {
            throw new IllegalArgumentException("the object and context variables must differ: " + objectVar);
        }
        JavaConstraintCompiler compiler = new JavaConstraintCompiler(checked, env, objectVar, contextVar,
                constantPrefix == null ? "" : constantPrefix);
        compiler.namesInScope.add(objectVar);
        compiler.namesInScope.add(contextVar);
        compiler.namesInScope.addAll(otherNamesInScope);
        CodeBlock expression = checked.expression().accept(compiler.conditions, CodeBlock.of("$L", objectVar)).block;
        return new CompiledJavaConstraint(expression, new ArrayList<>(compiler.constants.values()),
                checked.customTokens());
    }

    // ---------------------------------------------------------------------------------------------- conditions

    /**
     * Compiles each kind of condition. The parameter is the object the condition's paths start at: the object
     * variable, or an associated object inside a sub-constraint. The constraint's own and/or put each condition on a
     * line of its own; the null guards stay inline.
     */
    private final ExprVisitor<Code, CodeBlock> conditions = new ExprVisitor<>() {
        @Override
        public Code visitOr(Expr.Or or, CodeBlock owner) {
            return onLines(or(or.operands().stream().map(o -> o.accept(this, owner)).toArray(Code[]::new)));
        }

        @Override
        public Code visitAnd(Expr.And and, CodeBlock owner) {
            return onLines(and(and.operands().stream().map(o -> o.accept(this, owner)).toArray(Code[]::new)));
        }

        @Override
        public Code visitNot(Expr.Not not, CodeBlock owner) {
            return not(not.operand().accept(this, owner));
        }

        @Override
        public Code visitComparison(Comparison comparison, CodeBlock owner) {
            return comparison(comparison, owner);
        }

        @Override
        public Code visitFunctionCall(Expr.FunctionCall call, CodeBlock owner) {
            return functionCall(call, owner);
        }

        @Override
        public Code visitPathTest(Expr.PathTest test, CodeBlock owner) {
            return pathTest(test, owner);
        }

        @Override
        public Code visitTokenTest(Expr.TokenTest test, CodeBlock owner) {
            return tokenTest(test);
        }

        @Override
        public Code visitBooleanConstant(Expr.BooleanConstant constant, CodeBlock owner) {
            return constant.value() ? Code.TRUE : Code.FALSE;
        }

        /**
         * {@code lines[quantity > 10 and product/active = true()]}: the associated object (some element of a to-many
         * association) for which the whole condition holds, its paths starting at that object.
         */
        @Override
        public Code visitPredicate(Expr.Predicate predicate, CodeBlock owner) {
            List<MemberShape> members = checked.members(predicate.path());
            MemberShape association = members.get(members.size() - 1);
            return walk(members, 0, owner, last -> {
                CodeBlock value = read(last, association);
                if (!association.toMany()) {
                    return and(notNull(value), predicate.condition().accept(this, value));
                }
                String element = newLambdaVariable(association.targetEntity());
                try {
                    CodeBlock elementRef = CodeBlock.of("$L", element);
                    Code some = and(notNull(elementRef), predicate.condition().accept(this, elementRef));
                    return and(notNull(value), Code.primary("$L.stream().anyMatch($L -> $L)", value, element,
                            some.block));
                } finally {
                    namesInScope.remove(element);
                }
            });
        }
    };

    /**
     * {@code contains(path, 'text')} and friends: the runtime's null-safe, case-insensitive twin of the SQL, with the
     * literal folded here, once.
     */
    private Code functionCall(Expr.FunctionCall call, CodeBlock owner) {
        String method;
        switch (call.function()) {
            case CONTAINS:
                method = "contains";
                break;
            case STARTS_WITH:
                method = "startsWith";
                break;
            default:
                method = "endsWith";
                break;
        }
        CodeBlock text = javaString(CaseInsensitive.lowerCase(call.text()));
        return atPath(call.path(), owner, (member, value) ->
                Code.primary("$T.$L($L, $L)", CONSTRAINT_FUNCTIONS, method, value, text));
    }

    private Code pathTest(Expr.PathTest test, CodeBlock owner) {
        return atPath(test.path(), owner, (member, value) -> {
            if (member.kind() == ValueKind.BOOLEAN) {
                return isTrue(value, member.javaType());
            }
            return member.toMany() ? hasElement(value) : notNull(value);
        });
    }

    private Code tokenTest(Expr.TokenTest test) {
        TokenMeaning meaning = checked.token(test.token());
        if (meaning.kind() == TokenMeaning.Kind.USER_ROLE) {
            return Code.primary("$L.hasUserRole($S)", contextVar, meaning.name());
        }
        return isTrue(tokenValue(meaning, List.of(), null).block, TypeName.BOOLEAN.box());
    }

    private Code comparison(Comparison c, CodeBlock owner) {
        return atPath(c.left(), owner, (pathMember, pathValue) -> {
            // A function's value is compared as a member of its own, an Integer that is null when the member is.
            MemberShape member = c.function() == null ? pathMember : FunctionValues.shape(c.function());
            CodeBlock value = c.function() == null ? pathValue : functionValue(c.function(), pathMember, pathValue);
            return compareWith(c, owner, member, value);
        });
    }

    /**
     * {@code string-length(x)} and the date parts as the runtime's null-safe functions compute them; the date parts of
     * an instant on the calendar of the context's zone.
     */
    private CodeBlock functionValue(Expr.ValueFunction function, MemberShape member, CodeBlock value) {
        if (!function.isDatePart()) {
            return CodeBlock.of("$T.length($L)", CONSTRAINT_FUNCTIONS, value);
        }
        Temporal temporal = JavaTypes.temporal(member.javaType());
        if (temporal == Temporal.LOCAL_DATE || temporal == Temporal.LOCAL_DATE_TIME) {
            return CodeBlock.of("$T.$L.of($L)", DATE_PART, function.datePart(), value);
        }
        return CodeBlock.of("$T.$L.of($L, $L.zone())", DATE_PART, function.datePart(), value, contextVar);
    }

    /** The comparison {@code c} of {@code member}'s {@code value} (or of a function's value) with its right side. */
    private Code compareWith(Comparison c, CodeBlock owner, MemberShape member, CodeBlock value) {
        return c.right().accept(new OperandVisitor<Code, Void>() {
            @Override
            public Code visitString(Operand.StringLiteral literal, Void unused) {
                if (member.kind() == ValueKind.BOOLEAN) {
                    return booleanLiteral(c.op(), member, value, ConstraintChecker.quotedBoolean(literal));
                }
                if (member.kind() == ValueKind.ENUM) {
                    return compare(c.op(), member, value, new Value(CodeBlock.of("$T.$L", member.javaType(),
                            literal.value()), member.javaType(), false));
                }
                return compare(c.op(), member, value, new Value(javaString(literal.value()), JavaTypes.STRING, false));
            }

            @Override
            public Code visitNumber(Operand.NumberLiteral literal, Void unused) {
                return compare(c.op(), member, value, number(member.javaType(), literal));
            }

            @Override
            public Code visitBoolean(Operand.BooleanLiteral literal, Void unused) {
                return booleanLiteral(c.op(), member, value, literal.value());
            }

            @Override
            public Code visitEmpty(Operand.EmptyLiteral literal, Void unused) {
                return emptyTest(c.op(), member, value);
            }

            @Override
            public Code visitToken(Operand.TokenRef token, Void unused) {
                TokenMeaning meaning = checked.token(token);
                if (meaning.kind() == TokenMeaning.Kind.CURRENT_USER) {
                    return currentUser(c.op(), member, value);
                }
                return compare(c.op(), member, value, new Value(tokenValue(meaning, List.of(), member.javaType()).block,
                        tokenType(meaning, member.javaType()), false));
            }

            @Override
            public Code visitDateArithmetic(Operand.DateArithmetic arithmetic, Void unused) {
                TokenMeaning meaning = checked.token(arithmetic.base());
                return compare(c.op(), member, value, new Value(tokenValue(meaning, arithmetic.offsets(),
                        member.javaType()).block, tokenType(meaning, member.javaType()), false));
            }

            @Override
            public Code visitPath(Operand.PathOperand path, Void unused) {
                return atPath(path.path(), owner, (otherMember, otherValue) ->
                        compareMembers(c.op(), member, value, otherMember, otherValue));
            }
        }, null);
    }

    /** {@code member}'s value compared with a value that is not a member. */
    private Code compare(Op op, MemberShape member, CodeBlock value, Value other) {
        return compare(op, member.kind(), new Value(value, member.javaType(), nullable(member.javaType())), other);
    }

    private Code booleanLiteral(Op op, MemberShape member, CodeBlock value, boolean literal) {
        if (JavaTypes.isPrimitive(member.javaType())) {
            Code plain = Code.primary("$L", value);
            return (op == Op.EQ) == literal ? plain : not(plain);
        }
        Code test = isValue(value, literal);
        return op == Op.EQ ? test : not(test);
    }

    // ------------------------------------------------------------------------------------------------- paths

    /** A condition on the member a path ends at, given the expression that reads that member. */
    private interface Leaf {
        Code at(MemberShape member, CodeBlock value);
    }

    /**
     * Walks {@code path} from {@code start}: through a to-one association only when it is set, through
     * a to-many association into some non-null element; then applies {@code leaf} to the last member.
     */
    private Code atPath(Path path, CodeBlock start, Leaf leaf) {
        List<MemberShape> members = checked.members(path);
        MemberShape last = members.get(members.size() - 1);
        return walk(members, 0, start, owner -> leaf.at(last, read(owner, last)));
    }

    private Code walk(List<MemberShape> members, int index, CodeBlock owner, Function<CodeBlock, Code> leaf) {
        if (index == members.size() - 1) {
            return leaf.apply(owner);
        }
        MemberShape association = members.get(index);
        CodeBlock value = read(owner, association);
        if (!association.toMany()) {
            return and(notNull(value), walk(members, index + 1, value, leaf));
        }
        String element = newLambdaVariable(association.targetEntity());
        try {
            CodeBlock elementRef = CodeBlock.of("$L", element);
            Code some = and(notNull(elementRef), walk(members, index + 1, elementRef, leaf));
            return and(notNull(value), Code.primary("$L.stream().anyMatch($L -> $L)", value, element, some.block));
        } finally {
            namesInScope.remove(element);
        }
    }

    private static CodeBlock read(CodeBlock owner, MemberShape member) {
        Optional<Reversed> reversed = Reversed.of(member);
        if (reversed.isPresent()) {
            // No database at hand: the objects that hold this one cannot be found from it, so the rule fails.
            return CodeBlock.of("$T.<$T>reversed($S, $L)", CONSTRAINT_FUNCTIONS,
                    ClassName.bestGuess(reversed.get().declaringEntity()), reversed.get().text(), owner);
        }
        if (member.embeddedIn() != null) {
            // address/city: a null embeddable (as Hibernate loads one whose columns are all NULL) has null values
            CodeBlock embeddable = CodeBlock.of("$L.$L()", owner, member.embeddedIn().accessor());
            return CodeBlock.of("($L == null ? null : $L.$L())", embeddable, embeddable, member.accessor());
        }
        return CodeBlock.of("$L.$L()", owner, member.accessor());
    }

    private String newLambdaVariable(String entity) {
        String simple = env.entities().find(entity).map(EntityShape::simpleName)
                .orElse(JavaTypes.simpleName(entity));
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

    // ----------------------------------------------------------------------------------------- comparisons

    /** A value to compare: its expression, its Java type, and whether it can be null. */
    private record Value(CodeBlock code, TypeName type, boolean nullable) {}

    /** How two values of a type are compared. */
    private enum Strategy {
        /** Primitives and their boxes: Java's operators (after unboxing). */
        OPERATOR,
        /** Enums: {@code ==}. */
        REFERENCE,
        /** Strings and other types: {@code Objects.equals}, order by {@code compareTo}. */
        EQUALS,
        /** BigDecimal, BigInteger, Instant, LocalDate(Time), Date: {@code compareTo} for both. */
        COMPARE_TO,
        /** OffsetDateTime, ZonedDateTime: {@code isEqual}, {@code isBefore}, {@code isAfter} (by instant). */
        CHRONO
    }

    private static Strategy strategy(ValueKind kind, TypeName a, TypeName b) {
        if (JavaTypes.isPrimitiveLike(a) && JavaTypes.isPrimitiveLike(b)) {
            return Strategy.OPERATOR;
        }
        if (kind == ValueKind.ENUM) {
            return Strategy.REFERENCE;
        }
        Temporal temporal = JavaTypes.temporal(a);
        if (temporal == Temporal.OFFSET_DATE_TIME || temporal == Temporal.ZONED_DATE_TIME) {
            return Strategy.CHRONO;
        }
        TypeName boxed = JavaTypes.boxed(a);
        if (kind == ValueKind.TEMPORAL || boxed.equals(JavaTypes.BIG_DECIMAL) || boxed.equals(JavaTypes.BIG_INTEGER)) {
            return Strategy.COMPARE_TO;
        }
        return Strategy.EQUALS;
    }

    private Code compare(Op op, ValueKind kind, Value a, Value b) {
        Strategy strategy = strategy(kind, a.type(), b.type());
        if (op.isOrdering()) {
            return and(nullGuard(a), nullGuard(b), order(strategy, op, a, b));
        }
        boolean eq = op == Op.EQ;
        switch (strategy) {
            case REFERENCE:
                return Code.relational(eq ? "$L == $L" : "$L != $L", a.code(), b.code());
            case EQUALS:
                return equalsCall(eq, a.code(), b.code());
            case OPERATOR:
                if (!a.nullable() && !b.nullable()) {
                    return Code.relational(eq ? "$L == $L" : "$L != $L", operatorLeft(a, b), b.code());
                }
                // Double.equals and Float.equals are not equality of numbers (-0.0 is not 0.0): those use ==.
                if (a.nullable() && b.nullable() && JavaTypes.sameBoxedType(a.type(), b.type())
                        && !isFloatingPoint(a.type())) {
                    return equalsCall(eq, a.code(), b.code());
                }
                break;
            default:
                break;
        }
        Code same = sameValue(strategy, a, b);
        Code different = not(same);
        if (strategy == Strategy.OPERATOR) {
            different = Code.relational("$L != $L", operatorLeft(a, b), b.code());
        } else if (strategy == Strategy.COMPARE_TO) {
            different = Code.relational("$L.compareTo($L) != 0", a.code(), b.code());
        }
        if (a.nullable() && b.nullable()) {
            // Both empty counts as equal.
            Code equal = Code.primary("($L == null ? $L == null : $L)", a.code(), b.code(),
                    and(notNull(b.code()), same).block);
            return eq ? equal : not(equal);
        }
        Value nullableSide = a.nullable() ? a : b.nullable() ? b : null;
        if (nullableSide == null) {
            return eq ? same : different;
        }
        return eq ? and(notNull(nullableSide.code()), same) : or(isNull(nullableSide.code()), different);
    }

    /** The test that two non-null values are equal. */
    private Code sameValue(Strategy strategy, Value a, Value b) {
        switch (strategy) {
            case OPERATOR:
                return Code.relational("$L == $L", operatorLeft(a, b), b.code());
            case CHRONO:
                return Code.primary("$L.isEqual($L)", a.code(), b.code());
            default:
                return Code.relational("$L.compareTo($L) == 0", a.code(), b.code());
        }
    }

    /** The ordering test of two non-null values. */
    private Code order(Strategy strategy, Op op, Value a, Value b) {
        switch (strategy) {
            case OPERATOR:
                return Code.relational("$L $L $L", widened(a.code(), a, b), op.symbol(), b.code());
            case CHRONO:
                switch (op) {
                    case LT:
                        return Code.primary("$L.isBefore($L)", a.code(), b.code());
                    case LE:
                        return not(Code.primary("$L.isAfter($L)", a.code(), b.code()));
                    case GT:
                        return Code.primary("$L.isAfter($L)", a.code(), b.code());
                    default:
                        return not(Code.primary("$L.isBefore($L)", a.code(), b.code()));
                }
            default:
                return Code.relational("$L.compareTo($L) $L 0", a.code(), b.code(), op.symbol());
        }
    }

    /**
     * The left operand of {@code ==} or {@code !=}: unboxed when both sides are boxes, so that it compares values,
     * not references; widened to double against a float (see {@link #widened}).
     */
    private static CodeBlock operatorLeft(Value a, Value b) {
        return widened(unboxedIfBoth(a, b), a, b);
    }

    /**
     * {@code left} cast to double when one side is a float and the other an integer: Java would compare them as
     * floats, where 16777217 equals 16777216, but numbers compare by value (as in SQL), and double holds both exactly
     * (a long beyond 2^53 rounds as it would against a double).
     */
    private static CodeBlock widened(CodeBlock left, Value a, Value b) {
        return floatWithInteger(a.type(), b.type()) || floatWithInteger(b.type(), a.type())
                ? CodeBlock.of("(double) $L", left)
                : left;
    }

    private static boolean isFloatingPoint(TypeName type) {
        TypeName primitive = JavaTypes.primitive(type);
        return TypeName.DOUBLE.equals(primitive) || TypeName.FLOAT.equals(primitive);
    }

    private static boolean floatWithInteger(TypeName floatType, TypeName integerType) {
        TypeName f = JavaTypes.primitive(floatType);
        TypeName i = JavaTypes.primitive(integerType);
        return TypeName.FLOAT.equals(f) && (TypeName.INT.equals(i) || TypeName.LONG.equals(i)
                || TypeName.SHORT.equals(i) || TypeName.BYTE.equals(i));
    }

    /** {@code a} unboxed when both sides are boxes, so that {@code ==} compares values, not references. */
    private static CodeBlock unboxedIfBoth(Value a, Value b) {
        if (JavaTypes.isPrimitive(a.type()) || JavaTypes.isPrimitive(b.type())) {
            return a.code();
        }
        return CodeBlock.of("$L.$LValue()", a.code(), JavaTypes.primitive(a.type()));
    }

    private Code compareMembers(Op op, MemberShape member, CodeBlock value, MemberShape other, CodeBlock otherValue) {
        if (member.isAssociation()) {
            Code same = sameObject(member, value, otherValue);
            return op == Op.EQ ? same : not(same);
        }
        return compare(op, member.kind(), new Value(value, member.javaType(), nullable(member.javaType())),
                new Value(otherValue, other.javaType(), nullable(other.javaType())));
    }

    /** Two to-one association values denote the same object: both unset, or the same id (or equal objects). */
    private Code sameObject(MemberShape association, CodeBlock a, CodeBlock b) {
        MemberShape id = env.entities().find(association.targetEntity()).flatMap(EntityShape::id).orElse(null);
        if (id == null) {
            return equalsCall(true, a, b);
        }
        Code sameId = compare(Op.EQ, id.kind(), new Value(read(a, id), id.javaType(), nullable(id.javaType())),
                new Value(read(b, id), id.javaType(), nullable(id.javaType())));
        return Code.primary("($L == null ? $L == null : $L)", a, b, and(notNull(b), sameId).block);
    }

    private Code emptyTest(Op op, MemberShape member, CodeBlock value) {
        boolean eq = op == Op.EQ;
        if (member.toMany()) {
            Code some = hasElement(value);
            return eq ? not(some) : some;
        }
        if (JavaTypes.isPrimitive(member.javaType())) {
            return eq ? Code.FALSE : Code.TRUE;
        }
        return eq ? isNull(value) : notNull(value);
    }

    private Code hasElement(CodeBlock collection) {
        return and(notNull(collection), Code.primary("$L.stream().anyMatch($T::nonNull)", collection, OBJECTS));
    }

    private Code currentUser(Op op, MemberShape member, CodeBlock value) {
        if (member.isAssociation()) {
            MemberShape id = env.entities().find(member.targetEntity()).flatMap(EntityShape::id)
                    .orElseThrow(() -> new IllegalStateException("checked constraint without an id for " + member));
            CodeBlock idValue = read(value, id);
            return op == Op.EQ
                    ? and(notNull(value), isCurrentUser(idValue, id.javaType()))
                    : or(isNull(value), not(equalsCall(true, idValue, currentUserId())));
        }
        return op == Op.EQ ? isCurrentUser(value, member.javaType()) : not(equalsCall(true, value, currentUserId()));
    }

    /** The value is the current user's id; never true for a null value (or no current user). */
    private Code isCurrentUser(CodeBlock value, TypeName type) {
        if (JavaTypes.isPrimitive(type)) {
            return equalsCall(true, value, currentUserId());
        }
        return and(notNull(value), Code.primary("$L.equals($L)", value, currentUserId()));
    }

    private CodeBlock currentUserId() {
        return CodeBlock.of("$L.currentUserId()", contextVar);
    }

    private Code isTrue(CodeBlock value, TypeName type) {
        return JavaTypes.isPrimitive(type) ? Code.primary("$L", value) : isValue(value, true);
    }

    private static Code isValue(CodeBlock value, boolean which) {
        return Code.primary("$T.$L.equals($L)", ClassName.get("java.lang", "Boolean"), which ? "TRUE" : "FALSE", value);
    }

    // --------------------------------------------------------------------------------------- literals, tokens

    private Value number(TypeName type, Operand.NumberLiteral literal) {
        TypeName primitive = JavaTypes.primitive(type);
        if (primitive == null) {
            TypeName boxed = JavaTypes.boxed(type);
            return new Value(CodeBlock.of("$L", constant(boxed, literal.text())), boxed, false);
        }
        BigDecimal value = literal.value();
        String text;
        if (primitive.equals(TypeName.DOUBLE)) {
            text = Double.toString(value.doubleValue());
        } else if (primitive.equals(TypeName.FLOAT)) {
            text = Float.toString(value.floatValue()) + "F";
        } else if (primitive.equals(TypeName.LONG)) {
            text = value.toBigIntegerExact().toString() + "L";
        } else {
            text = value.toBigIntegerExact().toString();
        }
        return new Value(CodeBlock.of("$L", text), primitive, false);
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
     * The token's value; for a date-time token, with the periods of date arithmetic added on the calendar of the
     * token's zone ({@code ZonedDateTime.minusDays}, ...) and converted to {@code memberType}.
     */
    private Code tokenValue(TokenMeaning meaning, List<Operand.Offset> offsets, TypeName memberType) {
        switch (meaning.kind()) {
            case USER_ROLE:
                return Code.primary("$L.hasUserRole($S)", contextVar, meaning.name());
            case CUSTOM:
                return Code.primary("$L.token($S, $T.class)", contextVar, meaning.name(),
                        JavaTypes.classLiteralType(meaning.custom().javaType()));
            case DATE_TIME:
                break;
            default:
                throw new IllegalStateException(meaning.display() + " has no value of its own");
        }
        CodeBlock.Builder time = CodeBlock.builder();
        if (meaning.name().equals("CurrentDateTime")) {
            time.add("$L.now()", contextVar);
        } else {
            time.add("$L.dateTime($T.$L)", contextVar, TIME_TOKEN, meaning.timeTokenConstant());
        }
        for (Operand.Offset offset : offsets) {
            TokenMeaning period = checked.token(offset.period());
            time.add(".$L$L($L)", offset.minus() ? "minus" : "plus", period.period().javaUnit(), offset.factor());
        }
        CodeBlock zoned = time.build();
        Temporal temporal = JavaTypes.temporal(memberType);
        switch (temporal) {
            case INSTANT:
                return Code.primary("$L.toInstant()", zoned);
            case LOCAL_DATE_TIME:
                return Code.primary("$L.toLocalDateTime()", zoned);
            case LOCAL_DATE:
                return Code.primary("$L.toLocalDate()", zoned);
            case OFFSET_DATE_TIME:
                return Code.primary("$L.toOffsetDateTime()", zoned);
            case DATE:
                return Code.primary("$T.from($L.toInstant())", JavaTypes.DATE, zoned);
            default:
                return Code.primary("$L", zoned);
        }
    }

    private static TypeName tokenType(TokenMeaning meaning, TypeName memberType) {
        switch (meaning.kind()) {
            case USER_ROLE:
                return TypeName.BOOLEAN;
            case CUSTOM:
                return JavaTypes.boxed(meaning.custom().javaType());
            default:
                return JavaTypes.boxed(memberType);
        }
    }

    /**
     * A Java string literal; characters that are not printable ASCII are kept as they are, except controls,
     * formatting characters and lone surrogates, which become {@code \\uXXXX} escapes so that the source file
     * stays valid UTF-8 and readable.
     */
    static CodeBlock javaString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    continue;
                case '\\':
                    out.append("\\\\");
                    continue;
                case '\n':
                    out.append("\\n");
                    continue;
                case '\t':
                    out.append("\\t");
                    continue;
                case '\r':
                    out.append("\\r");
                    continue;
                default:
                    break;
            }
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            int type = Character.getType(c);
            boolean escape = c < 0x20 || c == 0x7f || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE || (Character.isSurrogate(c) && !pairedSurrogate);
            if (escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return CodeBlock.of("$L", out.append('"'));
    }

    // ------------------------------------------------------------------------------------ expression building

    private static boolean nullable(TypeName type) {
        return !JavaTypes.isPrimitive(type);
    }

    private static Code nullGuard(Value v) {
        return v.nullable() ? notNull(v.code()) : Code.TRUE;
    }

    private static Code notNull(CodeBlock value) {
        return Code.relational("$L != null", value);
    }

    private static Code isNull(CodeBlock value) {
        return Code.relational("$L == null", value);
    }

    private static Code equalsCall(boolean eq, CodeBlock a, CodeBlock b) {
        Code call = Code.primary("$T.equals($L, $L)", OBJECTS, a, b);
        return eq ? call : not(call);
    }

    /** Java precedence of a generated expression, to parenthesize only where needed (and around mixed &&/||). */
    private enum Prec { PRIMARY, UNARY, RELATIONAL, AND, OR }

    private static final class Code {
        static final Code TRUE = new Code(CodeBlock.of("true"), Prec.PRIMARY);
        static final Code FALSE = new Code(CodeBlock.of("false"), Prec.PRIMARY);

        final CodeBlock block;
        final Prec prec;
        /** For an and/or of several operands: the same code with a line break before each operator. */
        final CodeBlock lines;

        Code(CodeBlock block, Prec prec) {
            this(block, prec, null);
        }

        Code(CodeBlock block, Prec prec, CodeBlock lines) {
            this.block = block;
            this.prec = prec;
            this.lines = lines;
        }

        static Code primary(String format, Object... args) {
            return new Code(CodeBlock.of(format, args), Prec.PRIMARY);
        }

        static Code relational(String format, Object... args) {
            return new Code(CodeBlock.of(format, args), Prec.RELATIONAL);
        }

        CodeBlock parenthesizedAbove(Prec max) {
            return prec.compareTo(max) > 0 ? CodeBlock.of("($L)", block) : block;
        }
    }

    private static Code and(Code... parts) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (Code part : parts) {
            if (part == Code.FALSE) {
                return Code.FALSE;
            }
            if (part != Code.TRUE) {
                blocks.add(part.parenthesizedAbove(Prec.AND));
            }
        }
        return join(blocks, "&&", Prec.AND, parts);
    }

    private static Code or(Code... parts) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (Code part : parts) {
            if (part == Code.TRUE) {
                return Code.TRUE;
            }
            if (part != Code.FALSE) {
                // && binds tighter than ||, but parentheses make the grouping obvious to a reader.
                blocks.add(part.parenthesizedAbove(Prec.RELATIONAL));
            }
        }
        return join(blocks, "||", Prec.OR, parts);
    }

    /** The same code, with a line break before each top-level operator of an and/or of several operands. */
    private static Code onLines(Code code) {
        return code.lines == null ? code : new Code(code.lines, code.prec);
    }

    private static Code join(List<CodeBlock> blocks, String operator, Prec prec, Code[] parts) {
        if (blocks.isEmpty()) {
            return operator.equals("&&") ? Code.TRUE : Code.FALSE;
        }
        if (blocks.size() == 1) {
            for (Code part : parts) {
                if (part != Code.TRUE && part != Code.FALSE) {
                    return part;
                }
            }
        }
        CodeBlock.Builder inline = CodeBlock.builder();
        CodeBlock.Builder lines = CodeBlock.builder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                inline.add(" $L ", operator);
                lines.add("\n$L ", operator);
            }
            inline.add("$L", blocks.get(i));
            lines.add("$L", blocks.get(i));
        }
        return new Code(inline.build(), prec, lines.build());
    }

    private static Code not(Code code) {
        if (code == Code.TRUE) {
            return Code.FALSE;
        }
        if (code == Code.FALSE) {
            return Code.TRUE;
        }
        return new Code(CodeBlock.of("!$L", code.parenthesizedAbove(Prec.PRIMARY)), Prec.UNARY);
    }
}
