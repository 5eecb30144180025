package dev.warden.jpa.query;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlFragment;
import dev.warden.runtime.sql.SqlParam;
import dev.warden.runtime.sql.SqlTemplate;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.SqlTuple;
import org.hibernate.sql.exec.internal.AbstractJdbcParameter;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.type.BasicType;

/**
 * The HQL/JPQL function {@code warden_readable(alias)}: the read filter of the alias's secured entity, for a query the
 * application writes ({@code select o from Order o where warden_readable(o) and o.status = :status}).
 *
 * <p><b>Safe with Hibernate's caches.</b> Hibernate keeps a query's SQL in its query plan cache and runs it again for
 * the next user of the same HQL, so the SQL this function renders is the same for every user: the OR of every rule of
 * the entity, each as {@code (? AND <its constraint>)}, behind a first {@code ?} that lets everything through for the
 * system. Its parameters are not the query's: each time the statement runs, they are bound from the security context
 * of the thread that runs it: whether each rule applies to the user (and has a value for every token it uses), and the
 * tokens' values, the date-time tokens at one instant. A query whose results Hibernate would cache (the query cache)
 * is refused, since the cache would give one user's rows to another.
 *
 * <p>The constraints are the generated tables' SQL ({@code OrderTable}), so the function needs the table mapping
 * Warden generates to match Hibernate's schema (see the README's mapping table). An entity with secured
 * specializations must tell their rows apart with a discriminator column (single-table inheritance); each row is then
 * judged by its own entity's rules, and rows of a subclass that is no secured entity itself are left out.
 */
final class ReadableFunction extends AbstractSqmSelfRenderingFunctionDescriptor {
    /** The function's name in HQL and JPQL. */
    static final String NAME = "warden_readable";

    private final Dialect dialect;
    private final BasicType<Boolean> booleanType;

    ReadableFunction(Dialect dialect, BasicType<Boolean> booleanType) {
        super(NAME, StandardArgumentsValidators.exactly(1), StandardFunctionReturnTypeResolvers.invariant(booleanType),
                null);
        this.dialect = dialect;
        this.booleanType = booleanType;
    }

    @Override
    public void render(SqlAppender sql, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
            SqlAstTranslator<?> walker) {
        SqlAstNode argument = arguments.get(0);
        if (!(argument instanceof Expression expression)
                || !(expression.getExpressionType() instanceof EntityValuedModelPart entity)) {
            throw new IllegalArgumentException(NAME + "(...) takes the alias of an entity, as in " + NAME
                    + "(o) for 'from Order o'");
        }
        EntityMappingType type = entity.getEntityMappingType();
        String alias = tableAlias(expression);
        Plan plan = Plan.of(classes(type, new ArrayList<>()), type.getJavaType().getJavaTypeClass().getName(), alias,
                dialect);
        Slot[] slots = new Slot[plan.slotCount()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(plan, booleanType, i);
        }
        plan.write(sql::appendSql, slot -> slots[slot].accept(walker));
    }

    /** The entity class and those of its entity subtypes. */
    private static List<Class<?>> classes(EntityMappingType type, List<Class<?>> classes) {
        Class<?> javaType = type.getJavaType().getJavaTypeClass();
        if (!classes.contains(javaType)) {
            classes.add(javaType);
        }
        for (EntityMappingType sub : type.getSubMappingTypes()) {
            classes(sub, classes);
        }
        return classes;
    }

    /** The alias of the table the entity's key column is in. */
    private static String tableAlias(Expression expression) {
        Expression sqlExpression = expression;
        if (expression instanceof org.hibernate.query.sqm.sql.internal.EntityValuedPathInterpretation<?> path) {
            sqlExpression = path.getSqlExpression();
        }
        if (sqlExpression instanceof SqlTuple tuple && !tuple.getExpressions().isEmpty()) {
            sqlExpression = tuple.getExpressions().get(0);
        }
        if (sqlExpression instanceof ColumnReference column && column.getQualifier() != null) {
            return column.getQualifier();
        }
        throw new IllegalArgumentException(NAME + "(...) needs the alias of an entity of the query's from clause, "
                + "not " + expression);
    }

    // --------------------------------------------------------------------------------------------------- plan

    /** The rules of one secured entity among the rows: its table, rules, and the discriminator test of its rows. */
    private record Group(EntityTable<?> table, String ownRows, List<Term> terms) {}

