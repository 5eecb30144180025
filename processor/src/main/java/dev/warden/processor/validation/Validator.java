package dev.warden.processor.validation;

import dev.warden.processor.model.Access;
import dev.warden.processor.diagnostics.DiagnosticKind;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberAccessModel;
import dev.warden.processor.model.MemberEntry;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.ModuleCatalog;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.RuleGrants;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.SourceLocation;
import dev.warden.processor.model.StrayAnnotation;
import dev.warden.processor.model.TokenModel;
import dev.warden.processor.model.UserRoleModel;
import dev.warden.processor.constraint.CheckedConstraint;
import dev.warden.processor.constraint.TokenMeaning;
import dev.warden.processor.model.ShapeCatalog;
import dev.warden.processor.model.TableCatalog;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.RulePlan;
import dev.warden.processor.plan.TablePlan;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks the model against the rules of the security model and returns what is wrong as a {@link Report}, and
 * for each entity without errors its {@link EntityPlan}: what the code generator is to write. It writes nothing
 * and never throws for bad input.
 */
public final class Validator {

    private static final int MAX_ROLES_PER_MODULE = 64;

    private final ModuleCatalog modules;
    private final Types types;
    private final RoleResolver roles;
    private final ConstraintValidation constraints;
    private final ShapeCatalog shapes;
    private final TablePlanning tablePlanning;
    private final SystemMemberValidation systemMembers;
    /** The packages of the source modules that had errors: their entities get no code (it would not compile). */
    private final Set<String> modulesWithErrors = new HashSet<>();

    public Validator(ModuleCatalog modules, Elements elements, Types types, ShapeCatalog shapes, TableCatalog tables) {
        this.modules = modules;
        this.types = types;
        this.roles = new RoleResolver(modules);
        this.shapes = shapes;
        this.constraints = new ConstraintValidation(shapes);
        this.tablePlanning = new TablePlanning(tables, elements, types);
        this.systemMembers = new SystemMemberValidation(types);
    }

    // ---------------------------------------------------------------- modules

    /** Checks the modules declared in the sources. */
    public void validateModules(List<ModuleModel> declared, Report report) {
        Map<String, ModuleModel> byName = new HashMap<>();
        for (ModuleModel module : declared) {
            int errorsBefore = report.errorCount();
            if (!isIdentifier(module.name())) {
                report.add(Message.INVALID_NAME, module.nameLocation(), "for example @Module(name = \"Sales\")",
                        "module name", module.name());
            }
            ModuleModel first = byName.putIfAbsent(module.name(), module);
            if (first != null) {
                report.add(Message.DUPLICATE_MODULE, module.nameLocation(), "give one of the modules another name",
                        module.name(), first.packageName(), module.packageName());
            }
            if (module.roles().size() > MAX_ROLES_PER_MODULE) {
                report.add(Message.TOO_MANY_ROLES, module.rolesLocation(), "split the module into smaller modules",
                        module.name(), module.roles().size());
            }
            Set<String> seen = new HashSet<>();
            for (NameRef role : module.roles()) {
                if (!isIdentifier(role.text())) {
                    report.add(Message.INVALID_NAME, role.location(), "for example roles = {\"User\", \"Manager\"}",
                            "module role", role.text());
                } else if (!seen.add(role.text())) {
                    report.add(Message.DUPLICATE_MODULE_ROLE, role.location(), "remove one of them",
                            role.text(), module.name());
                }
            }
            if (report.errorCount() > errorsBefore) {
                modulesWithErrors.add(module.packageName());
            }
        }
    }

    /**
     * Whether code may be generated for an entity that validated without errors: not when its module has
     * errors, which are reported on the module (its generated code would refer to a module descriptor that is
     * not generated, or to names that are not Java identifiers).
     */
    public boolean isGeneratable(EntityModel entity) {
        return entity.module().map(m -> !modulesWithErrors.contains(m.packageName())).orElse(false);
    }

    // ---------------------------------------------------------------- application

    /** Checks the application declarations; more than one is an error. */
    public void validateApplications(List<AppModel> apps, List<ModuleModel> sourceModules, Report report) {
        for (int i = 1; i < apps.size(); i++) {
            report.add(Message.MULTIPLE_APP_SECURITY, apps.get(i).location(),
                    "keep @AppSecurity on one type and merge the user roles into it",
                    apps.get(0).qualifiedName(), apps.get(i).qualifiedName());
        }
        if (!apps.isEmpty()) {
            validateApplication(apps.get(0), sourceModules, report);
        }
    }

