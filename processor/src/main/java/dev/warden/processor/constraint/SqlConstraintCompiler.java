package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.Expr.Comparison;
import dev.warden.processor.constraint.Expr.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compiles a checked constraint to a SQL boolean expression for query filters (security-model.md §2–§4): the same
 * answer as {@link JavaConstraintCompiler}'s Java twin for the same data, with every value a bound parameter.
 *
 * <p>The SQL reads like SQL a person writes:
 * <pre>
 * [customer/accountManager = '[%CurrentUser%]']
 *   EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.account_manager_id = ?)
 * [lines/product/price &gt;= 10.50]
 *   EXISTS (SELECT 1 FROM order_line {a}_1 JOIN product {a}_2 ON {a}_2.id = {a}_1.product_id
 *           WHERE {a}_1.order_id = {a}.id AND {a}_2.price &gt;= ?)
 * </pre>
 *
 * <ul>
 *   <li><b>Two-valued.</b> SQL compares with NULL as "unknown"; the Java twin treats a null member as {@code empty}.
 *       So every condition is written never to be NULL: {@code x = ?} becomes {@code x IS NOT NULL AND x = ?},
 *       {@code x != ?} becomes {@code x IS NULL OR x <> ?}, two members compare with {@code IS [NOT] DISTINCT FROM}
 *       (two empty members are equal), a boolean member is tested with {@code IS TRUE}, and ordering with NULL is
 *       false. The one place where the guards are left out is the {@code WHERE} of an {@code EXISTS} sub-query
 *       outside any {@code NOT}: there only TRUE counts, so NULL and FALSE are the same and the plain comparison is
 *       exact. Members of primitive types are stored NOT NULL and have no guards.</li>
 *   <li><b>Paths.</b> Each path through associations is one {@code EXISTS} sub-query that joins the associations
 *       it goes through: a to-one association by the target's key and the foreign-key column, a one-to-many by the
 *       child's foreign key, a many-to-many through its link table. As in Java, a path through an unset to-one
 *       association is false, and one through a to-many association is true when <em>some</em> element satisfies
 *       it; {@code not(...)} negates the whole {@code EXISTS}. A bare to-one path is {@code fk IS NOT NULL}; a bare
 *       to-many path is an {@code EXISTS}; a to-one association compared with {@code [%CurrentUser%]} or another
 *       association compares foreign keys.</li>
 *   <li><b>Values.</b> String, number, boolean and enum literals are {@link SqlParamSpec.Kind#CONSTANT} parameters
 *       (an enum as its constant's name); tokens are parameters of their kind. {@code contains}, {@code starts-with}
 *       and {@code ends-with} are {@code {lower(column)} LIKE ?}, case-insensitive as in Mendix: the pattern is built
 *       at compile time from the literal in {@link CaseInsensitive} form, its {@code \ % _} escaped with the
 *       backslash (the default escape character of both H2 and PostgreSQL); {@code {lower(...)}} is the runtime
 *       dialect's SQL for the same folding of the column.</li>
 * </ul>
 *
 * <p>What the database decides: strings are ordered ({@code < <= > >=}) by the column's collation, which is Java's
 * order (by UTF-16 code unit) for H2 and, for text without characters above U+FFFF, for a PostgreSQL database with
 * the {@code C} collation. Entities without an id member are compared by key in SQL and by {@code equals} in Java,
 * which differ only when two distinct rows are equal objects. Floating-point NaN is not supported.
 */
public final class SqlConstraintCompiler {

    /** The marker of the root table's alias in the compiled SQL; sub-query aliases are {@code {a}_1}, {@code {a}_2}, ... */
    public static final String ALIAS = "{a}";

    /** Sub-query aliases are numbered in order of appearance only at the end: conditions folded away leave no gaps. */
    private static final char ALIAS_MARK = '\u0001';
    private static final Pattern IDENTIFIER =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");

    private final CheckedConstraint checked;
    private final SqlSchema schema;
    private final ConstraintEnvironment env;
    private int aliases;

    private SqlConstraintCompiler(CheckedConstraint checked, SqlSchema schema) {
        this.checked = checked;
        this.schema = schema;
        this.env = checked.environment();
    }

    /**
     * Compiles {@code checked} for tables described by {@code schema}.
     *
     * @throws IllegalArgumentException when the schema has no table, key or column for an entity or member the
     *                                  constraint uses, or gives a name that is not a plain identifier
     */
    public static CompiledSqlConstraint compile(CheckedConstraint checked, SqlSchema schema) {
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(schema, "schema");
        SqlConstraintCompiler compiler = new SqlConstraintCompiler(checked, schema);
        Sql sql = checked.expression().accept(compiler.conditions,
                new Scope(Mode.EXACT, ALIAS, checked.root().qualifiedName()));
        return new CompiledSqlConstraint(numberAliases(sql.text), sql.params, checked.customTokens());
    }

    /**
     * Where a condition stands. EXACT: its value must be TRUE or FALSE, never NULL (the whole constraint, and under
     * {@code NOT}). TRUTH: only whether it is TRUE matters (the {@code WHERE} of an {@code EXISTS}, outside any
     * {@code NOT}), so NULL may stand for FALSE.
     */
    private enum Mode { EXACT, TRUTH }

    // ---------------------------------------------------------------------------------------------- conditions

    /**
     * Compiles each kind of condition. The parameter says where the condition stands ({@link Mode}) and which
     * table its paths start at.
     */
    private final ExprVisitor<Sql, Scope> conditions = new ExprVisitor<>() {
        @Override
        public Sql visitOr(Expr.Or or, Scope scope) {
            return or(or.operands().stream().map(o -> o.accept(this, scope)).toArray(Sql[]::new));
        }

        @Override
        public Sql visitAnd(Expr.And and, Scope scope) {
            return and(and.operands().stream().map(o -> o.accept(this, scope)).toArray(Sql[]::new));
        }

        @Override
        public Sql visitNot(Expr.Not not, Scope scope) {
            return not(not.operand().accept(this, scope.in(Mode.EXACT)));
        }

        @Override
        public Sql visitComparison(Comparison comparison, Scope scope) {
            return comparison(comparison, scope);
        }

        @Override
        public Sql visitFunctionCall(Expr.FunctionCall call, Scope scope) {
            return functionCall(call, scope);
        }

        @Override
        public Sql visitPathTest(Expr.PathTest test, Scope scope) {
            return pathTest(test, scope);
        }

        @Override
        public Sql visitTokenTest(Expr.TokenTest test, Scope scope) {
            return tokenTest(test);
        }

        @Override
        public Sql visitBooleanConstant(Expr.BooleanConstant constant, Scope scope) {
            return constant.value() ? Sql.TRUE : Sql.FALSE;
        }

        /**
         * {@code lines[quantity > 10 and product/active = true()]}: one {@code EXISTS} that joins through the path to
         * the associated table, with the whole condition on that one row.
         */
        @Override
        public Sql visitPredicate(Expr.Predicate predicate, Scope scope) {
            return through(checked.members(predicate.path()), scope.alias(), scope.entity(), scope.mode(), false,
                    (alias, entity, m) -> predicate.condition().accept(this, new Scope(m, alias, entity)));
        }
    };

    /** Where a condition stands: its {@link Mode}, and the alias and entity of the table its paths start at. */
    private record Scope(Mode mode, String alias, String entity) {
        Scope in(Mode other) {
            return new Scope(other, alias, entity);
        }
    }

    /**
     * {@code contains(path, 'text')} and friends: {@code {lower(column)} LIKE ?}, the pattern built from the literal
     * folded by {@link CaseInsensitive} and the column folded by the dialect's twin of that folding.
     */
    private Sql functionCall(Expr.FunctionCall call, Scope scope) {
        String text = escapeLike(CaseInsensitive.lowerCase(call.text()));
        String pattern;
        switch (call.function()) {
            case CONTAINS:
                pattern = "%" + text + "%";
                break;
            case STARTS_WITH:
                pattern = text + "%";
                break;
            default:
                pattern = "%" + text;
                break;
        }
        return atPath(call.path(), scope, (alias, entity, member, m) -> {
            Val value = column(alias, entity, member);
            return and(guard(value, m), Sql.predicate("{lower(" + value.text + ")} LIKE ?",
                    List.of(SqlParamSpec.constant(pattern, JavaTypes.STRING)), null));
        });
    }

    /** {@code text} with the LIKE wildcards and the escape character escaped with a backslash. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private Sql pathTest(Expr.PathTest test, Scope scope) {
        List<MemberShape> members = checked.members(test.path());
        MemberShape last = members.get(members.size() - 1);
        if (last.toMany()) {
            // One EXISTS that joins through the whole path, the to-many association included.
            return through(members, scope.alias(), scope.entity(), scope.mode(), true, (alias, entity, m) -> Sql.TRUE);
        }
        return atPath(test.path(), scope, (alias, entity, member, m) -> {
            Val value = column(alias, entity, member);
            if (member.kind() == ValueKind.BOOLEAN) {
                return isTrue(value, m);
            }
            return isNull(value, false);
        });
    }

    private Sql tokenTest(Expr.TokenTest test) {
        return Sql.primary("?", List.of(tokenParam(TypeName.BOOLEAN.box(), checked.token(test.token()), List.of())));
    }

    private Sql comparison(Comparison c, Scope scope) {
        Op op = c.op();
        return atPath(c.left(), scope, (alias, entity, pathMember, m) -> {
            // A to-many association is only ever compared with empty, and has no column.
            Val column = pathMember.toMany() ? null : column(alias, entity, pathMember);
            // A function's value is compared as a member of its own, an Integer that is NULL when the column is.
            MemberShape member = c.function() == null ? pathMember : FunctionValues.shape(c.function());
            Val left = c.function() == null ? column : functionValue(c.function(), pathMember, column);
            if (!pathMember.toMany() && !(c.right() instanceof Operand.EmptyLiteral)
                    && schema.converted(entity, pathMember.name())) {
                throw new SqlSchema.UnsupportedMappingException(entity, pathMember.name(),
                        "its column holds what a JPA @Convert attribute converter makes of the value",
                        "compare on a member stored without a converter (an enum with @Enumerated(EnumType.STRING), "
                                + "a basic type), or drop the @Convert");
            }
            boolean ordinal = c.function() == null && member.kind() == ValueKind.ENUM
                    && schema.enumStorage(entity, pathMember.name()) == SqlSchema.EnumStorage.ORDINAL;
            return c.right().accept(new OperandVisitor<Sql, Void>() {
                @Override
                public Sql visitString(Operand.StringLiteral literal, Void unused) {
                    if (member.kind() == ValueKind.BOOLEAN) {
                        return compare(op, left, Val.param(SqlParamSpec.constant(
                                ConstraintChecker.quotedBoolean(literal), TypeName.BOOLEAN.box())), m);
                    }
                    if (ordinal) {
                        // JPA's default: the column holds the constant's ordinal
                        return compare(op, left, Val.param(SqlParamSpec.constant(
                                java.math.BigDecimal.valueOf(member.enumConstants().indexOf(literal.value())),
                                TypeName.INT.box())), m);
                    }
                    TypeName type = member.kind() == ValueKind.ENUM ? memberType(member) : JavaTypes.STRING;
                    return compare(op, left, Val.param(SqlParamSpec.constant(literal.value(), type)), m);
                }

                @Override
                public Sql visitNumber(Operand.NumberLiteral literal, Void unused) {
                    return compare(op, left, Val.param(SqlParamSpec.constant(literal.value(), memberType(member))), m);
                }

                @Override
                public Sql visitBoolean(Operand.BooleanLiteral literal, Void unused) {
                    return compare(op, left, Val.param(SqlParamSpec.constant(literal.value(), TypeName.BOOLEAN.box())),
                            m);
                }

                @Override
                public Sql visitEmpty(Operand.EmptyLiteral literal, Void unused) {
                    // A function of an empty member is empty: the test is the member's.
                    return emptyTest(op, alias, entity, pathMember, m);
                }

                @Override
                public Sql visitToken(Operand.TokenRef token, Void unused) {
                    return compare(op, left, Val.param(tokenParam(member, checked.token(token), List.of())), m);
                }

                @Override
                public Sql visitDateArithmetic(Operand.DateArithmetic arithmetic, Void unused) {
                    List<SqlParamSpec.Offset> offsets = new ArrayList<>();
                    for (Operand.Offset offset : arithmetic.offsets()) {
                        offsets.add(new SqlParamSpec.Offset(offset.amount(), checked.token(offset.period()).period()));
                    }
                    return compare(op, left, Val.param(tokenParam(member, checked.token(arithmetic.base()), offsets)),
                            m);
                }

                @Override
                public Sql visitPath(Operand.PathOperand path, Void unused) {
                    return atPath(path.path(), scope.in(m), (alias2, entity2, other, m2) ->
                            compare(op, left, column(alias2, entity2, other), m2));
                }
            }, null);
        });
    }

    /**
     * The SQL of {@code string-length(column)} and of the date parts: {@code EXTRACT} from the column, an instant
     * column first taken to the user's zone ({@code column AT TIME ZONE ?}); NULL when the column is.
     */
    private static Val functionValue(Expr.ValueFunction function, MemberShape member, Val column) {
        if (!function.isDatePart()) {
            return column.computed("{length(" + column.text + ")}", List.of());
        }
        JavaTypes.Temporal temporal = JavaTypes.temporal(member.javaType());
        boolean local = temporal == JavaTypes.Temporal.LOCAL_DATE || temporal == JavaTypes.Temporal.LOCAL_DATE_TIME;
        String time = local ? column.text : "(" + column.text + " AT TIME ZONE ?)";
        List<SqlParamSpec> params = local ? List.of() : List.of(SqlParamSpec.zone());
        switch (function) {
            case SECONDS:
                return column.computed("FLOOR(EXTRACT(SECOND FROM " + time + "))", params);
            case WEEK:
                return column.computed("EXTRACT({isoweek} FROM " + time + ")", params);
            case WEEKDAY:
                // ISO: Monday 1 to Sunday 7; the language: Sunday 1 to Saturday 7
                return column.computed("MOD(CAST(EXTRACT(ISODOW FROM " + time + ") AS INTEGER), 7) + 1", params);
            case DAY_OF_YEAR:
                return column.computed("EXTRACT(DOY FROM " + time + ")", params);
            case HOURS:
                return column.computed("EXTRACT(HOUR FROM " + time + ")", params);
            case MINUTES:
                return column.computed("EXTRACT(MINUTE FROM " + time + ")", params);
            default:
                return column.computed("EXTRACT(" + function.datePart() + " FROM " + time + ")", params);
        }
    }

    private static TypeName memberType(MemberShape member) {
        return JavaTypes.classLiteralType(member.javaType());
    }

    /** The parameter for a token (with the offsets of date arithmetic) compared with {@code member}. */
    private SqlParamSpec tokenParam(MemberShape member, TokenMeaning meaning, List<SqlParamSpec.Offset> offsets) {
        if (meaning.kind() == TokenMeaning.Kind.CURRENT_USER && member.isAssociation()) {
            // The association's foreign key is compared with the user's id: bind it as the target's id type.
            TypeName idType = env.entities().find(member.targetEntity()).flatMap(EntityShape::id)
                    .map(MemberShape::javaType).orElse(env.userIdType());
            if (idType == null) {
                throw new IllegalStateException("no id type for " + member.targetEntity());
            }
            return SqlParamSpec.currentUser(JavaTypes.classLiteralType(idType));
        }
        return tokenParam(memberType(member), meaning, offsets);
    }

    /** The parameter for a token compared with a member (not an association) of {@code memberType}. */
    private static SqlParamSpec tokenParam(TypeName memberType, TokenMeaning meaning, List<SqlParamSpec.Offset> offsets) {
        switch (meaning.kind()) {
            case CURRENT_USER:
                return SqlParamSpec.currentUser(memberType);
            case DATE_TIME:
                return SqlParamSpec.dateTime(meaning.name(), memberType, offsets);
            case USER_ROLE:
                return SqlParamSpec.userRole(meaning.name());
            case CUSTOM:
                return SqlParamSpec.customToken(meaning.name(), JavaTypes.classLiteralType(meaning.custom().javaType()));
            default:
                throw new IllegalStateException(meaning.display() + " has no value of its own");
        }
    }

    private Sql emptyTest(Op op, String alias, String entity, MemberShape member, Mode mode) {
        boolean eq = op == Op.EQ;
        if (member.toMany()) {
            Sql some = through(List.of(member), alias, entity, Mode.EXACT, true, (a, e, m) -> Sql.TRUE);
            return eq ? not(some) : some;
        }
        Val value = column(alias, entity, member);
        if (!value.nullable) {
            return eq ? Sql.FALSE : Sql.TRUE;
        }
        return isNull(value, eq);
    }

    // ------------------------------------------------------------------------------------------------- paths

    /** A condition on the member a path ends at, in the table aliased {@code alias} of {@code entity}. */
    private interface Leaf {
        Sql at(String alias, String entity, MemberShape member, Mode mode);
    }

    /** A condition at the end of a walk through associations. */
    private interface Inner {
        Sql at(String alias, String entity, Mode mode);
    }

    /**
     * {@code leaf} applied to the member {@code path} denotes, from the scope's table, through an EXISTS when the path
     * has associations.
     */
    private Sql atPath(Path path, Scope scope, Leaf leaf) {
        List<MemberShape> members = checked.members(path);
        MemberShape last = members.get(members.size() - 1);
        return through(members.subList(0, members.size() - 1), scope.alias(), scope.entity(), scope.mode(), false,
                (alias, entity, m) -> leaf.at(alias, entity, last, m));
    }

    /**
     * {@code inner} at the end of the associations {@code hops}, starting at the table aliased {@code alias} of
     * {@code entity}: {@code inner} itself when there are none, else one {@code EXISTS} that joins through them.
     *
     * @param existenceOnly the inner condition is TRUE: a last many-to-many hop needs only its link table
     */
    private Sql through(List<MemberShape> hops, String alias, String entity, Mode mode, boolean existenceOnly,
            Inner inner) {
        if (hops.isEmpty()) {
            return inner.at(alias, entity, mode);
        }
        StringBuilder from = new StringBuilder();
        String correlation = null;
        String owner = alias;
        String ownerEntity = entity;
        for (int i = 0; i < hops.size(); i++) {
            MemberShape hop = hops.get(i);
            String target = hop.targetEntity();
            String next;
            Optional<Reversed> reversed = Reversed.of(hop);
            if (reversed.isPresent()) {
                // Back along the declaring entity's association: its foreign key (a to-one), the child column in
                // this table (one-to-many), or its link table.
                String foreignKey = schema.column(target, reversed.get().member());
                SqlSchema.ToMany storage = foreignKey != null ? null : toMany(target, new MemberShape(
                        reversed.get().member(), hop.kind(), hop.javaType(), hop.accessor(), false, List.of(),
                        ownerEntity, true));
                if (foreignKey != null) {
                    next = newAlias();
                    correlation = join(from, correlation, table(target), next, next + "." + identifier(foreignKey, hop)
                            + " = " + owner + "." + keyColumn(ownerEntity));
                } else if (!storage.isManyToMany()) {
                    next = newAlias();
                    correlation = join(from, correlation, table(target), next, next + "." + keyColumn(target) + " = "
                            + owner + "." + identifier(storage.ownerColumn(), hop));
                } else {
                    String link = newAlias();
                    correlation = join(from, correlation, identifier(storage.joinTable(), hop), link,
                            link + "." + identifier(storage.targetColumn(), hop) + " = " + owner + "."
                                    + keyColumn(ownerEntity));
                    next = newAlias();
                    correlation = join(from, correlation, table(target), next,
                            next + "." + keyColumn(target) + " = " + link + "." + identifier(storage.ownerColumn(), hop));
                }
            } else if (!hop.toMany()) {
                next = newAlias();
                correlation = join(from, correlation, table(target), next,
                        next + "." + keyColumn(target) + " = " + owner + "." + columnName(ownerEntity, hop));
            } else {
                SqlSchema.ToMany storage = toMany(ownerEntity, hop);
                String ownerKey = owner + "." + keyColumn(ownerEntity);
                if (!storage.isManyToMany()) {
                    next = newAlias();
                    correlation = join(from, correlation, table(target), next,
                            next + "." + identifier(storage.ownerColumn(), hop) + " = " + ownerKey);
                } else {
                    String link = newAlias();
                    correlation = join(from, correlation, identifier(storage.joinTable(), hop), link,
                            link + "." + identifier(storage.ownerColumn(), hop) + " = " + ownerKey);
                    if (existenceOnly && i == hops.size() - 1) {
                        owner = link;
                        ownerEntity = null;
                        break;
                    }
                    next = newAlias();
                    correlation = join(from, correlation, table(target), next,
                            next + "." + keyColumn(target) + " = " + link + "." + identifier(storage.targetColumn(), hop));
                }
            }
            owner = next;
            ownerEntity = target;
        }
        Sql where = and(Sql.predicate(correlation, List.of(), null), inner.at(owner, ownerEntity, Mode.TRUTH));
        if (where == Sql.FALSE) {
            return Sql.FALSE;
        }
        return Sql.primary("EXISTS (SELECT 1 FROM " + from + " WHERE " + where.text + ")", where.params);
    }

    /**
     * Adds a table to a sub-query's FROM: the first one with its condition kept for the WHERE (the correlation with
     * the outer query), the others joined with theirs.
     */
    private static String join(StringBuilder from, String correlation, String table, String alias, String condition) {
        if (from.length() == 0) {
            from.append(table).append(' ').append(alias);
            return condition;
        }
        from.append(" JOIN ").append(table).append(' ').append(alias).append(" ON ").append(condition);
        return correlation;
    }

    private String newAlias() {
        return ALIAS_MARK + Integer.toString(++aliases) + ALIAS_MARK;
    }

    /** Replaces the alias placeholders with {@code {a}_1}, {@code {a}_2}, ... in order of first appearance. */
    private static String numberAliases(String text) {
        Map<String, String> names = new HashMap<>();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ALIAS_MARK) {
                out.append(c);
                i++;
                continue;
            }
            int end = text.indexOf(ALIAS_MARK, i + 1);
            String placeholder = text.substring(i, end + 1);
            out.append(names.computeIfAbsent(placeholder, p -> ALIAS + "_" + (names.size() + 1)));
            i = end + 1;
        }
        return out.toString();
    }

    // ----------------------------------------------------------------------------------------- comparisons

    /**
     * An operand of a comparison: a column, a function of a column, or a parameter. {@code presence} is what is NULL
     * exactly when the operand is: the column itself for a function of it (so that the guards test the column).
     */
    private static final class Val {
        final String text;
        final List<SqlParamSpec> params;
        final boolean nullable;
        final Val presence;

        Val(String text, List<SqlParamSpec> params, boolean nullable) {
            this.text = text;
            this.params = params;
            this.nullable = nullable;
            this.presence = this;
        }

        private Val(String text, List<SqlParamSpec> params, boolean nullable, Val presence) {
            this.text = text;
            this.params = params;
            this.nullable = nullable;
            this.presence = presence;
        }

        /** A parameter; never NULL (a token without a value drops the rule before the SQL runs). */
        static Val param(SqlParamSpec spec) {
            return new Val("?", List.of(spec), false);
        }

        /** A value computed from this column, NULL exactly when the column is. */
        Val computed(String sql, List<SqlParamSpec> parameters) {
            return new Val(sql, parameters, nullable, this);
        }
    }

    /** The column of {@code member} (for a to-one association, its foreign key) in the table aliased {@code alias}. */
    private Val column(String alias, String entity, MemberShape member) {
        boolean nullable = member.isAssociation() || !JavaTypes.isPrimitive(member.javaType());
        return new Val(alias + "." + columnName(entity, member), List.of(), nullable);
    }

    private String columnName(String entity, MemberShape member) {
        String column = schema.column(entity, member.name());
        if (column == null) {
            throw new SqlSchema.UnsupportedMappingException(entity, member.name(), "it has no column in the entity's "
                    + "table (a JPA @Embedded, @ElementCollection or @Transient member, or an embeddable or "
                    + "association inside an embeddable)",
                    "compare on a member stored in the entity's own table (an embeddable's attribute is reached "
                            + "with a path, as in address/city), or map the values as an entity with a "
                            + "@OneToMany and follow that association");
        }
        return identifier(column, member);
    }

    private static final Map<Op, String> SQL_OPERATORS = Map.of(Op.EQ, "=", Op.NE, "<>", Op.LT, "<", Op.LE, "<=",
            Op.GT, ">", Op.GE, ">=");
    private static final Map<Op, Op> INVERSE = Map.of(Op.EQ, Op.NE, Op.NE, Op.EQ, Op.LT, Op.GE, Op.GE, Op.LT,
            Op.LE, Op.GT, Op.GT, Op.LE);

    /**
     * {@code a op b} as Java compares: an empty value equals only an empty value, and is not ordered. Only the
     * member on the left and a member on the right can be NULL; parameters never are.
     */
    private static Sql compare(Op op, Val a, Val b, Mode mode) {
        if (op.isOrdering()) {
            return and(guard(a, mode), guard(b, mode), comparison(a, op, b));
        }
        boolean eq = op == Op.EQ;
        if (a.nullable && b.nullable) {
            Sql same = Sql.predicate(a.text + " IS NOT DISTINCT FROM " + b.text, concat(a.params, b.params), null);
            Sql different = Sql.predicate(a.text + " IS DISTINCT FROM " + b.text, concat(a.params, b.params), null);
            return eq ? same.negatedBy(different) : different.negatedBy(same);
        }
        Val nullable = a.nullable ? a : b.nullable ? b : null;
        if (nullable == null) {
            return comparison(a, op, b);
        }
        return eq ? and(guard(nullable, mode), comparison(a, op, b)) : or(isNull(nullable, true), comparison(a, op, b));
    }

    /** {@code a op b}; when neither can be NULL, with its negation by the inverse operator. */
    private static Sql comparison(Val a, Op op, Val b) {
        List<SqlParamSpec> params = concat(a.params, b.params);
        Sql inverse = a.nullable || b.nullable ? null
                : Sql.predicate(a.text + " " + SQL_OPERATORS.get(INVERSE.get(op)) + " " + b.text, params, null);
        return Sql.predicate(a.text + " " + SQL_OPERATORS.get(op) + " " + b.text, params, inverse);
    }

    /** {@code value IS NOT NULL} where NULL must not stand for FALSE; else nothing. */
    private static Sql guard(Val value, Mode mode) {
        return value.nullable && mode == Mode.EXACT ? isNull(value, false) : Sql.TRUE;
    }

    /** {@code value IS NULL} (or {@code IS NOT NULL}), each the other's negation; tested on the value's presence. */
    private static Sql isNull(Val value, boolean isNull) {
        Val tested = value.presence;
        Sql yes = Sql.predicate(tested.text + " IS NULL", tested.params, null);
        Sql no = Sql.predicate(tested.text + " IS NOT NULL", tested.params, null);
        return isNull ? yes.negatedBy(no) : no.negatedBy(yes);
    }

    /** A boolean member is true: the column itself when it cannot be NULL or NULL may stand for FALSE. */
    private static Sql isTrue(Val value, Mode mode) {
        if (!value.nullable || mode == Mode.TRUTH) {
            return Sql.primary(value.text, value.params);
        }
        Sql notTrue = Sql.predicate(value.text + " IS NOT TRUE", value.params, null);
        return Sql.predicate(value.text + " IS TRUE", value.params, null).negatedBy(notTrue);
    }

    // ------------------------------------------------------------------------------------------------- schema

    private String table(String entity) {
        String table = schema.table(entity);
        if (table == null) {
            throw new IllegalArgumentException("no table for " + entity);
        }
        return identifier(table, entity);
    }

    private String keyColumn(String entity) {
        String key = schema.keyColumn(entity);
        if (key == null) {
            throw new IllegalArgumentException("no key column for " + entity);
        }
        return identifier(key, entity);
    }

    private SqlSchema.ToMany toMany(String entity, MemberShape member) {
        SqlSchema.ToMany storage = schema.toMany(entity, member.name());
        if (storage == null) {
            throw new IllegalArgumentException("no storage for to-many association '" + member.name() + "' of " + entity);
        }
        return storage;
    }

    /** A name from the schema, which must be a plain (or dotted) identifier: it is written into the SQL as it is. */
    private static String identifier(String name, Object of) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: '" + name + "' (for "
                    + (of instanceof MemberShape ? "member " + ((MemberShape) of).name() : of) + ")");
        }
        return name;
    }

    // ------------------------------------------------------------------------------------ expression building

    /** SQL precedence of a generated condition, to parenthesize only where needed (and around AND inside OR). */
    private enum Prec { PRIMARY, PREDICATE, NOT, AND, OR }

    /** A condition: its text, its parameters in order, and optionally a simpler text for its negation. */
    private static final class Sql {
        static final Sql TRUE = new Sql("TRUE", Prec.PRIMARY, List.of(), null);
        static final Sql FALSE = new Sql("FALSE", Prec.PRIMARY, List.of(), null);

        final String text;
        final Prec prec;
        final List<SqlParamSpec> params;
        /** Its negation, when that is simpler than {@code NOT (...)} (and equivalent: the condition is never NULL). */
        final Sql negation;

        Sql(String text, Prec prec, List<SqlParamSpec> params, Sql negation) {
            this.text = text;
            this.prec = prec;
            this.params = List.copyOf(params);
            this.negation = negation;
        }

        static Sql primary(String text, List<SqlParamSpec> params) {
            return new Sql(text, Prec.PRIMARY, params, null);
        }

        static Sql predicate(String text, List<SqlParamSpec> params, Sql negation) {
            return new Sql(text, Prec.PREDICATE, params, negation);
        }

        Sql negatedBy(Sql negation) {
            return new Sql(text, prec, params, negation);
        }

        String parenthesizedAbove(Prec max) {
            return prec.compareTo(max) > 0 ? "(" + text + ")" : text;
        }
    }

    private static Sql and(Sql... parts) {
        return join(parts, " AND ", Prec.AND, Sql.TRUE, Sql.FALSE);
    }

    private static Sql or(Sql... parts) {
        return join(parts, " OR ", Prec.OR, Sql.FALSE, Sql.TRUE);
    }

    /** An AND or OR, flattened, without its neutral operands; the absorbing one absorbs all. */
    private static Sql join(Sql[] parts, String operator, Prec prec, Sql neutral, Sql absorbing) {
        List<Sql> kept = new ArrayList<>();
        for (Sql part : parts) {
            if (part == absorbing) {
                return absorbing;
            }
            if (part != neutral) {
                kept.add(part);
            }
        }
        if (kept.isEmpty()) {
            return neutral;
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        StringBuilder text = new StringBuilder();
        List<SqlParamSpec> params = new ArrayList<>();
        for (Sql part : kept) {
            if (text.length() > 0) {
                text.append(operator);
            }
            // AND binds tighter than OR, but parentheses make the grouping obvious to a reader.
            text.append(part.prec == prec ? part.text : part.parenthesizedAbove(Prec.NOT));
            params.addAll(part.params);
        }
        return new Sql(text.toString(), prec, params, null);
    }

    private static Sql not(Sql sql) {
        if (sql == Sql.TRUE) {
            return Sql.FALSE;
        }
        if (sql == Sql.FALSE) {
            return Sql.TRUE;
        }
        if (sql.negation != null) {
            return sql.negation.negatedBy(sql);
        }
        return new Sql("NOT " + sql.parenthesizedAbove(Prec.PRIMARY), Prec.NOT, sql.params, sql);
    }

    private static List<SqlParamSpec> concat(List<SqlParamSpec> a, List<SqlParamSpec> b) {
        List<SqlParamSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
