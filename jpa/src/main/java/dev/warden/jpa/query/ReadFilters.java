package dev.warden.jpa.query;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.resource.beans.spi.ManagedBean;
import org.hibernate.type.CustomType;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.UserType;

/**
 * The automatic read filter: every secured entity's hierarchy gets a Hibernate filter, enabled in every session, whose
 * condition is the entity's read filter ({@code warden_readable}'s SQL, the same for every user), so that every HQL,
 * JPQL and Criteria query Hibernate runs of a secured entity returns only the rows the current user may read, inside
 * the statement: lists, pages and their totals, {@code count}, {@code exists} (and everything Spring Data derives from
 * them) count only readable rows.
 *
 * <p>The per-user part is bound, never written into the SQL: each of the condition's parameters has a resolver that
 * Hibernate calls when it translates the query (Hibernate does not cache the translation of a query while a filter is
 * enabled), and the resolvers take their values from the security context of the thread, worked out once per filter
 * (the date-time tokens at one instant). {@code SecurityContext.system()} lifts the filter (its first parameter lets
 * every row through); with no security context the query is refused with an {@link AccessDeniedException}.
 *
 * <p>Not filtered in SQL, and left to the safety net: {@code find} and {@code getReference} by id (Hibernate applies no
 * filter to a load by key, so an unreadable row is refused, not hidden), to-one associations, to-many collections
 * (their invisible elements are taken out after loading), and native SQL. Hibernate's query cache keys its results by
 * the filters' names only, so it cannot be used with this filter: a session factory with
 * {@code hibernate.cache.use_query_cache=true} is refused unless {@value #SETTING}{@code =false}.
 *
 * <p>Registered as Hibernate's {@link AdditionalMappingContributor} (found through {@code META-INF/services}); it does
 * nothing with {@code warden.jpa.enabled=false} or {@value #SETTING}{@code =false}, nor on a database Warden has no
 * dialect for. An entity whose rows several secured entities judge without a discriminator column gets no filter (its
 * queries stay protected by the safety net alone).
 */
public final class ReadFilters implements AdditionalMappingContributor {
    /** The setting that turns the automatic read filter off (the safety net stays): {@code warden.jpa.read-filter}. */
    public static final String SETTING = "warden.jpa.read-filter";
    /** The prefix of the filters' names; the entity's name follows. */
    public static final String NAME_PREFIX = "warden_read_";

    /** For the service loader. */
    public ReadFilters() {}

    @Override
    public String getContributorName() {
        return "warden";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
        Map<String, Object> settings = buildingContext.getBootstrapContext().getServiceRegistry()
                .requireService(ConfigurationService.class).getSettings();
        if (isFalse(settings.get("warden.jpa.enabled")) || isFalse(settings.get(SETTING))) {
            return;
        }
        Dialect dialect = WardenFunctions.wardenDialect(metadata.getDatabase().getDialect());
        if (dialect == null) {
            return;
        }
        Map<RootClass, Plan> plans = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof RootClass root) {
                plan(root, dialect).ifPresent(plan -> plans.put(root, plan));
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        if (isTrue(settings.get(CacheSettings.USE_QUERY_CACHE))) {
            throw new IllegalStateException("Warden's read filter cannot be used with Hibernate's query cache ("
                    + CacheSettings.USE_QUERY_CACHE + "=true), which keys its results by the filters' names only and "
                    + "would give one user's rows to another: turn the query cache off, or set " + SETTING
                    + "=false (queries of secured entities are then refused when a row is not readable, not filtered)");
        }
        CustomType<Bound> type = new CustomType<>(new BoundType(dialect),
                buildingContext.getBootstrapContext().getTypeConfiguration());
        for (Map.Entry<RootClass, Plan> entry : plans.entrySet()) {
            define(metadata, entry.getKey(), entry.getValue(), type);
        }
    }

