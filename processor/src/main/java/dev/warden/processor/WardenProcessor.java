package dev.warden.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.warden.processor.codegen.ApplicationWriter;
import dev.warden.processor.codegen.CompactSource;
import dev.warden.processor.codegen.ModuleWriter;
import dev.warden.processor.codegen.Naming;
import dev.warden.processor.codegen.OperationWriter;
import dev.warden.processor.codegen.PolicyWriter;
import dev.warden.processor.codegen.ProxyWriter;
import dev.warden.processor.codegen.RowLevelSecurityWriter;
import dev.warden.processor.codegen.SecurityOverview;
import dev.warden.processor.codegen.CriteriaWriter;
import dev.warden.processor.codegen.TableWriter;
import dev.warden.processor.model.TableCatalog;
import dev.warden.processor.model.TableNaming;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.TablePlan;
import dev.warden.processor.diagnostics.DiagnosticPrinter;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.AstModifications;
import dev.warden.processor.model.ElementOrder;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.ModelBuilder;
import dev.warden.processor.model.ModuleCatalog;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.OperationReader;
import dev.warden.processor.model.OperationTypeModel;
import dev.warden.processor.model.ShapeCatalog;
import dev.warden.processor.model.SourceLocation;
import dev.warden.processor.model.StrayAnnotation;
import dev.warden.processor.model.WardenAnnotations;
import dev.warden.processor.validation.ApplicationSettingsValidation;
import dev.warden.processor.validation.OperationValidation;
import dev.warden.processor.validation.RowLevelSecurityValidation;
import dev.warden.processor.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Warden annotation processor. It only wires the layers together: read the model, validate it, print
 * the report, and generate code for what is valid. An entity with errors gets no generated code; the others
 * still do. No exception ever reaches javac: an internal failure becomes an error on the element that was
 * being processed.
 *
 * <p>It reads Warden's annotations through their mirrors only, never as classes, so that it needs nothing but its
 * own jar on the processor path; and it claims them (see {@link Option#CLAIM_ANNOTATIONS}).
 */
@AutoService(Processor.class)
public final class WardenProcessor extends AbstractProcessor {

    /**
     * The options the processor understands, given to javac as {@code -Akey=value} (Maven: {@code <compilerArgs>};
     * Gradle: {@code options.compilerArgs}). Adding one is adding a constant; the README lists them.
     */
    public enum Option {
        /**
         * Whether {@link #process} claims Warden's annotations ({@code true}, the default), so that no later
         * processor is asked about them and {@code -Xlint:processing} does not report them as unclaimed. A processor
         * that also reads them runs either before Warden (earlier on the processor path) or with this set to
         * {@code false}.
         */
        CLAIM_ANNOTATIONS("warden.claimAnnotations", "true"),
        /**
         * Whether the processor writes PostgreSQL row-level security, {@value RowLevelSecurityWriter#RESOURCE}, for
         * the entities with a table: {@code auto} (the default) writes it, and says in it which rules it leaves out;
         * {@code true} also warns about them ({@code WARDEN-W030}), for builds that rely on the policies;
         * {@code false} writes nothing.
         */
        ROW_LEVEL_SECURITY("warden.postgresql.rowLevelSecurity", "auto"),
        /**
         * Whether the generated row-level security also binds the tables' owner ({@code FORCE ROW LEVEL SECURITY});
         * {@code false} by default, so that the owner (migrations, the system) sees every row.
         */
        FORCE_ROW_LEVEL_SECURITY("warden.postgresql.forceRowLevelSecurity", "false"),
        /**
         * How the tables and columns the mapping does not name are named ({@link TableNaming}): {@code snake} (the
         * default: snake_case, as Spring Boot names them), {@code spring-boot} (exactly Spring Boot's
         * {@code CamelCaseToUnderscoresNamingStrategy}, which rewrites given names too) or {@code jpa} (Hibernate's
         * defaults: the Java names).
         */
        NAMING("warden.naming", "snake");

        private final String key;
        private final String defaultValue;

        Option(String key, String defaultValue) {
            this.key = key;
            this.defaultValue = defaultValue;
        }

        /** The option's name, without {@code -A}. */
        public String key() {
            return key;
        }

        /** The value when the option is not given. */
        public String defaultValue() {
            return defaultValue;
        }

        /** The value given to javac; an option given without a value ({@code -Akey}) means {@code true}. */
        String valueIn(Map<String, String> options) {
            if (!options.containsKey(key)) {
                return defaultValue;
            }
            String value = options.get(key);
            return value == null ? "true" : value.strip();
        }
    }

    /** Where the security overview is written, relative to the class output, without extension. */
    public static final String OVERVIEW = "META-INF/warden/security-overview";

    private ModuleCatalog modules;
    private ModelBuilder builder;
    private ShapeCatalog shapes;
    private Validator validator;
    private DiagnosticPrinter printer;
    private Naming naming;
    private ModuleWriter moduleWriter;
    private ApplicationWriter applicationWriter;
    private PolicyWriter policyWriter;
    private ProxyWriter proxyWriter;
    private TableCatalog tables;
    private TableWriter tableWriter;
    /** Writes the JPA Criteria predicates; null unless the Criteria API and warden-jpa are on the class path. */
    private CriteriaWriter criteriaWriter;
    private final ApplicationSettingsValidation applicationSettings = new ApplicationSettingsValidation();
    private OperationReader operationReader;
    private OperationValidation operationValidation;
    private final OperationWriter operationWriter = new OperationWriter();

    private final List<AppModel> applications = new ArrayList<>();
    private Optional<AppModel> classPathApplication;
    /** What an entity waits for when a processor that changes types (Lombok) is not done with it yet. */
    private static final String AWAITING_AST_MODIFICATIONS = "the members Lombok adds";
    private AstModifications astModifications;
    /** Types with member annotations (on fields Lombok has not made members yet) to check in a later round. */
    private final Set<String> strayAwaitingAst = new LinkedHashSet<>();

    /** Entities waiting for a type generated in a later round, by name, with the type they wait for. */
    private final Map<String, String> deferred = new LinkedHashMap<>();
    private final Set<String> processed = new LinkedHashSet<>();
    /**
     * Entities that get no generated code: those with errors, and those whose code would refer to the code of one
     * that gets none (an association to it, directly or through others).
     */
    private final Set<String> failed = new LinkedHashSet<>();
    /**
     * Entities that validated, by name, with their plan, until their code is generated: at once, or when every entity
     * their code refers to is decided (one may be deferred to a later round).
     */
    private final Map<String, EntityPlan> validated = new LinkedHashMap<>();
    /** The generated entities stored in each table (lower case), to find tables shared without a discriminator. */
    private final Map<String, List<EntityPlan>> tablesInUse = new LinkedHashMap<>();
    /** The entities each entity read refers to in its generated code, by name. */
    private final Map<String, Set<String>> refersTo = new HashMap<>();
    /** The entities that validated and were generated, for the security overview. */
    private final List<EntityPlan> generated = new ArrayList<>();
    private boolean applicationValid;
    /** Types with operations waiting for a supertype generated in a later round, by name, with that supertype. */
    private final Map<String, String> deferredOperations = new LinkedHashMap<>();
    private final Set<String> processedOperations = new LinkedHashSet<>();
    /** The types whose operations validated and were generated, for the registry list and the overview. */
    private final List<OperationTypeModel> operations = new ArrayList<>();
    private boolean claimAnnotations = true;
    private boolean rowLevelSecurity = true;
    private boolean rowLevelSecurityWarnings;
    private RowLevelSecurityWriter rowLevelSecurityWriter;
    /** The generated entities with a table, for the row-level security. */
    private final List<EntityPlan> withTables = new ArrayList<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        claimAnnotations = booleanOption(Option.CLAIM_ANNOTATIONS, env.getOptions());
        String rls = Option.ROW_LEVEL_SECURITY.valueIn(env.getOptions());
        if (rls.equalsIgnoreCase("auto") || rls.equalsIgnoreCase("true") || rls.equalsIgnoreCase("false")) {
            rowLevelSecurity = !rls.equalsIgnoreCase("false");
            rowLevelSecurityWarnings = rls.equalsIgnoreCase("true");
        } else {
            env.getMessager().printMessage(Kind.ERROR, "[" + Message.INVALID_OPTION.code() + "] "
                    + Message.INVALID_OPTION.format(Option.ROW_LEVEL_SECURITY.key(), rls, "it takes auto, true or false")
                    + "\n    hint: -A" + Option.ROW_LEVEL_SECURITY.key() + "=true to write the policies and warn about "
                    + "the rules they leave out");
        }
        rowLevelSecurityWriter = new RowLevelSecurityWriter(
                booleanOption(Option.FORCE_ROW_LEVEL_SECURITY, env.getOptions()));
        modules = new ModuleCatalog(env.getElementUtils(), env.getFiler());
        builder = new ModelBuilder(env.getElementUtils(), env.getTypeUtils(), modules);
        astModifications = AstModifications.discover(WardenProcessor.class.getClassLoader());
        shapes = new ShapeCatalog(env.getElementUtils(), env.getTypeUtils(), builder);
        tables = new TableCatalog(env.getElementUtils(), builder, naming(env.getOptions()));
        validator = new Validator(modules, env.getElementUtils(), env.getTypeUtils(), shapes, tables);
        printer = new DiagnosticPrinter(env);
        naming = new Naming(env.getElementUtils());
        moduleWriter = new ModuleWriter();
        applicationWriter = new ApplicationWriter(env.getTypeUtils());
        policyWriter = new PolicyWriter(naming, env.getTypeUtils());
        proxyWriter = new ProxyWriter(naming);
        tableWriter = new TableWriter(naming, env.getTypeUtils());
        if (env.getElementUtils().getTypeElement("jakarta.persistence.criteria.CriteriaBuilder") != null
                && env.getElementUtils().getTypeElement(CriteriaWriter.ENTITY_CRITERIA) != null) {
            criteriaWriter = new CriteriaWriter(naming);
        }
        operationReader = new OperationReader(env.getElementUtils(), modules);
        operationValidation = new OperationValidation(modules);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(WardenAnnotations.MODULE, WardenAnnotations.APP_SECURITY, WardenAnnotations.SECURED_ENTITY,
                WardenAnnotations.ACCESS_RULE, WardenAnnotations.ACCESS_RULES, WardenAnnotations.MEMBER_ACCESS,
                WardenAnnotations.MEMBER_ACCESSES, WardenAnnotations.OWNER, WardenAnnotations.CHANGED_BY,
                WardenAnnotations.CREATED_DATE, WardenAnnotations.CHANGED_DATE, WardenAnnotations.PRESET,
                WardenAnnotations.CALCULATED, WardenAnnotations.ALLOWED_ROLES, WardenAnnotations.GENERATED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        Set<String> keys = new LinkedHashSet<>();
        for (Option option : Option.values()) {
            keys.add(option.key());
        }
        return keys;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processModules(round);
            processApplications(round);
            processEntities(round);
            processOperations(round);
            processStrayAnnotations(round);
            if (round.processingOver()) {
                reportUnresolved();
                writeOperationRegistrations();
                writeSecurityOverview();
                writeRowLevelSecurity();
            }
        } catch (RuntimeException | LinkageError e) {
            processingEnv.getMessager().printMessage(Kind.ERROR,
                    "[" + Message.INTERNAL_ERROR.code() + "] " + Message.INTERNAL_ERROR.format("this round", describe(e)));
        }
        // Only Warden's own annotations are supported, so this claims nothing else.
        return claimAnnotations;
    }

    /** The naming of {@link Option#NAMING}; another value is an error (and the default applies). */
    private TableNaming naming(Map<String, String> options) {
        String value = Option.NAMING.valueIn(options);
        Optional<TableNaming> naming = TableNaming.ofOption(value);
        if (naming.isEmpty()) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "[" + Message.INVALID_OPTION.code() + "] "
                    + Message.INVALID_OPTION.format(Option.NAMING.key(), value, "it takes snake, spring-boot or jpa")
                    + "\n    hint: -A" + Option.NAMING.key() + "=spring-boot for Spring Boot's naming, -A"
                    + Option.NAMING.key() + "=jpa for Hibernate's defaults (the Java names), or leave it out for "
                    + "snake_case");
        }
        return naming.orElse(TableNaming.SNAKE);
    }

    /** A {@code true}/{@code false} option; another value is an error (and the default applies). */
    private boolean booleanOption(Option option, Map<String, String> options) {
        String value = option.valueIn(options);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        processingEnv.getMessager().printMessage(Kind.ERROR, "[" + Message.INVALID_OPTION.code() + "] "
                + Message.INVALID_OPTION.format(option.key(), value, "it takes true or false")
                + "\n    hint: -A" + option.key() + "=" + option.defaultValue() + " (the default) or -A" + option.key()
                + "=" + !Boolean.parseBoolean(option.defaultValue()));
        return Boolean.parseBoolean(option.defaultValue());
    }

    // ---------------------------------------------------------------- modules and application

    private void processModules(RoundEnvironment round) {
        List<ModuleModel> found = new ArrayList<>();
        List<PackageElement> packages =
                new ArrayList<>(ElementFilter.packagesIn(elementsAnnotated(round, WardenAnnotations.MODULE)));
        for (PackageElement pkg : packages) {
            found.add(modules.addSource(pkg));
        }
        if (found.isEmpty()) {
            return;
        }
        Report report = new Report();
        validator.validateModules(modules.sourceModules(), report);
        // Only report on the modules of this round; earlier ones were reported already.
        printer.print(filter(report, packages));
        for (int i = 0; i < found.size(); i++) {
            ModuleModel module = found.get(i);
            PackageElement pkg = packages.get(i);
            guarded(pkg, () -> {
                if (!report.hasErrorsOn(pkg) && isFirstModuleNamed(module)) {
                    write(moduleWriter.write(module, pkg));
                    writeResource(ModuleCatalog.MODULE_INDEX + module.name(), module.packageName(), pkg);
                }
            });
        }
    }

    private boolean isFirstModuleNamed(ModuleModel module) {
        return modules.sourceModules().stream().filter(m -> m.name().equals(module.name())).findFirst()
                .map(first -> first == module).orElse(false);
    }

    private void processApplications(RoundEnvironment round) {
        List<TypeElement> types =
                new ArrayList<>(ElementFilter.typesIn(elementsAnnotated(round, WardenAnnotations.APP_SECURITY)));
        if (types.isEmpty()) {
            return;
        }
        int before = applications.size();
        for (TypeElement type : types) {
            guarded(type, () -> applications.add(builder.application(type, true)));
        }
        Report report = new Report();
        validator.validateApplications(applications, modules.sourceModules(), report);
        if (!applications.isEmpty()) {
            applicationSettings.validate(applications.get(0), report);
        }
        printer.print(report);
        if (before == 0 && !applications.isEmpty() && !report.hasErrors()) {
            applicationValid = true;
            AppModel app = applications.get(0);
            TypeElement type = processingEnv.getElementUtils().getTypeElement(app.qualifiedName());
            guarded(type, () -> {
                write(applicationWriter.write(app, type));
                String modelClass = Naming.applicationClass(app).canonicalName();
                writeResource(ApplicationWriter.INDEX, modelClass, type);
                writeResource(ApplicationWriter.SERVICES, modelClass, type);
                writeResource(ModuleCatalog.APPLICATION_INDEX, app.qualifiedName(), type);
            });
        }
    }

    /** The application: declared in these sources, else recorded on the class path by an earlier compilation. */
    private Optional<AppModel> application() {
        if (!applications.isEmpty()) {
            return Optional.of(applications.get(0));
        }
        if (classPathApplication == null) {
            classPathApplication = modules.applicationOnClassPath().map(type -> builder.application(type, false));
        }
        return classPathApplication;
    }

    // ---------------------------------------------------------------- entities

    private void processEntities(RoundEnvironment round) {
        List<TypeElement> candidates = new ArrayList<>(
                ElementFilter.typesIn(elementsAnnotated(round, WardenAnnotations.SECURED_ENTITY)));
        for (String name : new ArrayList<>(deferred.keySet())) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null && !candidates.contains(type)) {
                candidates.add(type);
            }
        }
        if (!round.processingOver() && candidates.stream().anyMatch(type -> !astModifications.isComplete(type))) {
            // Lombok (or another processor that changes types) has not added the accessors yet: read every entity
            // in a later round, so that none is validated against another's members before they are there
            for (TypeElement type : candidates) {
                String name = type.getQualifiedName().toString();
                if (!processed.contains(name)) {
                    deferred.put(name, AWAITING_AST_MODIFICATIONS);
                }
            }
            return;
        }
        Map<String, EntityModel> read = new LinkedHashMap<>();
        for (TypeElement type : candidates) {
            String name = type.getQualifiedName().toString();
            if (processed.contains(name)) {
                continue;
            }
            guarded(type, () -> {
                ModelBuilder.Result result = builder.entity(type);
                if (result.isDeferred()) {
                    deferred.put(name, result.deferredOn());
                } else {
                    deferred.remove(name);
                    processed.add(name);
                    shapes.register(result.entity());
                    tables.register(result.entity());
                    read.put(name, result.entity());
                }
            });
            if (!deferred.containsKey(name) && !read.containsKey(name)) {
                // Reading it failed (reported as an internal error): it gets no code, and is not read again.
                processed.add(name);
                failed.add(name);
            }
        }
        // All entities of the round are registered first, so that associations between them resolve; all are
        // validated before any is generated, so that no generated proxy refers to one that will not exist.
        List<EntityPlan> planned = new ArrayList<>();
        read.forEach((name, entity) -> {
            refersTo.put(name, referencedEntities(entity));
            guarded(entity.element(), () -> plan(entity).ifPresent(plan -> {
                validated.put(name, plan);
                planned.add(plan);
            }));
            if (!validated.containsKey(name)) {
                failed.add(name);
            }
        });
        failSharedTables(planned);
        validated.keySet().removeAll(failed);
        for (String name : readyToGenerate(round.processingOver())) {
            EntityPlan plan = validated.remove(name);
            EntityModel entity = read.get(name);
            TypeElement type = entity != null ? entity.element() : processingEnv.getElementUtils().getTypeElement(name);
            guarded(type, () -> generate(entity != null ? plan : planAgain(readAgain(type))));
        }
    }

    /** The entities whose generated code the code generated for this one refers to: its association targets. */
    private static Set<String> referencedEntities(EntityModel entity) {
        Set<String> targets = new LinkedHashSet<>();
        entity.members().stream().filter(m -> m.kind().isAssociation()).forEach(m -> targets.add(m.targetEntity()));
        return targets;
    }

    /**
     * Decides, for the entities that validated, which get code now. One that refers to an entity that gets no code
     * gets none either, through any number of references and whatever the order they were read in (their errors are
     * reported; a proxy referring to one that does not exist would not compile). One that refers to an entity not
     * decided yet (deferred to a later round, or waiting itself) waits; after the last round such an entity gets no
     * code (what it waited for is reported as unresolved).
     *
     * @param last whether this is the last round
     * @return the entities to generate now, in the order they were read
     */
    private List<String> readyToGenerate(boolean last) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<String> names = validated.keySet().iterator(); names.hasNext(); ) {
                String name = names.next();
                Set<String> targets = refersTo.get(name);
                if (targets.stream().anyMatch(t -> failed.contains(t) || (last && deferred.containsKey(t)))) {
                    names.remove();
                    failed.add(name);
                    changed = true;
                }
            }
        }
        Set<String> waiting = new HashSet<>();
        changed = true;
        while (changed) {
            changed = false;
            for (String name : validated.keySet()) {
                if (!waiting.contains(name)
                        && refersTo.get(name).stream().anyMatch(t -> deferred.containsKey(t) || waiting.contains(t))) {
                    waiting.add(name);
                    changed = true;
                }
            }
        }
        return validated.keySet().stream().filter(name -> !waiting.contains(name)).toList();
    }

    /**
     * The model of an entity read and validated in an earlier round, read again for this round's elements (those of
     * an earlier round are not to be used in a later one).
     */
    private EntityModel readAgain(TypeElement type) {
        ModelBuilder.Result result = builder.entity(type);
        if (result.isDeferred()) {
            throw new IllegalStateException(type + " resolved in an earlier round, but not now: " + result.deferredOn());
        }
        shapes.register(result.entity());
        tables.register(result.entity());
        return result.entity();
    }

    /** Validates an entity, prints what is wrong, and returns its plan when code can be generated for it. */
    private Optional<EntityPlan> plan(EntityModel entity) {
        Report report = new Report();
        Optional<EntityPlan> plan = validator.plan(entity, application(), report);
        if (rowLevelSecurityWarnings) {
            plan.ifPresent(p -> RowLevelSecurityValidation.check(p, report));
        }
        printer.print(report);
        return plan;
    }

    /** The plan of an entity validated in an earlier round, made again from this round's model; reported already. */
    private EntityPlan planAgain(EntityModel entity) {
        return validator.plan(entity, application(), new Report()).orElseThrow(() -> new IllegalStateException(
                entity.qualifiedName() + " validated in an earlier round, but not now"));
    }

    /**
     * Two secured entities stored in the same table must tell their rows apart with a discriminator (JPA
     * single-table inheritance), or the rules of one would judge the rows of the other: an error on both.
     */
    private void failSharedTables(List<EntityPlan> plans) {
        Report report = new Report();
        for (EntityPlan plan : plans) {
            if (plan.table().isEmpty()) {
                continue;
            }
            String table = plan.table().get().mapping().table().toLowerCase(java.util.Locale.ROOT);
            List<EntityPlan> sharing = tablesInUse.computeIfAbsent(table, t -> new ArrayList<>());
            for (EntityPlan other : sharing) {
                if (plan.table().get().discriminator().isEmpty() || other.table().get().discriminator().isEmpty()) {
                    String hint = "store them in tables of their own, or tell their rows apart with JPA "
                            + "@DiscriminatorColumn and @DiscriminatorValue (single-table inheritance)";
                    report.add(Message.SHARED_TABLE, tableLocation(plan), hint, plan.entity().simpleName(),
                            other.entity().simpleName(), plan.table().get().mapping().table());
                    report.add(Message.SHARED_TABLE, tableLocation(other), hint, other.entity().simpleName(),
                            plan.entity().simpleName(), plan.table().get().mapping().table());
                    failed.add(plan.entity().qualifiedName());
                    failed.add(other.entity().qualifiedName());
                }
            }
            sharing.add(plan);
        }
        printer.print(report);
    }

    /** Whether a class is a JPA entity ({@code jakarta.persistence.Entity}), which Criteria queries can select. */
    private static boolean isJpaEntity(Element element) {
        return element.getAnnotationMirrors().stream().anyMatch(mirror -> ((TypeElement) mirror.getAnnotationType()
                .asElement()).getQualifiedName().contentEquals("jakarta.persistence.Entity"));
    }

    private static SourceLocation tableLocation(EntityPlan plan) {
        SourceLocation named = plan.table().get().mapping().locations().get(-1);
        return named != null ? named : plan.entity().location();
    }

    private void generate(EntityPlan plan) {
        write(policyWriter.write(plan));
        write(proxyWriter.write(plan));
        generated.add(plan);
        Optional<TablePlan> table = plan.table();
        if (table.isPresent()) {
            write(tableWriter.write(plan, table.get()));
            withTables.add(plan);
        }
        if (criteriaWriter != null && isJpaEntity(plan.entity().element())) {
            write(criteriaWriter.write(plan));
        }
    }

    // ---------------------------------------------------------------- operations

    /**
     * Reads, validates and generates the operations of every type that carries {@code @AllowedRoles} or has a method
     * that does: {@code OrderServiceOperations}, listed at the end in the registrations {@code Operations} loads.
     */
    private void processOperations(RoundEnvironment round) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (Element element : elementsAnnotated(round, WardenAnnotations.ALLOWED_ROLES)) {
            if (element instanceof TypeElement type) {
                types.add(type);
            } else if (element.getEnclosingElement() instanceof TypeElement type) {
                types.add(type);
            }
        }
        for (String name : new ArrayList<>(deferredOperations.keySet())) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        for (TypeElement type : types) {
            String name = type.getQualifiedName().toString();
            if (processedOperations.contains(name)) {
                continue;
            }
            guarded(type, () -> {
                OperationReader.Result result = operationReader.read(type);
                if (result.isDeferred()) {
                    deferredOperations.put(name, result.deferredOn());
                    return;
                }
                deferredOperations.remove(name);
                processedOperations.add(name);
                Report report = new Report();
                operationValidation.validate(result.model(), report);
                printer.print(report);
                // A type annotation on a type without public methods protects nothing: no registry for it.
                if (!report.hasErrors() && !result.model().operations().isEmpty()) {
                    write(operationWriter.write(result.model()));
                    operations.add(result.model());
                }
            });
        }
    }

    /**
     * Lists the generated registries for the runtime and in {@code META-INF/services}, once, when every round is
     * over.
     */
    private void writeOperationRegistrations() {
        for (Map.Entry<String, String> entry : deferredOperations.entrySet()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            if (type != null) {
                Report report = new Report();
                report.add(Message.UNRESOLVED_TYPE, SourceLocation.of(type),
                        "check the import, or that the processor generating " + entry.getValue() + " runs",
                        type.getSimpleName(), entry.getValue());
                printer.print(report);
            }
        }
        deferredOperations.clear();
        if (operations.isEmpty()) {
            return;
        }
        List<String> names = operations.stream().map(t -> OperationWriter.registryClass(t).canonicalName())
                .sorted().toList();
        TypeElement first = operations.get(0).element();
        Element[] originating = operations.stream().map(OperationTypeModel::element).toArray(Element[]::new);
        guarded(first, () -> {
            writeResource(OperationWriter.INDEX, String.join("\n", names), originating);
            writeResource(OperationWriter.SERVICES, String.join("\n", names), originating);
        });
    }

    /**
     * Writes the security overview (every user role against every entity and every operation, as Mendix's Security
     * Overview) next to the classes, as JSON, HTML and CSV, when the application is declared in these sources.
     */
    private void writeSecurityOverview() {
        if (!applicationValid || applications.size() != 1) {
            return;
        }
        AppModel app = applications.get(0);
        TypeElement type = processingEnv.getElementUtils().getTypeElement(app.qualifiedName());
        guarded(type, () -> {
            SecurityOverview overview = new SecurityOverview(app, generated, operations);
            writeResource(OVERVIEW + ".json", overview.json().stripTrailing(), type);
            writeResource(OVERVIEW + ".html", overview.html().stripTrailing(), type);
            writeResource(OVERVIEW + ".csv", overview.csv().stripTrailing(), type);
        });
    }

    /**
     * Writes the PostgreSQL row-level security of the entities with a table generated in this compilation, once,
     * after the last round.
     */
    private void writeRowLevelSecurity() {
        if (!rowLevelSecurity || withTables.isEmpty()) {
            return;
        }
        Element[] originating = withTables.stream().map(p -> p.entity().element()).toArray(Element[]::new);
        guarded(originating[0], () -> writeResource(RowLevelSecurityWriter.RESOURCE,
                rowLevelSecurityWriter.write(withTables).stripTrailing(), originating));
    }

    private void reportUnresolved() {
        for (Map.Entry<String, String> entry : deferred.entrySet()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            if (type != null) {
                Report report = new Report();
                report.add(Message.UNRESOLVED_TYPE, SourceLocation.of(type),
                        "check the import, or that the processor generating " + entry.getValue() + " runs",
                        type.getSimpleName(), entry.getValue());
                printer.print(report);
            }
        }
        deferred.clear();
    }

    private void processStrayAnnotations(RoundEnvironment round) {
        List<StrayAnnotation> stray = new ArrayList<>();
        Set<Element> ruleHolders = new LinkedHashSet<>(elementsAnnotated(round, WardenAnnotations.ACCESS_RULE));
        ruleHolders.addAll(elementsAnnotated(round, WardenAnnotations.ACCESS_RULES));
        for (TypeElement type : ElementFilter.typesIn(ruleHolders)) {
            if (!builder.isSecuredEntity(type) && !builder.isReusableRule(type)) {
                stray.add(new StrayAnnotation(StrayAnnotation.Kind.RULE_ON_NON_ENTITY, "AccessRule", SourceLocation.of(type)));
            }
        }
        Map<String, String> memberAnnotations = Map.of(
                WardenAnnotations.MEMBER_ACCESS, "MemberAccess", WardenAnnotations.MEMBER_ACCESSES, "MemberAccess",
                WardenAnnotations.OWNER, "Owner", WardenAnnotations.CALCULATED, "Calculated",
                WardenAnnotations.CHANGED_BY, "ChangedBy", WardenAnnotations.CREATED_DATE, "CreatedDate",
                WardenAnnotations.CHANGED_DATE, "ChangedDate", WardenAnnotations.PRESET, "Preset");
        Set<Element> reported = new LinkedHashSet<>();
        // the types whose members were not there yet in an earlier round, read again now
        List<TypeElement> retried = new ArrayList<>();
        if (round.processingOver() || strayAwaitingAst.stream().map(processingEnv.getElementUtils()::getTypeElement)
                .allMatch(type -> type == null || astModifications.isComplete(type))) {
            for (String name : strayAwaitingAst) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                if (type != null) {
                    retried.add(type);
                }
            }
            strayAwaitingAst.clear();
        }
        for (Map.Entry<String, String> annotation : new java.util.TreeMap<>(memberAnnotations).entrySet()) {
            Set<Element> annotated = new LinkedHashSet<>(elementsAnnotated(round, annotation.getKey()));
            for (TypeElement type : retried) {
                for (Element member : type.getEnclosedElements()) {
                    if (hasAnnotation(member, annotation.getKey())) {
                        annotated.add(member);
                    }
                }
            }
            for (Element element : annotated) {
                Element holder = element.getEnclosingElement();
                if (!round.processingOver() && holder instanceof TypeElement type
                        && !astModifications.isComplete(type)) {
                    // Lombok has not added the accessors that would make it a member yet
                    strayAwaitingAst.add(type.getQualifiedName().toString());
                    continue;
                }
                if (!isCopyFromRecordComponent(element, annotation.getKey()) && !builder.declaresMember(element)
                        && reported.add(element)) {
                    stray.add(new StrayAnnotation(StrayAnnotation.Kind.MEMBER_ANNOTATION_ON_NON_MEMBER,
                            annotation.getValue(), SourceLocation.of(element)));
                }
            }
        }
        if (!stray.isEmpty()) {
            Report report = new Report();
            validator.validateStray(stray, report);
            printer.print(report);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Whether javac put this annotation on a record's field or accessor because it is written on the record component
     * of that name: it is reported once, on the component. A method of a record that is not a component's accessor
     * is not a copy, so a member annotation on it is reported like on any other method.
     */
    private static boolean isCopyFromRecordComponent(Element element, String annotation) {
        if (!(element.getEnclosingElement() instanceof TypeElement record) || record.getKind() != ElementKind.RECORD
                || (element.getKind() != ElementKind.FIELD && element.getKind() != ElementKind.METHOD)) {
            return false;
        }
        if (element instanceof ExecutableElement method && !method.getParameters().isEmpty()) {
            return false;
        }
        return record.getRecordComponents().stream()
                .filter(component -> component.getSimpleName().contentEquals(element.getSimpleName()))
                .anyMatch(component -> component.getAnnotationMirrors().stream().anyMatch(mirror -> ((TypeElement) mirror
                        .getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)));
    }

    private static boolean hasAnnotation(Element element, String annotation) {
        return element.getAnnotationMirrors().stream().anyMatch(mirror -> ((TypeElement) mirror.getAnnotationType()
                .asElement()).getQualifiedName().contentEquals(annotation));
    }

    private Set<? extends Element> elementsAnnotated(RoundEnvironment round, String annotation) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : ElementOrder.sorted(round.getElementsAnnotatedWith(type));
    }

    private static Report filter(Report report, List<PackageElement> packages) {
        Report filtered = new Report();
        report.diagnostics().stream()
                .filter(d -> packages.contains(d.location().element()))
                .forEach(filtered::add);
        return filtered;
    }

    /** Runs one unit of work; an exception becomes an internal-error diagnostic on the element. */
    private void guarded(Element element, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            Report report = new Report();
            report.add(Message.INTERNAL_ERROR, SourceLocation.of(element),
                    "please report this with the stack trace above; other elements were still processed",
                    element, describe(e));
            printer.print(report);
        }
    }

    private void write(JavaFile file) {
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try {
            javax.tools.JavaFileObject source = processingEnv.getFiler().createSourceFile(name,
                    file.typeSpec().originatingElements().toArray(Element[]::new));
            try (Writer writer = source.openWriter()) {
                writer.write(CompactSource.compact(file.toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file.packageName() + "." + file.typeSpec().name(), e);
        }
    }

    private void writeResource(String path, String content, Element... originating) {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, originating);
            try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(content);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + path, e);
        }
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e + "\n" + trace;
    }
}