    private void validateApplication(AppModel app, List<ModuleModel> sourceModules, Report report) {
        Set<String> userRoleNames = new LinkedHashSet<>();
        for (UserRoleModel userRole : app.userRoles()) {
            if (userRole.name().isBlank()) {
                report.add(Message.INVALID_NAME, userRole.location(), "give the user role a name", "user role", "");
            } else if (!userRoleNames.add(userRole.name())) {
                report.add(Message.DUPLICATE_USER_ROLE, userRole.location(), "remove one of them or rename it",
                        userRole.name());
            }
            if (userRole.moduleRoles().isEmpty()) {
                report.add(Message.USER_ROLE_WITHOUT_MODULE_ROLES, userRole.moduleRolesLocation(),
                        "add the module roles it grants, for example moduleRoles = \"" + exampleModuleRole(sourceModules)
                                + "\"",
                        userRole.name());
            }
            for (NameRef moduleRole : userRole.moduleRoles()) {
                checkQualifiedModuleRole(moduleRole, "user role " + userRole.name(), report);
            }
        }
        app.anonymousRole().ifPresent(anonymous -> {
            if (!userRoleNames.contains(anonymous.text())) {
                report.add(Message.UNKNOWN_ROLE, anonymous.location(),
                        Names.suggestion(anonymous.text(), userRoleNames, "user roles")
                                + " (anonymousRole names one of the user roles declared in userRoles)",
                        "anonymousRole", "user role", anonymous.text());
            }
        });
        Set<String> tokenNames = new HashSet<>(BuiltInTokens.NAMES);
        for (TokenModel token : app.tokens()) {
            if (!isIdentifier(token.name())) {
                report.add(Message.INVALID_NAME, token.location(), "for example @Token(name = \"Tenant\", type = Long.class)",
                        "token", token.name());
            } else if (!tokenNames.add(token.name()) || token.name().startsWith(BuiltInTokens.USER_ROLE_PREFIX)) {
                report.add(Message.DUPLICATE_TOKEN, token.location(),
                        BuiltInTokens.NAMES.contains(token.name()) || token.name().startsWith(BuiltInTokens.USER_ROLE_PREFIX)
                                ? "'" + token.name() + "' is a built-in token; choose another name"
                                : "remove one of them",
                        token.name());
            }
            if (token.type() == null || !constraints.isComparableTokenType(token.type())) {
                report.add(Message.TOKEN_TYPE, token.typeLocation(),
                        "use String, a number type, Boolean, an enum, a java.time type or UUID",
                        token.name(), token.type());
            }
        }
        if (!constraints.isComparableTokenType(app.userIdType())) {
            report.add(Message.USER_ID_TYPE, app.userIdTypeLocation(),
                    "use Long (the default), String, UUID, Integer or another number type", app.userIdType());
        }
        warnAboutUnusedRoles(app, sourceModules, report);
        warnAboutSharedAnonymousRoles(app, report);
        warnAboutLookAlikeNames(app, sourceModules, report);
    }

    /** A module role to show in a hint: the first role of the first module, as it is written in a user role. */
    private String exampleModuleRole(List<ModuleModel> sourceModules) {
        List<ModuleModel> candidates = new ArrayList<>(sourceModules);
        modules.knownModuleNames().forEach(name -> modules.moduleNamed(name).ifPresent(candidates::add));
        return candidates.stream().filter(m -> !m.roles().isEmpty()).findFirst()
                .map(m -> m.qualify(m.roles().get(0).text())).orElse("Sales.User");
    }

    /**
     * One name to check for look-alikes: what it is ({@code "module role"}), how messages show it, where it is
     * declared, and whether {@code @SuppressWarnings} on the application silences warnings on it (for a name
     * declared on a package, which cannot carry it).
     */
    private record Declared(String kind, String text, String shown, SourceLocation location, boolean onPackage) {}