    /** The plan of a hierarchy's read filter, or empty when no class of it is a secured entity with a table. */
    private static Optional<Plan> plan(RootClass root, Dialect dialect) {
        List<Class<?>> classes = new ArrayList<>();
        collect(root, classes);
        String secured = null;
        for (Class<?> type : classes) {
            if (secured == null && EntityTable.forClass(type).isPresent()) {
                secured = EntityTable.forClass(type).get().entityName();
            }
        }
        if (secured == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Plan(ReadableFunction.Plan.of(classes, root.getEntityName(), "{alias}", dialect),
                    secured));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // several secured entities and no discriminator: the safety net judges the rows
        }
    }

    private static void collect(PersistentClass entity, List<Class<?>> classes) {
        Class<?> type = entity.getMappedClass();
        if (type != null && !classes.contains(type)) {
            classes.add(type);
        }
        for (PersistentClass sub : entity.getSubclasses()) {
            collect(sub, classes);
        }
    }

    private static void define(InFlightMetadataCollector metadata, RootClass root, Plan plan, JdbcMapping type) {
        String name = NAME_PREFIX + root.getEntityName().replace('.', '_').replace('$', '_');
        StringBuilder condition = new StringBuilder();
        Map<String, JdbcMapping> parameters = new LinkedHashMap<>();
        Map<String, ManagedBean<? extends Supplier<?>>> resolvers = new LinkedHashMap<>();
        plan.sql.write(text -> {
            if (text.indexOf(':') >= 0) {
                throw new IllegalStateException("the read filter of " + plan.entity + " has a ':' in its SQL, which "
                        + "Hibernate would take for a filter parameter: " + text);
            }
            condition.append(text);
        }, slot -> {
            // The trailing space ends the name for Hibernate's parameter pattern; fixed width keeps p1 from p10.
            String parameter = String.format("p%04d", slot);
            condition.append(':').append(parameter).append(' ');
            parameters.put(parameter, type);
            resolvers.put(parameter, new Resolver(plan, slot));
        });
        metadata.addFilterDefinition(new FilterDefinition(name, condition.toString(), true, false, parameters,
                resolvers));
        root.addFilter(name, condition.toString(), false, Map.of(), Map.of());
    }

    private static boolean isFalse(Object value) {
        return value != null && "false".equalsIgnoreCase(value.toString().strip());
    }

    private static boolean isTrue(Object value) {
        return value != null && "true".equalsIgnoreCase(value.toString().strip());
    }

    /**
     * A hierarchy's read filter, and the values of its parameters for the filter being translated on this thread:
     * worked out when Hibernate asks for the first parameter (it asks for them in the order of the condition), so that
     * every parameter of one filter has the values of one context at one instant.
     */
    private static final class Plan {
        final ReadableFunction.Plan sql;
        final String entity;
        /** The values worked out for the filter being translated, with the context they are for. */
        private final ThreadLocal<Values> current = new ThreadLocal<>();

        Plan(ReadableFunction.Plan sql, String entity) {
            this.sql = sql;
            this.entity = entity;
        }

        Bound value(int slot) {
            SecurityContext ctx = SecurityContext.currentIfPresent().orElseThrow(() -> new AccessDeniedException(
                    entity, null, Operation.VIEW, "Hibernate queried it with no security context on this thread: "
                            + "open one (SecurityContext.open(user), or SecurityContext.system() for code that "
                            + "must see everything)"));
            Values worked = current.get();
            // Values left by a translation that failed half-way, or worked out for another context, are not reused.
            if (slot == 0 || worked == null || worked.context() != ctx) {
                worked = new Values(ctx, sql.evaluate(ctx));
                current.set(worked);
            }
            Object[] values = worked.values();
            Object value = values[slot];
            if (slot == values.length - 1) {
                current.remove();
            }
            if (value instanceof ReadableFunction.Value typed) {
                return new Bound(typed.value(), typed.type());
            }
            if (value instanceof Boolean flag) {
                return new Bound(flag, Boolean.class);
            }
            return new Bound(null, sql.nullType(slot));
        }
    }

    /** The parameters' values for one context. */
    private record Values(SecurityContext context, Object[] values) {}

    /** The resolver of one parameter, as Hibernate takes it. */
    private record Resolver(Plan plan, int slot) implements ManagedBean<Supplier<?>>, Supplier<Bound> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<Supplier<?>> getBeanClass() {
            return (Class) Resolver.class;
        }

        @Override
        public Supplier<?> getBeanInstance() {
            return this;
        }

        @Override
        public Bound get() {
            return plan.value(slot);
        }
    }

    /** A parameter's value and the type Warden's dialect binds it as (its null included). */
    record Bound(Object value, Class<?> type) implements Serializable {}

    /** The Hibernate type of the filter's parameters: binds each as Warden's SQL filter does. */
    private record BoundType(Dialect dialect) implements UserType<Bound>, Serializable {
        @Override
        public int getSqlType() {
            return Types.JAVA_OBJECT;
        }

        @Override
        public Class<Bound> returnedClass() {
            return Bound.class;
        }

        @Override
        public void nullSafeSet(PreparedStatement statement, Bound value, int position, WrapperOptions options)
                throws SQLException {
            if (value == null) {
                throw new IllegalStateException("a parameter of Warden's read filter has no value");
            }
            dialect.bind(statement, position, value.value(), value.type());
        }

        @Override
        public Bound deepCopy(Bound value) {
            return value;
        }

        @Override
        public boolean isMutable() {
            return false;
        }
    }
}
