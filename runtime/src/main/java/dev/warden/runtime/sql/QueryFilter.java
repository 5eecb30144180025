package dev.warden.runtime.sql;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * An entity's rules as SQL for one user and one table alias (security model, sections 2 and 4): the filters that
 * make a statement see, change and delete only what the user may, and the projection that masks what the user
 * may not read. Every expression binds its values; none contains a token's value or a constant.
 *
 * <p>For a context that {@linkplain SecurityContext#enforcesDataAccess() enforces data access}, a rule's
 * <em>condition</em> is, when the rule applies to the user: {@code TRUE} for a rule without constraint; its
 * constraint's SQL when the context has a value for every token it uses; otherwise the rule is dropped, as
 * {@link EntityRules} treats it in memory. Each filter is the {@code OR} of the conditions of the rules that give
 * the right in question, {@code TRUE} when one of them is unconditional and {@code FALSE} when there is none. A
 * context that does not enforce data access (the system, levels {@code OFF} and {@code PROTOTYPE}) gets
 * {@code TRUE} everywhere.
 *
 * <p>Each filter is an expression that can stand as an operand of {@code AND} or {@code OR} as it is. The date
 * tokens are taken once, when the filter is made, so that all of its expressions agree. Instances are immutable;
 * make one per statement or request.
 *
 * @param <T> the entity type
 */
public final class QueryFilter<T> {
    /** How much of a member a user may read or write. */
    public enum Access {
        /** In every row the user can see. */
        ALWAYS,
        /** Only in the rows where a constrained rule that gives it holds. */
        SOME_ROWS,
        /** In no row. */
        NEVER
    }

    /** The condition of an unconditional rule; compared by identity. */
    private static final SqlFragment UNCONDITIONAL = SqlFragment.of("TRUE");

    private final EntityTable<T> table;
    private final EntityRules<T, ?> rules;
    private final SecurityContext ctx;
    private final String alias;
    private final Dialect dialect;
    private final boolean enforces;
    private final long roles;
    /** By rule number - 1: null when the rule does not apply or is dropped, else its condition; rendered lazily. */
    private SqlFragment[] conditions;
    private ZonedDateTime now;
    /** The condition that a row is one of this entity's, when the table holds other entities too; else null. */
    private final SqlFragment ownRows;

    QueryFilter(EntityTable<T> table, SecurityContext ctx, String alias, Dialect dialect) {
        this.table = table;
        this.rules = table.rules();
        this.ctx = ctx;
        this.alias = alias;
        this.dialect = dialect;
        this.enforces = ctx.enforcesDataAccess();
        this.roles = enforces ? ctx.rolesIn(rules.module()) : 0L;
        this.ownRows = table.discriminatorColumn()
                .map(column -> SqlFragment.builder().sql(alias + "." + column + " = ")
                        .value(table.discriminatorValue().orElseThrow(), String.class).build())
                .orElse(null);
    }

    /** The conditions of the rules, rendered on first use (the read filter of a known shape needs none). */
    private SqlFragment[] conditions() {
        SqlFragment[] rendered = conditions;
        if (rendered == null) {
            rendered = new SqlFragment[rules.ruleCount()];
            if (enforces) {
                for (int rule = 1; rule <= rendered.length; rule++) {
                    rendered[rule - 1] = condition(rule, now());
                }
            }
            conditions = rendered;
        }
        return rendered;
    }

    /** The date tokens' time, taken once per filter so that all its expressions agree. */
    private ZonedDateTime now() {
        if (now == null) {
            now = ctx.now();
        }
        return now;
    }

    private SqlFragment condition(int rule, ZonedDateTime now) {
        if ((rules.ruleRoles(rule) & roles) == 0) {
            return null;
        }
        if (!rules.ruleHasConstraint(rule)) {
            return UNCONDITIONAL;
        }
        if (!rules.hasTokensOf(rule, ctx)) {
            return null;
        }
        return table.constraint(rule).orElseThrow().render(alias, ctx, now, dialect);
    }

    /** The table. */
    public EntityTable<T> table() {
        return table;
    }

    /** The security context. */
    public SecurityContext context() {
        return ctx;
    }

    /** The table alias the expressions use. */
    public String alias() {
        return alias;
    }

    /** The dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** Whether the rules restrict this context at all; false for the system and levels below production. */
    public boolean enforces() {
        return enforces;
    }

    /**
     * What decides whether a rule is active for a row: empty when the rule does not apply to the user (or is dropped
     * because a token it needs has no value), {@code TRUE} for a rule without constraint, else its constraint. For
     * code that works out a row's rights in SQL; only for a context that {@linkplain #enforces() enforces} the rules.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the condition, an expression over the alias
     */
    public Optional<SqlFragment> ruleCondition(int ruleNumber) {
        return Optional.ofNullable(conditions()[java.util.Objects.checkIndex(ruleNumber - 1, rules.ruleCount())]);
    }

    // ------------------------------------------------------------------------------------------------ filters

    /**
     * The read filter: the rows the user may see.
     *
     * @return an expression over the alias
     */
    public SqlFragment readFilter() {
        if (!enforces) {
            return anyOf(rule -> true);
        }
        // The text of the read filter depends only on which rules apply, are dropped or are unconditional, and on the
        // user-role tokens folded into it: it is rendered once per such shape, alias and dialect, and then only the
        // values are taken from the context.
        int[] shape = shape();
        ReadShape.Key key = new ReadShape.Key(ctx.application(), alias, dialect, shape);
        ReadShape cached = table.readShape(key);
        if (cached != null) {
            SqlFragment fast = cached.bind(this);
            if (fast != null) {
                return fast;
            }
        }
        SqlFragment filter = anyOf(rule -> true);
        if (cached == null) {
            ReadShape.of(this, filter).ifPresent(made -> table.keepReadShape(key, made));
        }
        return filter;
    }

    /** The read filter rendered from the rules, without the cache of shapes; for tests of the cache. */
    SqlFragment renderedReadFilter() {
        return anyOf(rule -> true);
    }

    /**
     * Per rule: 0 when it does not apply or is dropped (a token without a value), 1 when it holds for every row, else
     * 2 plus the user-role tokens of its constraint as bits from the third.
     */
    private int[] shape() {
        int[] shape = new int[rules.ruleCount()];
        for (int rule = 1; rule <= shape.length; rule++) {
            if ((rules.ruleRoles(rule) & roles) == 0) {
                continue;
            }
            if (!rules.ruleHasConstraint(rule)) {
                shape[rule - 1] = 1;
                continue;
            }
            if (!rules.hasTokensOf(rule, ctx)) {
                continue;
            }
            int folded = 0;
            int bit = 0;
            for (SqlParam param : table.constraint(rule).orElseThrow().params()) {
                if (param.isFolded()) {
                    folded |= (Boolean.TRUE.equals(param.valueFor(ctx, null)) ? 1 : 0) << bit;
                    bit++;
                }
            }
            shape[rule - 1] = 2 | (folded << 2);
        }
        return shape;
    }

    /** The values a read filter of a known shape binds, in order: the discriminator's, then each rule's. */
    Object[] readFilterValues(int[] shape, boolean withOwnRows, BitSet boundRules) {
        List<Object> values = new ArrayList<>();
        if (withOwnRows) {
            values.add(table.discriminatorValue().orElseThrow());
        }
        for (int rule = boundRules.nextSetBit(0); rule >= 0; rule = boundRules.nextSetBit(rule + 1)) {
            for (SqlParam param : table.constraint(rule).orElseThrow().params()) {
                if (!param.isFolded()) {
                    Object value = param.valueFor(ctx, now());
                    if (value == null) {
                        return null;
                    }
                    values.add(value);
                }
            }
        }
        return values.toArray();
    }

    /** The bind types that go with {@link #readFilterValues}. */
    Class<?>[] readFilterTypes(boolean withOwnRows, BitSet boundRules) {
        List<Class<?>> types = new ArrayList<>();
        if (withOwnRows) {
            types.add(String.class);
        }
        for (int rule = boundRules.nextSetBit(0); rule >= 0; rule = boundRules.nextSetBit(rule + 1)) {
            for (SqlParam param : table.constraint(rule).orElseThrow().params()) {
                if (!param.isFolded()) {
                    types.add(param.bindType(ctx));
                }
            }
        }
        return types.toArray(new Class<?>[0]);
    }

    /** The rules whose conditions the read filter holds (none when one of them holds for every row). */
    BitSet readFilterRules() {
        BitSet granting = rulesGiving(rule -> true);
        return isUnconditional(granting) ? new BitSet() : granting;
    }

    boolean hasOwnRows() {
        return ownRows != null;
    }

    /**
     * The delete filter: the rows the user may delete.
     *
     * @return an expression over the alias
     */
    public SqlFragment deleteFilter() {
        return anyOf(rule -> rules.ruleGives(rule, roles, Operation.DELETE, -1));
    }

    /**
     * The write filter: the rows in which the user may write all of these members. For an {@code UPDATE}'s
     * {@code WHERE}, evaluated on the rows as they are before the update.
     *
     * @param members the indices of the members written, at least one
     * @return the {@code AND} over the members of the {@code OR} of the conditions of the rules that give write
     *     access to it
     * @throws IllegalArgumentException for no members or an unknown member
     */
    public SqlFragment writeFilter(int... members) {
        if (members.length == 0) {
            throw new IllegalArgumentException("A write filter needs at least one member");
        }
        for (int member : members) {
            Objects.checkIndex(member, rules.memberCount());
        }
        return ofOwnRows(writeFilterOfRules(members));
    }

    private SqlFragment writeFilterOfRules(int... members) {
        if (!enforces) {
            return literal(true);
        }
        // one term per distinct set of rules; a term implied by a smaller one is left out
        List<BitSet> terms = new ArrayList<>();
        for (int member : members) {
            BitSet writers = rulesGiving(rule -> rules.ruleGives(rule, roles, Operation.WRITE, member));
            if (writers.isEmpty()) {
                return literal(false);
            }
            if (!isUnconditional(writers)) {
                terms.add(writers);
            }
        }
        List<BitSet> distinct = new ArrayList<>();
        for (BitSet term : terms) {
            if (!distinct.contains(term)) {
                distinct.add(term);
            }
        }
        List<BitSet> kept = new ArrayList<>();
        for (BitSet term : distinct) {
            if (distinct.stream().noneMatch(other -> other != term && isSubset(other, term))) {
                kept.add(term);
            }
        }
        if (kept.isEmpty()) {
            return literal(true);
        }
        if (kept.size() == 1) {
            return disjunction(kept.get(0));
        }
        SqlFragment.Builder and = SqlFragment.builder().sql("(");
        for (int i = 0; i < kept.size(); i++) {
            and.sql(i == 0 ? "" : " AND ").append(disjunction(kept.get(i)));
        }
        return and.sql(")").build();
    }

    /**
     * The write check after an {@code UPDATE} (security model, section 4): the write filter evaluated on the rows
     * with their new values. An updated row that fails it must make the transaction roll back.
     *
     * @param members the indices of the members written
     * @return the same expression as {@link #writeFilter}
     */
    public SqlFragment writeCheck(int... members) {
        return writeFilter(members);
    }

    /**
     * The create check on a new row (security model, section 4): whether a rule that gives create to the user
     * holds for it. An inserted row that fails it must make the transaction roll back.
     *
     * @return an expression over the alias
     */
    public SqlFragment createCheck() {
        return anyOf(rule -> rules.ruleGives(rule, roles, Operation.CREATE, -1));
    }

    /**
     * Whether the user may create objects at all, whatever the constraints: {@link EntityRules#canCreate}.
     *
     * @return true when some applying rule gives create
     */
    public boolean canCreate() {
        return rules.canCreate(ctx);
    }

    // -------------------------------------------------------------------------------------------- projection

    /**
     * How much of a member the user may read.
     *
     * @param member the member's index
     * @return {@code ALWAYS}, {@code SOME_ROWS} or {@code NEVER}
     */
    public Access readAccess(int member) {
        return access(Operation.READ, member);
    }

    /**
     * How much of a member the user may write.
     *
     * @param member the member's index
     * @return {@code ALWAYS}, {@code SOME_ROWS} or {@code NEVER}
     */
    public Access writeAccess(int member) {
        return access(Operation.WRITE, member);
    }

    private Access access(Operation operation, int member) {
        Objects.checkIndex(member, rules.memberCount());
        if (!enforces) {
            return Access.ALWAYS;
        }
        BitSet granting = rulesGiving(rule -> rules.ruleGives(rule, roles, operation, member));
        return granting.isEmpty() ? Access.NEVER : isUnconditional(granting) ? Access.ALWAYS : Access.SOME_ROWS;
    }

    /**
     * The expression that reads a member's column for the user, with the same answer in each <em>visible</em>
     * row as {@link EntityRules#rights} (so use it only in a query that also applies {@link #readFilter()}, or
     * a check that implies it): the column when the member is readable in every visible row;
     * {@code CASE WHEN <conditions of the rules that give read access> THEN column END} when only in some; the
     * literal {@code NULL} when in none.
     *
     * @param member a member with a column
     * @return the expression
     * @throws IllegalArgumentException when the member has no column
     */
    public SqlFragment column(int member) {
        String column = alias + "." + table.column(member);
        switch (readAccess(member)) {
            case ALWAYS:
                return SqlFragment.of(column);
            case SOME_ROWS:
                if (rulesGiving(rule -> rules.ruleGives(rule, roles, Operation.READ, member))
                        .equals(rulesGiving(rule -> true))) {
                    // Every rule that can make a row visible gives read access: in a visible row it is readable.
                    return SqlFragment.of(column);
                }
                return SqlFragment.builder().sql("CASE WHEN ")
                        .append(anyOfRules(rule -> rules.ruleGives(rule, roles, Operation.READ, member)))
                        .sql(" THEN " + column + " END").build();
            default:
                return SqlFragment.of("NULL");
        }
    }

    /**
     * The select list: {@link #column} for each member with a column, in the order of
     * {@link EntityTable#columnMembers()}, separated by commas.
     *
     * @return the list
     */
    public SqlFragment projection() {
        SqlFragment.Builder list = SqlFragment.builder();
        for (int member : table.columnMembers()) {
            list.sql(list.isEmpty() ? "" : ", ").append(column(member));
        }
        return list.build();
    }

    // -------------------------------------------------------------------------------------------------- parts

    /** The OR of the conditions of the rules that give a right, in this entity's rows. */
    private SqlFragment anyOf(IntPredicate gives) {
        return ofOwnRows(anyOfRules(gives));
    }

    private SqlFragment anyOfRules(IntPredicate gives) {
        if (!enforces) {
            return literal(true);
        }
        BitSet granting = rulesGiving(gives);
        if (granting.isEmpty()) {
            return literal(false);
        }
        return isUnconditional(granting) ? literal(true) : disjunction(granting);
    }

    /**
     * A filter limited to this entity's rows, when the table holds other entities too (for every context, the
     * system's included: rows of another entity are never read as this one).
     */
    private SqlFragment ofOwnRows(SqlFragment filter) {
        if (ownRows == null || filter.sql().equals(dialect.booleanLiteral(false))) {
            return filter;
        }
        if (filter.sql().equals(dialect.booleanLiteral(true))) {
            return ownRows;
        }
        return SqlFragment.builder().sql("(").append(ownRows).sql(" AND ").append(parenthesized(filter)).sql(")")
                .build();
    }

    /** The rules that apply, are not dropped, and give a right. */
    private BitSet rulesGiving(IntPredicate gives) {
        BitSet granting = new BitSet();
        for (int rule = 1; rule <= rules.ruleCount(); rule++) {
            if (conditions()[rule - 1] != null && gives.test(rule)) {
                granting.set(rule);
            }
        }
        return granting;
    }

    private boolean isUnconditional(BitSet granting) {
        return granting.stream().anyMatch(rule -> conditions()[rule - 1] == UNCONDITIONAL);
    }

    /** The conditions of constrained rules, ORed, in parentheses. */
    private SqlFragment disjunction(BitSet granting) {
        if (granting.cardinality() == 1) {
            return parenthesized(conditions()[granting.nextSetBit(0) - 1]);
        }
        SqlFragment.Builder or = SqlFragment.builder().sql("(");
        String separator = "";
        for (int rule = granting.nextSetBit(0); rule >= 0; rule = granting.nextSetBit(rule + 1)) {
            or.sql(separator).append(parenthesized(conditions()[rule - 1]));
            separator = " OR ";
        }
        return or.sql(")").build();
    }

    /** The expression in parentheses, unless it is one operand already. */
    private static SqlFragment parenthesized(SqlFragment expression) {
        return isOperand(expression.sql()) ? expression
                : SqlFragment.builder().sql("(").append(expression).sql(")").build();
    }

    /**
     * Whether the whole text is one operand that binds tighter than {@code AND} and {@code OR}: a parenthesized
     * expression, or one preceded by {@code EXISTS} or {@code NOT EXISTS}.
     */
    static boolean isOperand(String sql) {
        String rest = sql;
        for (String prefix : new String[] {"NOT ", "EXISTS "}) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
            }
        }
        return isParenthesized(rest);
    }

    /** Whether the whole text is one parenthesized expression: its first ( closes at its last character. */
    private static boolean isParenthesized(String sql) {
        if (!sql.startsWith("(") || !sql.endsWith(")")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == sql.length() - 1;
            }
        }
        return false;
    }

    private static boolean isSubset(BitSet small, BitSet large) {
        BitSet rest = (BitSet) small.clone();
        rest.andNot(large);
        return rest.isEmpty();
    }

    private SqlFragment literal(boolean value) {
        return SqlFragment.of(dialect.booleanLiteral(value));
    }

    @Override
    public String toString() {
        return "QueryFilter[" + table.entityName() + " AS " + alias + " for " + ctx + "]";
    }
}