    /**
     * Warns about names that can pass for other names: one that mixes scripts (W017), and one that looks like another
     * name of the same kind declared too (W018). A look-alike lets a role get rights meant for another, or a mapping
     * give a role to the wrong users, without a reviewer seeing it.
     */
    private static void warnAboutLookAlikeNames(AppModel app, List<ModuleModel> sourceModules, Report report) {
        List<List<Declared>> namespaces = new ArrayList<>();
        namespaces.add(app.userRoles().stream()
                .map(r -> new Declared("user role", r.name(), "'" + r.name() + "'", r.location(), false)).toList());
        namespaces.add(app.tokens().stream()
                .map(t -> new Declared("token", t.name(), "'" + t.name() + "'", t.location(), false)).toList());
        namespaces.add(sourceModules.stream()
                .map(m -> new Declared("module", m.name(), m.name(), m.nameLocation(), true)).toList());
        for (ModuleModel module : sourceModules) {
            namespaces.add(module.roles().stream().map(r -> new Declared("module role", r.text(),
                    module.qualify(r.text()), r.location(), true)).toList());
        }
        for (List<Declared> names : namespaces) {
            Set<Declared> mixed = new HashSet<>();
            for (Declared name : names) {
                LookAlikes.mixedScripts(name.text()).ifPresent(mix -> {
                    mixed.add(name);
                    String skeleton = LookAlikes.skeleton(name.text());
                    String fix = LookAlikes.isLatin(skeleton) ? "write it in one script ('" + skeleton + "')"
                            : "write it in one script";
                    warn(app, report, Message.MIXED_SCRIPT, name,
                            fix + ", or put " + suppression(Message.MIXED_SCRIPT, app) + " if it is meant",
                            name.kind(), name.shown(), mix.describe());
                });
            }
            Map<String, Declared> bySkeleton = new HashMap<>();
            for (Declared name : names) {
                Declared earlier = bySkeleton.putIfAbsent(LookAlikes.skeleton(name.text()), name);
                if (earlier == null || earlier.text().equals(name.text())) {
                    continue;
                }
                // On the one written with look-alike letters (the later one when both are), unless W017 said it.
                boolean laterLooksAlike = LookAlikes.hasLatinLookAlikes(name.text())
                        || !LookAlikes.hasLatinLookAlikes(earlier.text());
                Declared lookAlike = laterLooksAlike ? name : earlier;
                Declared original = lookAlike == name ? earlier : name;
                if (!mixed.contains(lookAlike)) {
                    warn(app, report, Message.CONFUSABLE, lookAlike, "rename one of them so that they look different, "
                            + "or put " + suppression(Message.CONFUSABLE, app) + " if both are meant",
                            lookAlike.kind(), lookAlike.shown(), original.kind(), original.shown(),
                            LookAlikes.scripts(lookAlike.text()));
                }
            }
        }
    }

    private static void warn(AppModel app, Report report, Message message, Declared name, String hint,
            Object... arguments) {
        if (name.onPackage()) {
            // A package cannot carry @SuppressWarnings: the application can.
            report.addSuppressibleOn(app.location().element(), message, name.location(), hint, arguments);
        } else {
            report.add(message, name.location(), hint, arguments);
        }
    }

    private static String suppression(Message message, AppModel app) {
        return "@SuppressWarnings(\"warden:" + message.suppressionKey() + "\") on " + app.simpleName();
    }

    private void checkQualifiedModuleRole(NameRef moduleRole, String where, Report report) {
        String text = moduleRole.text();
        int dot = text.indexOf('.');
        if (dot < 0) {
            List<String> candidates = new ArrayList<>();
            for (String name : modules.knownModuleNames()) {
                modules.moduleNamed(name).ifPresent(m -> m.role(text).ifPresent(r -> candidates.add(m.qualify(text))));
            }
            report.add(Message.UNKNOWN_ROLE, moduleRole.location(),
                    candidates.isEmpty() ? "qualify module roles with their module: \"Sales.User\""
                            : "qualify it with its module: \"" + candidates.get(0) + "\"",
                    where, "module role", text);
            return;
        }
        String moduleName = text.substring(0, dot);
        Optional<ModuleModel> module = modules.moduleNamed(moduleName);
        if (module.isEmpty()) {
            report.add(Message.UNKNOWN_MODULE, moduleRole.location(),
                    Names.suggestion(moduleName, modules.knownModuleNames(), "modules"), where, moduleName);
            return;
        }
        String role = text.substring(dot + 1);
        if (module.get().role(role).isEmpty()) {
            report.add(Message.UNKNOWN_ROLE, moduleRole.location(),
                    Names.suggestion(role, module.get().roleNames(), "roles of module " + moduleName),
                    where, "module role", text);
        }
    }

