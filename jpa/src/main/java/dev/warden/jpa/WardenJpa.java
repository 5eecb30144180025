package dev.warden.jpa;

import dev.warden.jpa.query.JpaFilters;
import dev.warden.runtime.SecurityContext;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import java.util.Objects;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;

/**
 * The entry point of Warden for JPA and Hibernate. With {@code warden-jpa} on the class path, Hibernate discovers
 * {@link Integration} (registered in {@code META-INF/services}) and every session factory it builds is secured; no
 * code is needed. {@link #integrate(EntityManagerFactory)} does the same for a factory built where integrators are not
 * discovered. Either way the rules are those of the current {@link dev.warden.runtime.SecurityContext}:
 * <ul>
 *   <li>every HQL, JPQL and Criteria query of a secured entity returns only the rows the user may read, filtered in
 *       SQL ({@link dev.warden.jpa.query.ReadFilters}, defined when Hibernate builds its metadata: not for a factory
 *       secured by {@link #integrate(EntityManagerFactory)});</li>
 *   <li>every entity Hibernate materializes (find, getReference, queries, native queries, lazy and eager
 *       associations, refresh) is judged by the policy of its most specific secured entity: one the user may not see
 *       never reaches user code ({@link SafetyNet});</li>
 *   <li>every insert, update and delete Hibernate flushes is checked ({@link FlushChecks});</li>
 *   <li>{@code SecurityContext.system()} lifts all of it; no context denies everything.</li>
 * </ul>
 */
public final class WardenJpa {
    /** The setting that turns the automatic integration off: {@code warden.jpa.enabled=false}. */
    public static final String ENABLED = "warden.jpa.enabled";

    private WardenJpa() {}

    /**
     * Secures an entity manager factory built without the discovered integrator (for example with
     * {@code warden.jpa.enabled=false}, or in a class loader that does not see {@code META-INF/services}). Calling it
     * on a factory that is already secured changes nothing.
     *
     * @param factory the factory; a Hibernate one
     * @return the factory
     * @throws IllegalArgumentException when it is not Hibernate's
     */
    public static EntityManagerFactory integrate(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        SessionFactoryImplementor sessionFactory;
        try {
            sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Warden for JPA needs Hibernate ORM; this EntityManagerFactory is a "
                    + factory.getClass().getName(), e);
        }
        register(sessionFactory.getEventListenerRegistry());
        return factory;
    }

    /**
     * The read filter of a secured entity for a Criteria query, as {@link dev.warden.jpa.query.JpaFilters#readable(
     * CriteriaBuilder, CommonAbstractCriteria, From, SecurityContext)} builds it: the rows of {@code from} the user may
     * see. The query is needed as well as the root, since paths through associations become its sub-queries.
     *
     * @param cb the query's criteria builder (Hibernate's)
     * @param query the query whose where the predicate goes into
     * @param from the secured entity's root or join in that query
     * @param ctx the security context
     * @return the predicate
     */
    public static Predicate readable(CriteriaBuilder cb, CommonAbstractCriteria query, From<?, ?> from,
            SecurityContext ctx) {
        return JpaFilters.readable(cb, query, from, ctx);
    }

    /**
     * The integrator, for a bootstrap that names its integrators itself
     * ({@code BootstrapServiceRegistryBuilder.applyIntegrator}).
     *
     * @return a new integrator
     */
    public static Integrator integrator() {
        return new Integration();
    }

    /** The oldest Hibernate ORM (major, minor) whose event SPI Warden's listeners are built on. */
    private static final int[] OLDEST_SUPPORTED = {7, 4};

    /**
     * Refuses to secure a Hibernate older than 7.4 before any listener is registered, instead of failing later with a
     * {@code NoSuchMethodError} in the middle of a load (Spring Boot 4.0 manages Hibernate 7.2; an application on it
     * sets {@code hibernate.version} to 7.4). A version string Hibernate could not determine is let through.
     *
     * @param version Hibernate's version, as {@code org.hibernate.Version.getVersionString()} gives it
     * @throws IllegalStateException when the version is older than 7.4
     */
    static void requireSupportedHibernate(String version) {
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!numbers.find()) {
            return;
        }
        int major = Integer.parseInt(numbers.group(1));
        int minor = Integer.parseInt(numbers.group(2));
        if (major < OLDEST_SUPPORTED[0] || major == OLDEST_SUPPORTED[0] && minor < OLDEST_SUPPORTED[1]) {
            throw new IllegalStateException("Warden for JPA needs Hibernate ORM " + OLDEST_SUPPORTED[0] + "."
                    + OLDEST_SUPPORTED[1] + " or later, but this application runs Hibernate ORM " + version
                    + "; with Spring Boot set the property hibernate.version (for example to 7.4.15.Final), or set "
                    + ENABLED + "=false to run without Warden's Hibernate listeners");
        }
    }

    /** The registries Warden's listeners are in. */
    private static final WeakIdentitySet REGISTERED = new WeakIdentitySet();

    /**
     * Registers Warden's listeners, once per registry. The collection filter replaces Hibernate's own listeners for
     * collection initialization and calls them; the only way to get them is the deprecated {@code listeners()}.
     */
    @SuppressWarnings("deprecation")
    static synchronized void register(EventListenerRegistry registry) {
        if (REGISTERED.contains(registry)) {
            return;
        }
        requireSupportedHibernate(org.hibernate.Version.getVersionString());
        REGISTERED.add(registry);
        SafetyNet safetyNet = SafetyNet.INSTANCE;
        FlushChecks checks = FlushChecks.INSTANCE;
        registry.appendListeners(EventType.POST_LOAD, safetyNet);
        registry.appendListeners(EventType.LOAD, safetyNet);
        registry.prependListeners(EventType.LOAD, SafetyNet.JudgementLoads.INSTANCE);
        java.util.List<org.hibernate.event.spi.InitializeCollectionEventListener> collections = new java.util.ArrayList<>();
        registry.getEventListenerGroup(EventType.INIT_COLLECTION).listeners().forEach(collections::add);
        registry.setListeners(EventType.INIT_COLLECTION, new SafetyNet.CollectionFilter(collections));
        registry.appendListeners(EventType.PRE_INSERT, checks);
        registry.appendListeners(EventType.PRE_UPDATE, checks);
        registry.appendListeners(EventType.PRE_DELETE, checks);
        registry.prependListeners(EventType.DELETE, FlushChecks.RemoveCheck.INSTANCE);
        registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, checks);
    }

    /**
     * The integrator Hibernate discovers from {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
     * Public only for the service loader.
     */
    public static final class Integration implements Integrator {
        /** For the service loader. */
        public Integration() {}

        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                SessionFactoryImplementor sessionFactory) {
            Object enabled = sessionFactory.getProperties().get(ENABLED);
            if (enabled != null && "false".equalsIgnoreCase(enabled.toString().strip())) {
                return;
            }
            register(sessionFactory.getEventListenerRegistry());
        }
    }
}
