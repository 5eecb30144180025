package dev.warden.processor.constraint;

import static dev.warden.processor.constraint.JavaTypes.display;
import static dev.warden.processor.constraint.JavaTypes.withArticle;

import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.ConstraintProblem.Kind;
import dev.warden.processor.constraint.Expr.Comparison;
import dev.warden.processor.constraint.Operand.TokenRef;
import dev.warden.processor.names.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Type-checks a parsed constraint against the entity it is written on (security-model.md §3): every path
 * must lead through associations to an existing, stored member; every literal and token must fit the member
 * it is compared with. Reports every problem it finds, each at its exact position.
 */
public final class ConstraintChecker {

    private final EntityShape root;
    private final ConstraintEnvironment env;
    private final List<ConstraintProblem> problems = new ArrayList<>();
    private final IdentityHashMap<Path, List<MemberShape>> paths = new IdentityHashMap<>();
    private final IdentityHashMap<TokenRef, TokenMeaning> tokens = new IdentityHashMap<>();
    private final Set<String> rootMembers = new LinkedHashSet<>();
    private final Set<String> customTokens = new LinkedHashSet<>();

    private ConstraintChecker(EntityShape root, ConstraintEnvironment env) {
        this.root = root;
        this.env = env;
    }

    /** Checks {@code expression}, a constraint written on {@code root}. */
    public static CheckResult check(Expr expression, EntityShape root, ConstraintEnvironment env) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(env, "env");
        ConstraintChecker checker = new ConstraintChecker(root, env);
        expression.accept(checker.conditions, new Scope(root, true));
        if (!checker.problems.isEmpty()) {
            return new CheckResult(checker.problems, Optional.empty());
        }
        return new CheckResult(List.of(), Optional.of(new CheckedConstraint(expression, root, env, checker.paths,
                checker.tokens, checker.rootMembers, checker.customTokens)));
    }

    /**
     * Checks a parse result: its syntax problems if it has any, else the problems of its tree. A blank
     * constraint (no constraint at all) cannot be checked; the caller handles it.
     */
    public static CheckResult check(ParseResult parsed, EntityShape root, ConstraintEnvironment env) {
        if (parsed.hasProblems()) {
            return new CheckResult(parsed.problems(), Optional.empty());
        }
        Expr expression = parsed.expression()
                .orElseThrow(() -> new IllegalArgumentException("a blank constraint is no constraint; there is nothing to check"));
        return check(expression, root, env);
    }

    // ---------------------------------------------------------------------------------------------- conditions

    /**
     * Where paths start: the entity, and whether it is the root (not the associated entity of a sub-constraint), whose
     * first members are the {@link CheckedConstraint#rootMembers()}.
     */
    private record Scope(EntityShape entity, boolean root) {}

    /** Checks each kind of condition, in the scope its paths start in. */
    private final ExprVisitor<Void, Scope> conditions = new ExprVisitor<>() {
        @Override
        public Void visitOr(Expr.Or or, Scope scope) {
            or.operands().forEach(operand -> operand.accept(this, scope));
            return null;
        }

        @Override
        public Void visitAnd(Expr.And and, Scope scope) {
            and.operands().forEach(operand -> operand.accept(this, scope));
            return null;
        }

        @Override
        public Void visitNot(Expr.Not not, Scope scope) {
            return not.operand().accept(this, scope);
        }

        @Override
        public Void visitComparison(Comparison comparison, Scope scope) {
            comparison(comparison, scope);
            return null;
        }

        @Override
        public Void visitFunctionCall(Expr.FunctionCall call, Scope scope) {
            functionCall(call, scope);
            return null;
        }

        @Override
        public Void visitPathTest(Expr.PathTest test, Scope scope) {
            pathTest(test, scope);
            return null;
        }

        @Override
        public Void visitTokenTest(Expr.TokenTest test, Scope scope) {
            tokenTest(test);
            return null;
        }

        @Override
        public Void visitBooleanConstant(Expr.BooleanConstant constant, Scope scope) {
            return null;
        }

        @Override
        public Void visitPredicate(Expr.Predicate predicate, Scope scope) {
            EntityShape target = predicateTarget(predicate, scope);
            if (target != null) {
                predicate.condition().accept(this, new Scope(target, false));
            }
            return null;
        }
    };

    /**
     * The entity a sub-constraint's condition is about: the target of the association its path ends at; null after
     * reporting that the path does not resolve, does not end at an association, or leads to an unknown entity.
     */
    private EntityShape predicateTarget(Expr.Predicate predicate, Scope scope) {
        List<MemberShape> members = resolve(predicate.path(), scope);
        if (members == null) {
            return null;
        }
        MemberShape member = last(members);
        if (!member.isAssociation()) {
            report(Kind.NOT_AN_ASSOCIATION, predicate.path().span(), "a sub-constraint is a condition on an "
                    + "association's objects, but " + describe(predicate.path(), member),
                    "put the conditions on '" + predicate.path().text() + "' itself in the outer brackets, or "
                            + "follow an association, as in customer[name = 'x']");
            return null;
        }
        Optional<EntityShape> target = env.entities().find(member.targetEntity());
        if (target.isEmpty()) {
            report(Kind.UNKNOWN_MEMBER, predicate.path().last().span(), "cannot find the members of "
                    + member.targetEntity() + ", the entity '" + member.name() + "' leads to",
                    "is " + JavaTypes.simpleName(member.targetEntity()) + " a @SecuredEntity?");
            return null;
        }
        return target.get();
    }

    private void functionCall(Expr.FunctionCall call, Scope scope) {
        List<MemberShape> members = resolve(call.path(), scope);
        if (members == null) {
            return;
        }
        MemberShape member = last(members);
        if (member.kind() != ValueKind.STRING) {
            report(Kind.TYPE_MISMATCH, call.path().span(),
                    call.function().keyword() + "() needs a String attribute but " + describe(call.path(), member),
                    null);
        }
    }

    private void pathTest(Expr.PathTest test, Scope scope) {
        List<MemberShape> members = resolve(test.path(), scope);
        if (members == null) {
            return;
        }
        MemberShape member = last(members);
        if (member.kind() != ValueKind.ASSOCIATION && member.kind() != ValueKind.BOOLEAN) {
            String path = test.path().text();
            report(Kind.TYPE_MISMATCH, test.path().span(),
                    "a member alone is a condition only when it is an association or a boolean, but "
                            + describe(test.path(), member),
                    "to test that it has a value, write " + path + " != empty");
        }
    }

    private void tokenTest(Expr.TokenTest test) {
        TokenMeaning meaning = token(test.token());
        if (meaning != null && meaning.valueKind(env) != ValueKind.BOOLEAN) {
            report(Kind.TYPE_MISMATCH, test.span(),
                    "a token alone is a condition only when it is a boolean, but " + meaning.display() + " is "
                            + tokenTypeDescription(meaning),
                    meaning.kind() == TokenMeaning.Kind.CURRENT_USER
                            ? "compare it with a member, as in [owner = '[%CurrentUser%]']"
                            : "compare it with a member");
        }
    }

    private void comparison(Comparison c, Scope scope) {
        List<MemberShape> left = resolve(c.left(), scope);
        Right right = c.right().accept(resolveRight, scope);
        if (left == null || !right.resolved()) {
            return;
        }
        MemberShape member = last(left);
        if (c.function() != null) {
            if (!appliesTo(c, member)) {
                return;
            }
            member = FunctionValues.shape(c.function());
        }
        if (member.isAssociation() && member.toMany()) {
            toManyComparison(c, member);
            return;
        }
        if (right.path() != null) {
            MemberShape other = last(right.path());
            Path path = ((Operand.PathOperand) c.right()).path();
            if (other.isAssociation() && other.toMany()) {
                report(Kind.AMBIGUOUS_TO_MANY, c.span(), "'" + path.text() + "' is a to-many association ("
                        + display(other.javaType()) + "), so it cannot be compared with '" + c.leftText() + "'",
                        toManyHint(path.text()));
                return;
            }
            if (throughToMany(left) && throughToMany(right.path())) {
                report(Kind.AMBIGUOUS_TO_MANY, c.span(), "both sides of '" + c.op().symbol()
                        + "' go through a to-many association, so it is not clear which elements to compare",
                        "compare each side with a value, or compare an attribute reached through one to-many "
                                + "association with a member of this entity");
                return;
            }
        }
        if (c.right() instanceof Operand.EmptyLiteral empty) {
            if (c.op().isOrdering()) {
                report(Kind.UNORDERED_COMPARISON, c.opSpan(), "'" + empty.keyword() + "' has no order, so it cannot be "
                        + "compared with '" + c.op().symbol() + "'", "test for a value with = " + empty.keyword()
                        + " or != " + empty.keyword());
            }
            return;
        }
        if (c.op().isOrdering() && !isOrdered(member.kind())) {
            report(Kind.UNORDERED_COMPARISON, c.opSpan(), "'" + c.op().symbol() + "' needs a value with an order, but "
                    + describe(c, member), "compare it with = or !=");
            return;
        }
        MemberShape compared = member;
        c.right().accept(new OperandVisitor<Void, Void>() {
            @Override
            public Void visitString(Operand.StringLiteral literal, Void unused) {
                stringLiteral(c, compared, literal);
                return null;
            }

            @Override
            public Void visitNumber(Operand.NumberLiteral literal, Void unused) {
                numberLiteral(c, compared, literal);
                return null;
            }

            @Override
            public Void visitBoolean(Operand.BooleanLiteral literal, Void unused) {
                if (compared.kind() != ValueKind.BOOLEAN) {
                    mismatch(c, compared, literal, literal.value() ? "true()" : "false()", null);
                }
                return null;
            }

            @Override
            public Void visitEmpty(Operand.EmptyLiteral literal, Void unused) {
                return null; // handled above: empty compares with every member
            }

            @Override
            public Void visitToken(TokenRef token, Void unused) {
                tokenOperand(c, compared, token, right.token());
                return null;
            }

            @Override
            public Void visitDateArithmetic(Operand.DateArithmetic arithmetic, Void unused) {
                dateTime(c, compared, arithmetic, right.token());
                return null;
            }

            @Override
            public Void visitPath(Operand.PathOperand path, Void unused) {
                pathOperand(c, compared, path.path(), last(right.path()));
                return null;
            }
        }, null);
    }

    /**
     * Whether {@code c}'s function applies to {@code member}, the member its path ends at: a length to a String, a date
     * part to a date and time it can take apart; reports why not.
     */
    private boolean appliesTo(Comparison c, MemberShape member) {
        Expr.ValueFunction function = c.function();
        String name = function.keyword() + "()";
        if (!function.isDatePart()) {
            if (member.kind() != ValueKind.STRING) {
                report(Kind.TYPE_MISMATCH, c.left().span(), name + " needs a String attribute but "
                        + describe(c.left(), member), null);
                return false;
            }
            return true;
        }
        JavaTypes.Temporal temporal = member.kind() == ValueKind.TEMPORAL ? JavaTypes.temporal(member.javaType()) : null;
        if (temporal == null) {
            report(Kind.TYPE_MISMATCH, c.left().span(), name + " needs a date and time but "
                    + describe(c.left(), member),
                    "take the parts of an Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or LocalDate member");
            return false;
        }
        if (temporal == JavaTypes.Temporal.DATE) {
            report(Kind.TYPE_MISMATCH, c.left().span(), name + " cannot take apart '" + c.left().text() + "', a "
                    + "java.util.Date: its column may hold a local or a zoned time, so SQL and Java could disagree",
                    "store the member as an Instant (or LocalDateTime, for a wall-clock time)");
            return false;
        }
        if (temporal == JavaTypes.Temporal.LOCAL_DATE && function.isTimeOfDay()) {
            report(Kind.TYPE_MISMATCH, c.left().span(), name + " needs a time of day but '" + c.left().text()
                    + "' is a LocalDate, which has none", "take the time of a LocalDateTime or Instant member");
            return false;
        }
        return true;
    }

    /**
     * The right-hand side of a comparison, resolved: the members of a path, or the meaning of a token; not
     * {@code resolved} after reporting why it does not resolve.
     */
    private record Right(boolean resolved, List<MemberShape> path, TokenMeaning token) {
        static final Right VALUE = new Right(true, null, null);
        static final Right UNRESOLVED = new Right(false, null, null);
    }

    /** Resolves the paths and tokens on the right of comparisons; literals need nothing. */
    private final OperandVisitor<Right, Scope> resolveRight = new OperandVisitor<>() {
        @Override
        public Right visitString(Operand.StringLiteral literal, Scope scope) {
            return Right.VALUE;
        }

        @Override
        public Right visitNumber(Operand.NumberLiteral literal, Scope scope) {
            return Right.VALUE;
        }

        @Override
        public Right visitBoolean(Operand.BooleanLiteral literal, Scope scope) {
            return Right.VALUE;
        }

        @Override
        public Right visitEmpty(Operand.EmptyLiteral literal, Scope scope) {
            return Right.VALUE;
        }

        @Override
        public Right visitToken(TokenRef token, Scope scope) {
            TokenMeaning meaning = token(token);
            return meaning == null ? Right.UNRESOLVED : new Right(true, null, meaning);
        }

        @Override
        public Right visitDateArithmetic(Operand.DateArithmetic arithmetic, Scope scope) {
            TokenMeaning base = dateArithmetic(arithmetic);
            return base == null ? Right.UNRESOLVED : new Right(true, null, base);
        }

        @Override
        public Right visitPath(Operand.PathOperand path, Scope scope) {
            List<MemberShape> members = resolve(path.path(), scope);
            return members == null ? Right.UNRESOLVED : new Right(true, members, null);
        }
    };

    private void toManyComparison(Comparison c, MemberShape member) {
        String path = c.leftText();
        if (c.right() instanceof Operand.EmptyLiteral empty) {
            if (c.op().isOrdering()) {
                report(Kind.UNORDERED_COMPARISON, c.opSpan(), "'" + empty.keyword() + "' has no order, so it cannot be "
                        + "compared with '" + c.op().symbol() + "'", "test the association with " + path + " or not("
                        + path + ")");
            }
            return;
        }
        report(Kind.AMBIGUOUS_TO_MANY, c.span(), "'" + path + "' is a to-many association ("
                + display(member.javaType()) + "), so it can only be compared with empty", toManyHint(path));
    }

    private static String toManyHint(String path) {
        return "compare an attribute reached through it (" + path + "/member = ...), or test the association "
                + "itself with " + path + " or not(" + path + ")";
    }

    private void stringLiteral(Comparison c, MemberShape member, Operand.StringLiteral literal) {
        if (member.kind() == ValueKind.STRING) {
            return;
        }
        if (member.kind() == ValueKind.BOOLEAN) {
            if (quotedBoolean(literal) == null) {
                boolean looksBoolean = literal.value().equalsIgnoreCase("true") || literal.value().equalsIgnoreCase("false");
                mismatch(c, member, literal, "the string " + ConstraintLexer.quote(literal.value()), looksBoolean
                        ? "write '" + literal.value().toLowerCase(java.util.Locale.ROOT) + "' or "
                                + literal.value().toLowerCase(java.util.Locale.ROOT) + "(), in lower case"
                        : null);
            }
            return;
        }
        if (member.kind() == ValueKind.ENUM) {
            if (!member.enumConstants().contains(literal.value())) {
                String type = display(member.javaType());
                report(Kind.UNKNOWN_ENUM_CONSTANT, literal.span(), ConstraintLexer.quote(literal.value())
                        + " is not a constant of " + type + ", the type of '" + c.leftText() + "'",
                        DidYouMean.closest(literal.value(), member.enumConstants())
                                .map(s -> "did you mean '" + s + "'?")
                                .orElse(listing("constants of " + type, member.enumConstants())));
            }
            return;
        }
        mismatch(c, member, literal, "the string " + ConstraintLexer.quote(literal.value()), null);
    }

    /**
     * The value of a quoted boolean, {@code 'true'} or {@code 'false'} as Mendix writes them next to {@code true()} and
     * {@code false()}; null for any other string. Only a boolean member takes them: for a String member they are text.
     */
    static Boolean quotedBoolean(Operand.StringLiteral literal) {
        return literal.value().equals("true") ? Boolean.TRUE : literal.value().equals("false") ? Boolean.FALSE : null;
    }

    private void numberLiteral(Comparison c, MemberShape member, Operand.NumberLiteral literal) {
        ValueKind kind = member.kind();
        String number = "the number " + ConstraintLexer.abbreviate(literal.text());
        if (kind != ValueKind.INTEGER && kind != ValueKind.DECIMAL) {
            String hint = kind == ValueKind.STRING ? "to compare with text, quote it: '" + literal.text() + "'" : null;
            mismatch(c, member, literal, number, hint);
            return;
        }
        if (kind == ValueKind.INTEGER && !literal.isWhole()) {
            mismatch(c, member, literal, "the decimal number " + ConstraintLexer.abbreviate(literal.text()),
                    "compare it with a whole number");
            return;
        }
        String problem = JavaTypes.literalProblem(member.javaType(), literal.value());
        if (problem == null) {
            return;
        }
        String what = isA(c, member);
        if (problem.equals("unsupported")) {
            report(Kind.TYPE_MISMATCH, literal.span(), what + ", which constraints cannot compare with a number",
                    "use a primitive number type, its box, BigInteger or BigDecimal");
        } else {
            report(Kind.TYPE_MISMATCH, literal.span(), what + " and " + number + " is " + problem + " for "
                    + withArticle(member.javaType()), null);
        }
    }

    private void tokenOperand(Comparison c, MemberShape member, TokenRef token, TokenMeaning meaning) {
        switch (meaning.kind()) {
            case CURRENT_USER:
                currentUser(c, member, meaning);
                return;
            case DATE_TIME:
                dateTime(c, member, token, meaning);
                return;
            case PERIOD:
                report(Kind.DATE_ARITHMETIC, token.span(), meaning.display() + " is a period, not a date and time: it can "
                        + "only be added to or subtracted from a date-time token",
                        "write it after a date-time token in one string, as in '[%CurrentDateTime%] - 1 * "
                                + meaning.display() + "'");
                return;
            case USER_ROLE:
                if (member.kind() != ValueKind.BOOLEAN) {
                    mismatch(c, member, token, meaning.display() + " (a boolean)", null);
                }
                return;
            case CUSTOM:
                TokenShape shape = meaning.custom();
                if (!compatible(member.kind(), member.javaType(), shape.kind(), shape.javaType())) {
                    report(Kind.TYPE_MISMATCH, token.span(), isA(c, member) + " but " + meaning.display() + " is "
                            + withArticle(shape.javaType()) + " (@AppSecurity tokens)", null);
                }
                return;
            default:
                throw new IllegalStateException("unknown token kind " + meaning.kind());
        }
    }

    /** A date-time token, alone or in date arithmetic ({@code operand}), compared with {@code member}. */
    private void dateTime(Comparison c, MemberShape member, Operand operand, TokenMeaning meaning) {
        if (member.kind() != ValueKind.TEMPORAL) {
            mismatch(c, member, operand, meaning.display() + " (a date and time)", null);
        } else if (JavaTypes.temporal(member.javaType()) == null) {
            report(Kind.TYPE_MISMATCH, operand.span(), isA(c, member) + ", which " + meaning.display()
                    + " cannot be converted to", "date-time tokens compare with Instant, LocalDateTime, LocalDate, "
                    + "OffsetDateTime, ZonedDateTime and java.util.Date members");
        }
    }

    /**
     * Resolves date arithmetic: its first token must be a date-time token and the others periods, and the offset
     * stays within {@link #MAX_OFFSET_YEARS} years. Returns the first token's meaning, or null after reporting.
     */
    private TokenMeaning dateArithmetic(Operand.DateArithmetic arithmetic) {
        TokenMeaning base = token(arithmetic.base());
        boolean ok = base != null;
        if (base != null && !base.isTemporal()) {
            report(Kind.DATE_ARITHMETIC, arithmetic.base().span(), "date arithmetic starts with a date-time token, but "
                    + base.display() + (base.kind() == TokenMeaning.Kind.PERIOD ? " is a period"
                            : " is " + tokenTypeDescription(base)),
                    "start with a date-time token, as in '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'");
            ok = false;
        }
        double seconds = 0;
        for (Operand.Offset offset : arithmetic.offsets()) {
            TokenMeaning period = token(offset.period());
            if (period == null) {
                ok = false;
            } else if (period.kind() != TokenMeaning.Kind.PERIOD) {
                report(Kind.DATE_ARITHMETIC, offset.period().span(), "only periods can be added to or subtracted from "
                        + "a date and time, but " + period.display() + " is "
                        + (period.isTemporal() ? "a date and time" : tokenTypeDescription(period)),
                        "add a period: " + PERIODS);
                ok = false;
            } else {
                seconds += (double) offset.factor() * period.period().averageSeconds();
            }
        }
        if (ok && seconds > MAX_OFFSET_YEARS * TokenMeaning.Period.YEAR.averageSeconds()) {
            report(Kind.DATE_ARITHMETIC, arithmetic.span(), "the periods add up to more than " + MAX_OFFSET_YEARS
                    + " years, beyond the dates a database stores", "use a smaller factor");
            ok = false;
        }
        return ok ? base : null;
    }

    /** The periods of date arithmetic together may span at most this many years. */
    static final long MAX_OFFSET_YEARS = 10_000;

    private static final String PERIODS = "[%SecondLength%], [%MinuteLength%], [%HourLength%], [%DayLength%], "
            + "[%WeekLength%], [%MonthLength%] or [%YearLength%]";

    private void currentUser(Comparison c, MemberShape member, TokenMeaning meaning) {
        if (c.op().isOrdering()) {
            report(Kind.UNORDERED_COMPARISON, c.opSpan(), meaning.display() + " can only be compared with = or !=",
                    null);
            return;
        }
        TypeName userIdType = env.userIdType();
        String userIdText = userIdType == null ? null
                : meaning.display() + " is " + withArticle(userIdType) + " (@AppSecurity userIdType)";
        if (member.isAssociation()) {
            Optional<EntityShape> target = env.entities().find(member.targetEntity());
            Optional<MemberShape> id = target.flatMap(EntityShape::id);
            String targetName = target.map(EntityShape::simpleName).orElse(JavaTypes.simpleName(member.targetEntity()));
            if (id.isEmpty()) {
                report(Kind.CURRENT_USER_TYPE, c.span(), "'" + c.leftText() + "' leads to " + targetName
                        + ", which has no id member to compare with " + meaning.display(),
                        "compare [%CurrentUser%] with an attribute that holds the user's id");
            } else if (userIdType != null && !JavaTypes.sameBoxedType(id.get().javaType(), userIdType)) {
                report(Kind.CURRENT_USER_TYPE, c.span(), "'" + c.leftText() + "' leads to " + targetName
                        + ", whose id '" + id.get().name() + "' is " + withArticle(id.get().javaType()) + ", but "
                        + userIdText, null);
            }
            return;
        }
        if (userIdType != null && !JavaTypes.sameBoxedType(member.javaType(), userIdType)) {
            report(Kind.CURRENT_USER_TYPE, c.span(), isA(c, member)
                    + " but " + userIdText,
                    "compare [%CurrentUser%] with a member of type " + display(userIdType)
                            + ", or change @AppSecurity(userIdType)");
        }
    }

    private void pathOperand(Comparison c, MemberShape member, Path path, MemberShape other) {
        boolean ok;
        if (member.isAssociation() || other.isAssociation()) {
            ok = member.isAssociation() && other.isAssociation()
                    && member.targetEntity().equals(other.targetEntity());
        } else {
            ok = compatible(member.kind(), member.javaType(), other.kind(), other.javaType());
        }
        if (!ok) {
            report(Kind.TYPE_MISMATCH, path.span(), isA(c, member)
                    + " but '" + path.text() + "' is " + withArticle(other.javaType()),
                    "compare members of the same type");
        }
    }

    /** Whether values of these kinds and types can be compared with each other. */
    private static boolean compatible(ValueKind a, TypeName aType, ValueKind b, TypeName bType) {
        boolean numeric = (a == ValueKind.INTEGER || a == ValueKind.DECIMAL) && (b == ValueKind.INTEGER || b == ValueKind.DECIMAL);
        if (numeric) {
            return JavaTypes.isPrimitiveLike(aType) && JavaTypes.isPrimitiveLike(bType)
                    || JavaTypes.sameBoxedType(aType, bType);
        }
        if (a != b) {
            return false;
        }
        return a == ValueKind.STRING || a == ValueKind.BOOLEAN || JavaTypes.sameBoxedType(aType, bType);
    }

    private static boolean isOrdered(ValueKind kind) {
        return kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL || kind == ValueKind.TEMPORAL
                || kind == ValueKind.STRING;
    }

    private void mismatch(Comparison c, MemberShape member, Operand operand, String what, String hint) {
        String fix = hint;
        if (fix == null) {
            fix = howToWrite(member);
        }
        report(Kind.TYPE_MISMATCH, operand.span(), describe(c, member) + ", which cannot be compared with "
                + what, fix);
    }

    private String howToWrite(MemberShape member) {
        switch (member.kind()) {
            case STRING:
                return "compare it with a string such as 'text'";
            case INTEGER:
                return "compare it with a whole number such as 42";
            case DECIMAL:
                return "compare it with a number such as 42 or 4.2";
            case BOOLEAN:
                return "compare it with true() or false() (or 'true' or 'false')";
            case ENUM:
                return "compare it with the name of a constant, such as '"
                        + (member.enumConstants().isEmpty() ? "CONSTANT" : member.enumConstants().get(0)) + "'";
            case TEMPORAL:
                return "compare it with [%CurrentDateTime%], [%BeginOfCurrentDay%] or [%EndOfCurrentDay%]";
            case ASSOCIATION:
                return "an association can be compared with empty, [%CurrentUser%] or another path to "
                        + JavaTypes.simpleName(member.targetEntity());
            default:
                return "compare it with empty, or with a token or member of the same type";
        }
    }

    // ------------------------------------------------------------------------------------------ paths, tokens

    /** The members along {@code path} from {@code scope}, or null after reporting why it does not resolve. */
    private List<MemberShape> resolve(Path path, Scope scope) {
        EntityShape entity = scope.entity();
        List<MemberShape> members = new ArrayList<>();
        List<Path.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            Path.Segment segment = segments.get(i);
            Optional<MemberShape> found = entity.member(segment.name());
            if (Reversed.argument(segment.name()).isPresent()) {
                found = reversed(segment, entity);
                if (found.isEmpty()) {
                    return null;
                }
            }
            if (found.isEmpty()) {
                List<String> names = entity.members().stream().map(MemberShape::name).collect(Collectors.toList());
                report(Kind.UNKNOWN_MEMBER, segment.span(), "'" + entity.simpleName() + "' has no member '"
                        + ConstraintLexer.abbreviate(segment.name()) + "'",
                        DidYouMean.closest(segment.name(), names).map(s -> "did you mean '" + s + "'?")
                                .orElse(listing("members of " + entity.simpleName(), names)));
                return null;
            }
            MemberShape member = found.get();
            if (member.calculated()) {
                report(Kind.CALCULATED_MEMBER, segment.span(), "'" + member.name() + "' of " + entity.simpleName()
                        + " is calculated, and constraints cannot use calculated members",
                        "constrain the stored members it is calculated from");
                return null;
            }
            members.add(member);
            if (i == 0 && scope.root() && Reversed.of(member).isEmpty()) {
                rootMembers.add(member.name());
            }
            if (i + 1 < segments.size() && member.isEmbedded()) {
                // address/city: an attribute of the embeddable, stored in the entity's own table; one member
                i++;
                Path.Segment next = segments.get(i);
                Optional<MemberShape> attribute = member.embeddedMember(next.name());
                if (attribute.isEmpty()) {
                    List<String> names = member.embedded().stream().map(MemberShape::name).collect(Collectors.toList());
                    report(Kind.UNKNOWN_MEMBER, next.span(), "'" + member.name() + "' of " + entity.simpleName()
                            + " is an embedded " + display(member.javaType()) + ", which has no member '"
                            + ConstraintLexer.abbreviate(next.name()) + "'",
                            DidYouMean.closest(next.name(), names).map(s -> "did you mean '" + s + "'?")
                                    .orElse(listing("members of " + display(member.javaType()), names)));
                    return null;
                }
                if (attribute.get().calculated()) {
                    report(Kind.CALCULATED_MEMBER, next.span(), "'" + attribute.get().name() + "' of "
                            + display(member.javaType()) + " is calculated, and constraints cannot use calculated "
                            + "members", "constrain the stored members it is calculated from");
                    return null;
                }
                MemberShape reached = member.reach(attribute.get());
                members.set(members.size() - 1, reached);
                member = reached;
            }
            if (i + 1 < segments.size()) {
                Path.Segment next = segments.get(i + 1);
                if (!member.isAssociation()) {
                    report(Kind.UNKNOWN_MEMBER, next.span(), "'" + member.name() + "' of " + entity.simpleName()
                            + " is " + withArticle(member.javaType()) + ", not an association, so it has no member '"
                            + ConstraintLexer.abbreviate(next.name()) + "'",
                            "only associations can be followed with '/'");
                    return null;
                }
                Optional<EntityShape> target = env.entities().find(member.targetEntity());
                if (target.isEmpty()) {
                    report(Kind.UNKNOWN_MEMBER, next.span(), "cannot find the members of " + member.targetEntity()
                            + ", the entity '" + member.name() + "' leads to",
                            "is " + JavaTypes.simpleName(member.targetEntity()) + " a @SecuredEntity?");
                    return null;
                }
                entity = target.get();
            }
        }
        List<MemberShape> resolved = List.copyOf(members);
        paths.put(path, resolved);
        return resolved;
    }

    /**
     * The synthetic member for {@code reversed(Owner.pets)} on {@code entity}, or empty after reporting why the
     * argument names no association of another entity that leads to {@code entity}.
     */
    private Optional<MemberShape> reversed(Path.Segment segment, EntityShape entity) {
        String argument = Reversed.argument(segment.name()).orElseThrow();
        String example = "reversed(Owner.pets)";
        int dot = argument.lastIndexOf('.');
        if (dot <= 0 || dot == argument.length() - 1) {
            report(Kind.REVERSED, segment.span(), "reversed() needs an association written as Entity.member, not '"
                    + ConstraintLexer.abbreviate(argument) + "'", "name the entity that declares the association "
                    + "and the association, as in " + example);
            return Optional.empty();
        }
        String entityName = argument.substring(0, dot);
        String memberName = argument.substring(dot + 1);
        Optional<EntityShape> declaring = env.entities().find(entityName);
        int pkg = entity.qualifiedName().lastIndexOf('.');
        if (declaring.isEmpty() && pkg > 0) {
            declaring = env.entities().find(entity.qualifiedName().substring(0, pkg + 1) + entityName);
        }
        if (declaring.isEmpty()) {
            report(Kind.REVERSED, segment.span(), "reversed() names '" + ConstraintLexer.abbreviate(entityName)
                    + "', which is not a secured entity", "write the simple name of a @SecuredEntity in the package of "
                    + entity.simpleName() + ", or its qualified name, as in " + example);
            return Optional.empty();
        }
        EntityShape owner = declaring.get();
        Optional<MemberShape> declared = owner.member(memberName);
        if (declared.isEmpty()) {
            List<String> names = owner.members().stream().filter(MemberShape::isAssociation)
                    .map(MemberShape::name).collect(Collectors.toList());
            report(Kind.REVERSED, segment.span(), "'" + owner.simpleName() + "' has no member '"
                    + ConstraintLexer.abbreviate(memberName) + "'",
                    DidYouMean.closest(memberName, names).map(n -> "did you mean '" + n + "'?")
                            .orElse(listing("associations of " + owner.simpleName(), names)));
            return Optional.empty();
        }
        MemberShape association = declared.get();
        if (!association.isAssociation() || !association.targetEntity().equals(entity.qualifiedName())) {
            report(Kind.REVERSED, segment.span(), "'" + owner.simpleName() + "." + memberName + "' is "
                    + (association.isAssociation() ? "an association to " + JavaTypes.simpleName(
                            association.targetEntity()) : "not an association") + ", so it cannot be followed back from "
                    + entity.simpleName(), "reversed() takes an association of another entity whose objects are "
                    + entity.simpleName() + ", as in " + example);
            return Optional.empty();
        }
        return Optional.of(new Reversed(owner.qualifiedName(), memberName).asMember(association));
    }

    /** What {@code token} means, or null after reporting that it is unknown. */
    private TokenMeaning token(TokenRef token) {
        String name = token.name();
        TokenMeaning meaning = null;
        Optional<TokenMeaning> builtIn = TokenMeaning.builtIn(name);
        if (builtIn.isPresent()) {
            meaning = builtIn.get();
        } else if (env.customTokens().containsKey(name)) {
            meaning = new TokenMeaning(TokenMeaning.Kind.CUSTOM, name, env.customTokens().get(name));
            customTokens.add(name);
        } else if (name.startsWith(TokenMeaning.USER_ROLE_PREFIX)
                && name.length() > TokenMeaning.USER_ROLE_PREFIX.length()) {
            String role = name.substring(TokenMeaning.USER_ROLE_PREFIX.length());
            if (env.userRoles() != null && !env.userRoles().contains(role)) {
                Set<String> roles = new TreeSet<>(env.userRoles());
                report(Kind.UNKNOWN_TOKEN, token.span(), "unknown user role '" + ConstraintLexer.abbreviate(role)
                        + "' in " + token.display(),
                        DidYouMean.closest(role, roles).map(s -> "did you mean [%" + TokenMeaning.USER_ROLE_PREFIX + s + "%]?")
                                .orElse(listing("user roles", roles)));
                return null;
            }
            meaning = new TokenMeaning(TokenMeaning.Kind.USER_ROLE, role, null);
        }
        if (meaning == null) {
            List<String> known = new ArrayList<>(TokenMeaning.BUILT_IN_NAMES);
            known.addAll(new TreeSet<>(env.customTokens().keySet()));
            if (env.userRoles() != null) {
                new TreeSet<>(env.userRoles()).forEach(r -> known.add(TokenMeaning.USER_ROLE_PREFIX + r));
            }
            // The date-time and period tokens summed up, so that the list keeps room for the application's own.
            List<String> shown = new ArrayList<>(List.of("[%CurrentUser%]", "[%CurrentDateTime%]",
                    "[%BeginOf...%] and [%EndOf...%] of CurrentMinute, CurrentHour, CurrentDay, Yesterday, Tomorrow, "
                            + "CurrentWeek, CurrentMonth and CurrentYear (also ...UTC)",
                    "[%DayLength%] and the other periods in date arithmetic"));
            known.subList(TokenMeaning.BUILT_IN_NAMES.size(), known.size()).forEach(k -> shown.add("[%" + k + "%]"));
            if (env.userRoles() == null) {
                shown.add("[%" + TokenMeaning.USER_ROLE_PREFIX + "<Name>%]");
            }
            report(Kind.UNKNOWN_TOKEN, token.span(), "unknown token " + ConstraintLexer.abbreviate(token.display()),
                    DidYouMean.closest(name, known).map(s -> "did you mean [%" + s + "%]?")
                            .orElse(listing("tokens", shown)));
            return null;
        }
        tokens.put(token, meaning);
        return meaning;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static MemberShape last(List<MemberShape> members) {
        return members.get(members.size() - 1);
    }

    private static boolean throughToMany(List<MemberShape> members) {
        return members.stream().anyMatch(MemberShape::toMany);
    }

    /** As {@link #describe(Path, MemberShape)}, or "'string-length(name)' is a whole number" for a function. */
    private static String describe(Comparison c, MemberShape member) {
        return c.function() == null ? describe(c.left(), member) : isA(c, member);
    }

    /** "'quantity' is an int", "'string-length(name)' is a whole number". */
    private static String isA(Comparison c, MemberShape member) {
        return "'" + c.leftText() + "' is " + (c.function() == null ? withArticle(member.javaType()) : "a whole number");
    }

    /** "'status' is an enum (OrderStatus)", "'customer' is an association to Customer", "'age' is an int". */
    private static String describe(Path path, MemberShape member) {
        String name = "'" + path.text() + "' is ";
        switch (member.kind()) {
            case ENUM:
                return name + "an enum (" + display(member.javaType()) + ")";
            case ASSOCIATION:
                return name + (member.toMany() ? "a to-many association to " : "an association to ")
                        + JavaTypes.simpleName(member.targetEntity());
            default:
                return name + withArticle(member.javaType());
        }
    }

    private String tokenTypeDescription(TokenMeaning meaning) {
        if (meaning.isTemporal()) {
            return "a date and time";
        }
        if (meaning.kind() == TokenMeaning.Kind.PERIOD) {
            return "a period";
        }
        TypeName type = meaning.javaType(env);
        return type == null ? "the current user's id" : withArticle(type);
    }

    private static String listing(String what, Collection<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        int limit = 12;
        String shown = names.stream().limit(limit).collect(Collectors.joining(", "));
        return what + ": " + shown + (names.size() > limit ? ", ..." : "");
    }

    private void report(Kind kind, Span span, String message, String hint) {
        problems.add(new ConstraintProblem(kind, span, message, hint));
    }
}