    private void warnAboutUnusedRoles(AppModel app, List<ModuleModel> sourceModules, Report report) {
        Set<String> used = new HashSet<>();
        app.userRoles().forEach(u -> u.moduleRoles().forEach(r -> used.add(r.text())));
        for (ModuleModel module : sourceModules) {
            for (NameRef role : module.roles()) {
                if (!used.contains(module.qualify(role.text()))) {
                    // A package cannot carry @SuppressWarnings: the application, where the mapping is, can.
                    report.addSuppressibleOn(app.location().element(), Message.UNUSED_MODULE_ROLE, role.location(),
                            "add it to a @UserRole's moduleRoles in " + app.simpleName() + ", or remove it, or put "
                                    + "@SuppressWarnings(\"warden:" + Message.UNUSED_MODULE_ROLE.suppressionKey()
                                    + "\") on " + app.simpleName() + " if no user should have it yet",
                            module.qualify(role.text()));
                }
            }
        }
    }

    private static void warnAboutSharedAnonymousRoles(AppModel app, Report report) {
        app.anonymousRole().flatMap(a -> app.userRole(a.text())).ifPresent(anonymous -> {
            for (NameRef moduleRole : anonymous.moduleRoles()) {
                for (UserRoleModel other : app.userRoles()) {
                    if (other != anonymous && other.moduleRoles().stream().anyMatch(r -> r.text().equals(moduleRole.text()))) {
                        report.add(Message.ANONYMOUS_SHARED_ROLE, moduleRole.location(),
                                "give anonymous users a module role of their own, so that rules written for signed-in users never apply to them",
                                anonymous.name(), moduleRole.text(), other.name());
                        break;
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- stray annotations

    /** Reports Warden annotations placed where they have no effect. */
    public void validateStray(List<StrayAnnotation> stray, Report report) {
        for (StrayAnnotation annotation : stray) {
            switch (annotation.kind()) {
                case RULE_ON_NON_ENTITY -> report.add(Message.RULE_ON_NON_ENTITY, annotation.annotationLocation(),
                        "add @SecuredEntity to the type, or remove the rule", annotation.location().element());
                case MEMBER_ANNOTATION_ON_NON_MEMBER -> report.add(Message.MEMBER_ANNOTATION_ON_NON_MEMBER,
                        annotation.annotationLocation(),
                        "put it on a field with a getter, a public getter, or a record component of a @SecuredEntity",
                        annotation.annotationName(), annotation.location().element());
            }
        }
    }

    // ---------------------------------------------------------------- entities

    /**
     * Checks one entity against its module and, when known, the application, and plans its generated code.
     *
     * @return the plan; empty when the entity has errors (they are reported) or its module has
     */
    public Optional<EntityPlan> plan(EntityModel entity, Optional<AppModel> app, Report report) {
        int errorsBefore = report.errorCount();
        if (entity.module().isEmpty()) {
            report.add(Message.ENTITY_OUTSIDE_MODULE, entity.location(),
                    "add @Module(name = ..., roles = {...}) to package-info.java of " + entity.packageName()
                            + " or of an enclosing package",
                    entity.simpleName(), entity.packageName());
            return Optional.empty();
        }
        Optional<Unsupported> unsupported = unsupportedShape(entity);
        if (unsupported.isPresent()) {
            report.add(Message.UNSUPPORTED_ENTITY_TYPE, entity.location(), unsupported.get().hint(),
                    entity.simpleName(), unsupported.get().reason());
            return Optional.empty();
        }
        ModuleModel module = entity.module().get();
        if (entity.rules().isEmpty()) {
            if (entity.securedSuperclass().isPresent()) {
                report.add(Message.SUBCLASS_WITHOUT_RULES, entity.location(),
                        "repeat the rules of " + simpleName(entity.securedSuperclass().get()) + " that should apply to "
                                + entity.simpleName(),
                        entity.simpleName(), entity.securedSuperclass().get());
            } else {
                report.add(Message.ENTITY_WITHOUT_RULES, entity.location(),
                        "add an @AccessRule, or suppress with @SuppressWarnings(\"warden:no-rules\") if that is intended",
                        entity.simpleName());
            }
        }
        validateMembers(entity, module, app, report);
        List<RulePlan> rules = new ArrayList<>();
        for (RuleModel rule : entity.rules()) {
            rules.add(rule.isReused() ? validateReusedRule(entity, module, rule, app, report)
                    : validateRule(entity, module, rule, app, report));
        }
        if (report.errorCount() > errorsBefore || !isGeneratable(entity)) {
            return Optional.empty();
        }
        Optional<TablePlan> table = tablePlanning.plan(entity, rules, report);
        if (report.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new EntityPlan(entity, module, app, shapes.shapeOf(entity), shapes.environment(app), rules,
                table));
    }

    /** Why an entity's type cannot be secured, and what to do about it. */
    private record Unsupported(String reason, String hint) {}

    /**
     * Why the code generated for an entity (a policy and a proxy in its package that wrap it) could not work
     * with this type, if it could not.
     */
    private static Optional<Unsupported> unsupportedShape(EntityModel entity) {
        TypeElement type = entity.element();
        String classOrRecord = "secure a class or a record instead";
        if (type.getKind() == ElementKind.ENUM) {
            return Optional.of(new Unsupported("it is an enum", classOrRecord));
        }
        if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            return Optional.of(new Unsupported("it is an annotation type", classOrRecord));
        }
        if (!type.getTypeParameters().isEmpty()) {
            return Optional.of(new Unsupported("it has type parameters",
                    "remove the type parameters: the generated policy and proxy need the members' concrete types"));
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return Optional.of(new Unsupported(
                        e == type ? "it is private" : "it is inside the private type " + e.getSimpleName(),
                        "make " + e.getSimpleName() + " package-private or public, so that the code generated in "
                                + entity.packageName() + " can use it"));
            }
        }
        return Optional.empty();
    }

    private void validateMembers(EntityModel entity, ModuleModel module, Optional<AppModel> app, Report report) {
        systemMembers.validateMembers(entity, app, report);
        MemberModel firstOwner = null;
        for (MemberModel member : entity.members()) {
            if (member.container() == MemberModel.Container.UNKNOWN) {
                report.add(Message.UNKNOWN_CONTAINER, member.location(),
                        "declare the element type (List<OrderLine>, Map<String, OrderLine>, Optional<Customer>), so "
                                + "that Warden can secure the entities in it, or use a type that holds no objects",
                        member.name(), entity.simpleName(), member.type());
            }
            if (member.copy() == MemberModel.ValueCopy.UNSUPPORTED) {
                report.add(Message.UNCOPYABLE_MUTABLE_TYPE, member.location(),
                        "declare it as Iterable, Collection, List, Set, SortedSet, Map or SortedMap (or ArrayList, "
                                + "LinkedList, HashSet, LinkedHashSet, TreeSet, HashMap, LinkedHashMap, TreeMap), or use "
                                + "an immutable type",
                        member.name(), entity.simpleName(), member.type());
            }
            for (MemberAccessModel right : member.accessRights()) {
                for (NameRef role : right.roles()) {
                    roles.check(role, module, "@MemberAccess on " + entity.simpleName() + "." + member.name(), report);
                }
                if (right.access() == Access.READ_WRITE && !member.isWritable()) {
                    report.add(Message.WRITE_ON_READ_ONLY_MEMBER, right.location(), writeHint(member),
                            member.name(), entity.simpleName(), member.readOnly().explanation());
                } else if (right.access() == Access.READ_WRITE) {
                    systemMembers.checkWriteRight(entity, member, "@MemberAccess", right.location(), report);
                }
                checkConflicts(entity, module, member, right, report);
            }
            if (member.owner()) {
                if (firstOwner != null) {
                    report.add(Message.DUPLICATE_OWNER, member.ownerLocation(), "keep @Owner on one member",
                            entity.simpleName(), firstOwner.name(), member.name());
                } else {
                    firstOwner = member;
                }
                app.ifPresent(a -> {
                    if (!sameBoxedType(member.type(), a.userIdType())) {
                        report.add(Message.OWNER_TYPE, member.ownerLocation(),
                                "change the member's type to " + a.userIdType() + ", or userIdType in @AppSecurity",
                                member.name(), entity.simpleName(), member.type(), a.userIdType());
                    }
                });
            }
        }
    }

    /**
     * A {@code @MemberAccess} that disagrees with a rule's {@code members} entry for the same member and one of
     * the rule's roles: one error per @MemberAccess, rule and entry, naming every role they disagree for, on
     * the first such role.
     */
    private void checkConflicts(EntityModel entity, ModuleModel module, MemberModel member, MemberAccessModel right,
            Report report) {
        for (RuleModel rule : entity.rules()) {
            for (MemberEntry entry : rule.members()) {
                if (!entry.name().text().equals(member.name()) || entry.access() == right.access()) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                NameRef first = null;
                for (NameRef writtenRole : right.roles()) {
                    Optional<String> role = module.resolveRole(writtenRole.text());
                    boolean ruleHasRole = role.isPresent() && rule.roles().stream()
                            .anyMatch(r -> module.resolveRole(r.text()).equals(role));
                    if (ruleHasRole && !roles.contains(module.qualify(role.get()))) {
                        roles.add(module.qualify(role.get()));
                        first = first == null ? writtenRole : first;
                    }
                }
                if (first != null) {
                    report.add(Message.CONFLICTING_MEMBER_RIGHT, first.location(),
                            "state the right in one place: remove the members entry or this @MemberAccess",
                            roleList(roles), right.access(), member.name(), rule.number(), entity.simpleName(),
                            roles.size() == 1 ? "it" : "them", entry.access());
                }
            }
        }
    }

    /**
     * A reusable rule is checked against each entity it lands on: what does not fit is reported on the rule's
     * annotation (in the annotation type, naming the entity) and, once per rule, on the annotation on the entity.
     */
    private RulePlan validateReusedRule(EntityModel entity, ModuleModel module, RuleModel rule, Optional<AppModel> app,
            Report report) {
        Report own = new Report();
        RulePlan plan = validateRule(entity, module, rule, app, own);
        own.diagnostics().forEach(report::add);
        own.diagnostics().stream().filter(d -> d.kind() == DiagnosticKind.ERROR).findFirst().ifPresent(first ->
                report.add(Message.REUSABLE_RULE_DOES_NOT_FIT, rule.reusedFrom().usage(),
                        "the rule is checked against every entity it is on: make it fit " + entity.simpleName()
                                + " (see the error on the rule), or take @" + rule.reusedFrom().annotationName()
                                + " off " + entity.simpleName(),
                        rule.reusedFrom().annotationName(), entity.simpleName(),
                        first.text() + " (" + first.message().code() + ", reported on the rule)"));
        return plan;
    }

    private RulePlan validateRule(EntityModel entity, ModuleModel module, RuleModel rule, Optional<AppModel> app,
            Report report) {
        String where = "rule " + rule.number() + " of " + entity.simpleName();
        if (rule.roles().isEmpty()) {
            report.add(Message.RULE_WITHOUT_ROLES, rule.rolesLocation(),
                    "name at least one role of module " + module.name() + ": " + String.join(", ", module.roleNames()));
        }
        for (NameRef role : rule.roles()) {
            roles.check(role, module, where, report);
        }
        List<String> memberNames = entity.members().stream().map(MemberModel::name).toList();
        Set<String> listed = new HashSet<>();
        for (MemberEntry entry : rule.members()) {
            String name = entry.name().text();
            Optional<MemberModel> member = entity.member(name);
            if (member.isEmpty()) {
                report.add(Message.UNKNOWN_MEMBER, entry.name().location(),
                        Names.suggestion(name, memberNames, "members"), where, name, entity.simpleName());
                continue;
            }
            if (!listed.add(name)) {
                report.add(Message.DUPLICATE_MEMBER_IN_RULE, entry.name().location(), "keep one entry for it",
                        name, rule.number(), entity.simpleName());
            }
            if (entry.access() == Access.READ_WRITE && !member.get().isWritable()) {
                report.add(Message.WRITE_ON_READ_ONLY_MEMBER, entry.location().at("access", null),
                        writeHint(member.get()), name, entity.simpleName(), member.get().readOnly().explanation());
            } else if (entry.access() == Access.READ_WRITE) {
                systemMembers.checkWriteRight(entity, member.get(), where, entry.location().at("access", null), report);
            }
        }
        if (rule.defaultAccess() == Access.READ_WRITE) {
            report.add(Message.DEFAULT_READ_WRITE, rule.defaultAccessLocation(),
                    "list the writable members in members = @Member(name = ..., access = READ_WRITE) so that members added later are not writable by accident",
                    rule.number(), entity.simpleName());
        }
        List<Grant> grants = RuleGrants.of(entity, rule);
        if (!grants.isEmpty() && grants.stream().noneMatch(Grant::grantsAnything)) {
            report.add(Message.RULE_GRANTS_NOTHING, rule.location(),
                    "set create, delete, defaultAccess or members, or remove the rule", rule.number(), entity.simpleName());
        }
        Optional<CheckedConstraint> checked = Optional.empty();
        if (rule.hasConstraint()) {
            if (!entity.persistent()) {
                report.add(Message.CONSTRAINT_ON_NON_PERSISTENT, rule.constraintLocation(),
                        "remove the constraint, or make the entity persistent", rule.number(), entity.simpleName(),
                        entity.simpleName());
            } else {
                checked = constraints.check(entity, rule, app, report);
            }
        }
        Set<String> dependsOn = checked.map(CheckedConstraint::rootMembers).orElse(Set.of());
        // One warning per member the constraint depends on, naming every role of the rule that may write it.
        for (String member : dependsOn) {
            int index = entity.memberIndex(member);
            List<String> writers = new ArrayList<>();
            for (Grant grant : grants) {
                if (index >= 0 && grant.canWrite(index)) {
                    writers.addAll(grant.roles());
                }
            }
            if (!writers.isEmpty()) {
                writers.sort(Comparator.comparingInt(module.roleNames()::indexOf));
                report.add(Message.SELF_WIDENING_CONSTRAINT, rule.constraintLocation(),
                        "make '" + member + "' READ for " + String.join(", ", writers)
                                + ", or fill it in on the server instead of letting users change it",
                        rule.number(), entity.simpleName(), member,
                        roleList(writers.stream().map(module::qualify).toList()));
            }
        }
        app.ifPresent(a -> warnAboutAnonymousWrite(entity, module, rule, grants, a, report));
        // Tokens without a value deny: the custom ones, and [%CurrentUser%] for a user without an id.
        Set<String> tokens = new LinkedHashSet<>(checked.map(CheckedConstraint::customTokens).orElse(Set.of()));
        if (checked.map(CheckedConstraint::usesCurrentUser).orElse(false)) {
            tokens.add(TokenMeaning.Kind.CURRENT_USER.tokenName());
        }
        return new RulePlan(rule, grants, checked, tokens);
    }

    private static void warnAboutAnonymousWrite(EntityModel entity, ModuleModel module, RuleModel rule,
            List<Grant> grants, AppModel app, Report report) {
        if (rule.hasConstraint() || app.anonymousRole().isEmpty()) {
            return;
        }
        Optional<UserRoleModel> anonymous = app.userRole(app.anonymousRole().get().text());
        if (anonymous.isEmpty()) {
            return;
        }
        for (Grant grant : grants) {
            boolean anonymousHasIt = anonymous.get().moduleRoles().stream()
                    .anyMatch(r -> grant.roles().stream().anyMatch(g -> r.text().equals(module.qualify(g))));
            boolean writes = grant.create() || grant.delete()
                    || grant.access().stream().anyMatch(a -> a == Access.READ_WRITE);
            if (anonymousHasIt && writes) {
                report.add(Message.ANONYMOUS_WRITE, rule.location(),
                        "add a constraint that limits what anonymous users can change, or take the write rights away",
                        anonymous.get().name(), entity.simpleName(), rule.number());
                return;
            }
        }
    }

    /** "role Sales.User", "roles Sales.User and Sales.Manager", "roles A, B and C". */
    private static String roleList(List<String> roles) {
        if (roles.size() == 1) {
            return "role " + roles.get(0);
        }
        return "roles " + String.join(", ", roles.subList(0, roles.size() - 1)) + " and " + roles.get(roles.size() - 1);
    }

    private static String writeHint(MemberModel member) {
        return switch (member.readOnly()) {
            case CALCULATED -> "a calculated member can only be READ";
            case GETTER_ONLY -> "add a setter " + setterName(member) + "(...) or use READ";
            case FINAL_FIELD -> "make the field non-final and add a setter, or use READ";
            case RECORD_COMPONENT -> "use READ, or turn the record into a class with a setter";
        };
    }

    private static String setterName(MemberModel member) {
        return "set" + Character.toUpperCase(member.name().charAt(0)) + member.name().substring(1);
    }

    private boolean sameBoxedType(TypeMirror a, TypeMirror b) {
        TypeMirror boxedA = a.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(a.getKind())).asType() : a;
        TypeMirror boxedB = b.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(b.getKind())).asType() : b;
        return types.isSameType(types.erasure(boxedA), types.erasure(boxedB));
    }

    private static boolean isIdentifier(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
