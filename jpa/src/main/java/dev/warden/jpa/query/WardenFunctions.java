package dev.warden.jpa.query;

import dev.warden.runtime.internal.DatePart;
import dev.warden.runtime.sql.Dialect;
import jakarta.persistence.criteria.CriteriaBuilder;
import java.util.Locale;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.internal.SqmCriteriaNodeBuilder;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * The SQL functions Warden registers with Hibernate (found through {@code META-INF/services}, so that every session
 * factory has them): the functions of the constraint language whose SQL differs between databases, rendered as the
 * SQL filter renders them ({@link Dialect#sqlFunction}), so that a Criteria predicate and the SQL filter agree on
 * every row:
 * <ul>
 *   <li>{@code warden_lower(x)}: the case-insensitive form of {@code contains}, {@code starts-with} and
 *       {@code ends-with} (the root locale's lower case on PostgreSQL with ICU, on H2 in every JVM locale);</li>
 *   <li>{@code warden_length(x)}: the number of characters (code points) for {@code string-length};</li>
 *   <li>{@code warden_year(x)}, ..., and {@code warden_year_in_zone(x, zone)}, ...: the date parts, of an instant
 *       in the user's zone;</li>
 *   <li>{@code warden_readable(alias)}: the read filter in HQL and JPQL ({@link ReadableFunction}).</li>
 * </ul>
 * Warden's filters support H2 and PostgreSQL; on another database the functions are not registered, and a filter
 * that needs one fails when Hibernate resolves it, naming the function.
 */
public final class WardenFunctions implements FunctionContributor {
    /** {@code warden_lower(x)}. */
    static final String LOWER = "warden_lower";
    /** {@code warden_length(x)}. */
    static final String LENGTH = "warden_length";

    /** For the service loader. */
    public WardenFunctions() {}

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        Dialect dialect = wardenDialect(contributions.getDialect());
        if (dialect == null) {
            return;
        }
        SqmFunctionRegistry registry = contributions.getFunctionRegistry();
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        BasicType<String> string = types.resolve(StandardBasicTypes.STRING);
        BasicType<Integer> integer = types.resolve(StandardBasicTypes.INTEGER);
        registry.registerPattern(LOWER, dialect.sqlFunction("lower", "?1"), string);
        registry.registerPattern(LENGTH, dialect.sqlFunction("length", "?1"), integer);
        registry.register(ReadableFunction.NAME,
                new ReadableFunction(dialect, types.resolve(StandardBasicTypes.BOOLEAN)));
        for (DatePart part : DatePart.values()) {
            registry.registerPattern(datePart(part, false), datePartSql(part, "?1", dialect), integer);
            registry.registerPattern(datePart(part, true), datePartSql(part, "(?1 AT TIME ZONE ?2)", dialect), integer);
        }
    }

    /** The name of a date part's function: {@code warden_year}, {@code warden_year_in_zone}. */
    static String datePart(DatePart part, boolean inZone) {
        return "warden_" + part.name().toLowerCase(Locale.ROOT) + (inZone ? "_in_zone" : "");
    }

    /** The date part's SQL, as the processor's SQL compiler writes it. */
    private static String datePartSql(DatePart part, String time, Dialect dialect) {
        switch (part) {
            case SECONDS:
                return "FLOOR(EXTRACT(SECOND FROM " + time + "))";
            case WEEK:
                return "EXTRACT(" + dialect.sqlFunction("isoweek", null) + " FROM " + time + ")";
            case WEEKDAY:
                return "MOD(CAST(EXTRACT(ISODOW FROM " + time + ") AS INTEGER), 7) + 1";
            case DAY_OF_YEAR:
                return "EXTRACT(DOY FROM " + time + ")";
            case HOURS:
                return "EXTRACT(HOUR FROM " + time + ")";
            case MINUTES:
                return "EXTRACT(MINUTE FROM " + time + ")";
            default:
                return "EXTRACT(" + part.name() + " FROM " + time + ")";
        }
    }

    /** Warden's dialect for Hibernate's, or null when Warden has none for that database. */
    static Dialect wardenDialect(org.hibernate.dialect.Dialect hibernate) {
        if (hibernate instanceof PostgreSQLDialect) {
            return Dialect.postgreSql();
        }
        if (hibernate instanceof H2Dialect) {
            return Dialect.h2();
        }
        return null;
    }

    /**
     * Warden's dialect for the database of a Hibernate criteria builder.
     *
     * @throws IllegalStateException when it is not Hibernate's, or Warden has no dialect for the database
     */
    static Dialect dialectOf(CriteriaBuilder cb) {
        if (!(cb instanceof SqmCriteriaNodeBuilder hibernate)) {
            throw new IllegalStateException("Warden's query filters need Hibernate's CriteriaBuilder, not "
                    + cb.getClass().getName());
        }
        org.hibernate.dialect.Dialect dialect = hibernate.getQueryEngine().getDialect();
        Dialect warden = wardenDialect(dialect);
        if (warden == null) {
            throw new IllegalStateException("Warden's query filters support H2 and PostgreSQL, not "
                    + dialect.getClass().getName());
        }
        return warden;
    }
}
