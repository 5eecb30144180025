package dev.warden.jpa;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import java.util.Optional;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Bulk HQL, JPQL and Criteria {@code update}, {@code delete} and {@code insert} statements on a secured entity are
 * refused unless the current context does not enforce data access ({@code SecurityContext.system()}): they change rows
 * without loading them, so no rule could be checked on them. Hibernate translates each mutation statement here
 * ({@code hibernate.query.sqm.translator}, set by {@link Contributor} unless the application sets its own). Public
 * only for Hibernate, which instantiates it by name.
 */
public final class BulkStatements implements SqmTranslatorFactory {
    private final SqmTranslatorFactory delegate = new StandardSqmTranslatorFactory();

    /** For Hibernate. */
    public BulkStatements() {}

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> sqm, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings domainParameterBindings,
            LoadQueryInfluencers loadQueryInfluencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems) {
        return delegate.createSelectTranslator(sqm, queryOptions, domainParameterXref, domainParameterBindings,
                loadQueryInfluencers, creationContext, deduplicateSelectionItems);
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> sqm,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext) {
        check(sqm);
        return delegate.createMutationTranslator(sqm, queryOptions, domainParameterXref, domainParameterBindings,
                loadQueryInfluencers, creationContext);
    }

    private static void check(SqmDmlStatement<?> sqm) {
        Class<?> target = sqm.getTarget().getJavaType();
        if (target == null || GeneratedCode.rulesOf(target) == null) {
            return;
        }
        String entity = GeneratedCode.entityName(target);
        Operation operation = sqm instanceof SqmDeleteStatement ? Operation.DELETE
                : sqm instanceof SqmInsertStatement ? Operation.CREATE : Operation.WRITE;
        Optional<SecurityContext> ctx = SecurityContext.currentIfPresent();
        if (ctx.isEmpty()) {
            throw new AccessDeniedException(entity, null, operation,
                    "a bulk statement ran with no security context on this thread");
        }
        if (ctx.get().enforcesDataAccess()) {
            throw new AccessDeniedException(entity, null, operation, "bulk HQL, JPQL and Criteria update, delete and "
                    + "insert statements change rows without loading them, so Warden cannot check the rules on them: "
                    + "load the objects and change them, or run the statement in SecurityContext.system()");
        }
    }

    /** Installs the translator unless the application names its own. Public only for the service loader. */
    public static final class Contributor implements ServiceContributor {
        /** For the service loader. */
        public Contributor() {}

        @Override
        public void contribute(StandardServiceRegistryBuilder builder) {
            Object enabled = builder.getSettings().get(WardenJpa.ENABLED);
            if (enabled != null && "false".equalsIgnoreCase(enabled.toString().strip())) {
                return;
            }
            if (builder.getSettings().get(QuerySettings.SEMANTIC_QUERY_TRANSLATOR) == null) {
                builder.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR, BulkStatements.class.getName());
            }
        }
    }
}