    /** One rule: the slot of its "applies" flag, and for a constrained rule its SQL between the parameters. */
    private record Term(int rule, int active, List<String> pieces, List<SqlParam> params, int firstParam) {}

    /**
     * The SQL of the filter for one entity and alias, the same for every user, and its parameter slots (the first is
     * "the context does not enforce the rules"), whose values {@link #evaluate} works out for a context. Shared by
     * this function and the automatic read filter ({@link ReadFilters}).
     */
    static final class Plan {
        final String alias;
        final Dialect dialect;
        final List<Group> groups = new ArrayList<>();
        private int slotCount = 1;
        private final Map<ExecutionContext, Object[]> values = Collections.synchronizedMap(new WeakHashMap<>());

        private Plan(String alias, Dialect dialect) {
            this.alias = alias;
            this.dialect = dialect;
        }

        /**
         * The plan for the rows of an entity and its subtypes.
         *
         * @param classes the entity's class and those of its entity subtypes
         * @param entityName the entity's name, for errors
         * @param alias the SQL alias of the table its key column is in
         * @param dialect the database's
         * @throws IllegalArgumentException when no class is a secured entity with a generated table, or several secured
         *     entities judge the rows and there is no discriminator column to tell them apart
         */
        static Plan of(List<Class<?>> classes, String entityName, String alias, Dialect dialect) {
            Plan plan = new Plan(alias, dialect);
            Map<EntityTable<?>, List<Class<?>>> tables = new LinkedHashMap<>();
            boolean unsecured = false;
            for (Class<?> type1 : classes) {
                Optional<EntityTable<?>> table = EntityTable.forClass(type1);
                if (table.isPresent() && GeneratedCode.rulesOf(type1) == table.get().rules()) {
                    tables.computeIfAbsent(table.get(), t -> new ArrayList<>()).add(type1);
                } else {
                    unsecured = true;
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException(NAME + "(...) of " + entityName + ", which is not a secured "
                        + "entity with a generated table");
            }
            boolean several = tables.size() > 1 || unsecured;
            for (EntityTable<?> table : tables.keySet()) {
                String ownRows = null;
                if (several) {
                    String column = table.discriminatorColumn().orElseThrow(() -> new IllegalArgumentException(NAME
                            + "(...) of " + entityName + ": its rows are judged by several secured entities, which "
                            + "must be told apart by a discriminator column (single-table inheritance); "
                            + table.entityName() + " has none"));
                    ownRows = alias + "." + column + " = '" + table.discriminatorValue().orElseThrow().replace("'", "''")
                            + "'";
                }
                plan.groups.add(new Group(table, ownRows, plan.terms(table)));
            }
            return plan;
        }

        /** How many parameter slots the SQL has. */
        int slotCount() {
            return slotCount;
        }

        /**
         * Writes the SQL: the text to {@code sql}, each parameter slot to {@code slot}, in the order of the slots.
         */
        void write(java.util.function.Consumer<String> sql, java.util.function.IntConsumer slot) {
            sql.accept("(");
            slot.accept(0);
            for (Group group : groups) {
                sql.accept(" OR ");
                if (group.ownRows != null) {
                    sql.accept("(" + group.ownRows + " AND ");
                }
                sql.accept("(");
                boolean first = true;
                for (Term term : group.terms) {
                    sql.accept(first ? "" : " OR ");
                    first = false;
                    sql.accept("(");
                    slot.accept(term.active);
                    if (term.pieces != null) {
                        sql.accept(" AND (");
                        sql.accept(term.pieces.get(0));
                        for (int i = 0; i < term.params.size(); i++) {
                            slot.accept(term.firstParam + i);
                            sql.accept(term.pieces.get(i + 1));
                        }
                        sql.accept(")");
                    }
                    sql.accept(")");
                }
                if (group.terms.isEmpty()) {
                    sql.accept("FALSE");
                }
                sql.accept(group.ownRows != null ? "))" : ")");
            }
            sql.accept(")");
        }

        private List<Term> terms(EntityTable<?> table) {
            EntityRules<?, ?> rules = table.rules();
            List<Term> terms = new ArrayList<>();
            for (int rule = 1; rule <= rules.ruleCount(); rule++) {
                Term term;
                int active = slotCount;
                Optional<SqlTemplate> template = rules.ruleHasConstraint(rule) ? table.constraint(rule)
                        : Optional.empty();
                if (rules.ruleHasConstraint(rule) && template.isEmpty()) {
                    throw new IllegalStateException("rule " + rule + " of " + rules.entityName()
                            + " has a constraint but its table has no SQL for it");
                }
                if (template.isEmpty()) {
                    term = new Term(rule, active, null, List.of(), active + 1);
                } else {
                    List<String> pieces = SqlText.pieces(template.get().sql(), alias, dialect);
                    term = new Term(rule, active, pieces, template.get().params(), active + 1);
                }
                terms.add(term);
                slotCount += 1 + term.params.size();
            }
            return terms;
        }

        /** The values of every slot for the statement being run, worked out once per execution. */
        Object[] values(ExecutionContext execution) {
            if (Boolean.TRUE.equals(execution.getQueryOptions().isResultCachingEnabled())) {
                throw new IllegalStateException(NAME + "(...) in a query whose results are cached: the query cache "
                        + "would give one user's rows to another; run it without the query cache");
            }
            return values.computeIfAbsent(execution, e -> evaluate(SecurityContext.current()));
        }

        /**
         * The values of every slot for a context, the date-time tokens at one instant: a {@link Boolean} for the
         * first slot and each rule's "applies" flag, a {@link Value} for a constraint's parameter (null for one of a
         * rule that does not apply).
         */
        Object[] evaluate(SecurityContext current) {
            ZonedDateTime now = current.now();
            SecurityContext ctx = current.withClock(Clock.fixed(now.toInstant(), now.getZone()));
            Object[] values = new Object[slotCount];
            boolean enforces = ctx.enforcesDataAccess();
            values[0] = !enforces;
            for (Group group : groups) {
                EntityRules<?, ?> rules = group.table.rules();
                long roles = enforces ? ctx.rolesIn(rules.module()) : 0L;
                for (Term term : group.terms) {
                    boolean applies = enforces && (rules.ruleRoles(term.rule) & roles) != 0;
                    SqlFragment rendered = null;
                    if (applies && term.pieces != null) {
                        rendered = rules.hasTokensOf(term.rule, ctx)
                                ? group.table.constraint(term.rule).orElseThrow().render("w", ctx, dialect).orElse(null)
                                : null;
                        applies = rendered != null;
                    }
                    values[term.active] = applies;
                    int next = 0;
                    for (int i = 0; i < term.params.size(); i++) {
                        SqlParam param = term.params.get(i);
                        if (rendered == null) {
                            values[term.firstParam + i] = null;
                        } else if (param.isFolded()) {
                            values[term.firstParam + i] = ctx.hasUserRole(param.name());
                        } else {
                            values[term.firstParam + i] = new Value(rendered.values().get(next),
                                    rendered.types().get(next));
                            next++;
                        }
                    }
                }
            }
            return values;
        }

        /** The type a slot's null is bound as. */
        Class<?> nullType(int slot) {
            for (Group group : groups) {
                for (Term term : group.terms) {
                    if (slot >= term.firstParam && slot < term.firstParam + term.params.size()) {
                        Class<?> type = term.params.get(slot - term.firstParam).javaType();
                        return type == null ? Object.class : type;
                    }
                }
            }
            return Boolean.class;
        }
    }

    /** A value and the type to bind it as. */
    record Value(Object value, Class<?> type) {}

    /**
     * A parameter of the filter's SQL that Hibernate's statement does not know a value for: it binds its value from the
     * plan, for the security context of the thread that runs the statement.
     */
    private static final class Slot extends AbstractJdbcParameter {
        private final Plan plan;
        private final int index;

        Slot(Plan plan, JdbcMapping mapping, int index) {
            super(mapping);
            this.plan = plan;
            this.index = index;
        }

        @Override
        public void bindParameterValue(PreparedStatement statement, int position, JdbcParameterBindings bindings,
                ExecutionContext execution) throws SQLException {
            Object value = plan.values(execution)[index];
            if (value instanceof Value typed) {
                plan.dialect.bind(statement, position, typed.value(), typed.type());
            } else if (value instanceof Boolean flag) {
                plan.dialect.bind(statement, position, flag, Boolean.class);
            } else {
                plan.dialect.bind(statement, position, null, plan.nullType(index));
            }
        }
    }
}
