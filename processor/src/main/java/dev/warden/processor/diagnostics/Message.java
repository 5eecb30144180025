package dev.warden.processor.diagnostics;

import static dev.warden.processor.diagnostics.DiagnosticKind.ERROR;
import static dev.warden.processor.diagnostics.DiagnosticKind.WARNING;

import java.util.Locale;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.VariableElement;

/**
 * The catalogue of everything the processor can report. Each entry has a stable code (never reused or
 * renumbered: users search for it and IDEs link it; each is listed in the README's "Diagnostic codes"), an explicit
 * kind, and a template that says what is wrong;
 * the fix hint is added where the diagnostic is made, since it depends on the names involved.
 * Warnings can be silenced with {@code @SuppressWarnings("warden:<key>")} on the element or any enclosing
 * element, or {@code @SuppressWarnings("warden")} for all of them.
 */
public enum Message {
    // ----- names of roles, members and modules
    UNKNOWN_ROLE(ERROR, "E001", "%s names %s '%s', which is not declared"),
    ROLE_OF_OTHER_MODULE(ERROR, "E002", "%s uses role '%s' of module %s; only the roles of the entity's module %s can be used"),
    RULE_WITHOUT_ROLES(ERROR, "E003", "@AccessRule(roles = {}) grants to nobody"),
    UNKNOWN_MEMBER(ERROR, "E004", "%s names '%s', which is not a member of %s"),
    MEMBER_ANNOTATION_ON_NON_MEMBER(ERROR, "E005", "@%s is on %s, which is not a member of a @SecuredEntity"),
    DUPLICATE_MEMBER_IN_RULE(ERROR, "E006", "member '%s' is listed twice in rule %d of %s"),
    CONFLICTING_MEMBER_RIGHT(ERROR, "E007", "@MemberAccess gives %s %s on '%s', but rule %d of %s gives %s %s in members"),
    WRITE_ON_READ_ONLY_MEMBER(ERROR, "E008", "READ_WRITE on '%s' of %s, which cannot be written: %s"),
    CONSTRAINT_ON_NON_PERSISTENT(ERROR, "E009", "rule %d of %s has a constraint, but %s is not persistent"),

    // ----- the constraint language
    CONSTRAINT_SYNTAX(ERROR, "E010", "syntax error in the constraint of rule %d of %s: %s"),
    CONSTRAINT_UNKNOWN_MEMBER(ERROR, "E011", "unknown member in the constraint of rule %d of %s: %s"),
    CONSTRAINT_TYPE_MISMATCH(ERROR, "E012", "type error in the constraint of rule %d of %s: %s"),
    CONSTRAINT_UNKNOWN_ENUM_CONSTANT(ERROR, "E013", "unknown enum constant in the constraint of rule %d of %s: %s"),
    CONSTRAINT_CURRENT_USER_TYPE(ERROR, "E014", "[%%CurrentUser%%] compared with a member of another type in rule %d of %s: %s"),
    CONSTRAINT_UNORDERED(ERROR, "E015", "ordering comparison on an unordered type in rule %d of %s: %s"),
    CONSTRAINT_CALCULATED_MEMBER(ERROR, "E016", "calculated member in the constraint of rule %d of %s: %s"),
    CONSTRAINT_UNKNOWN_TOKEN(ERROR, "E017", "unknown token in the constraint of rule %d of %s: %s"),
    CONSTRAINT_AMBIGUOUS_TO_MANY(ERROR, "E018", "ambiguous to-many comparison in the constraint of rule %d of %s: %s"),
    CONSTRAINT_UNSTORED_MEMBER(ERROR, "E040", "the constraint of rule %d of %s goes through '%s', whose associated objects are held in %s, which is not stored in a table"),
    CONSTRAINT_UNKNOWN_FUNCTION(ERROR, "E019", "unknown function in the constraint of rule %d of %s: %s"),
    CONSTRAINT_DATE_ARITHMETIC(ERROR, "E045", "date arithmetic error in the constraint of rule %d of %s: %s"),
    CONSTRAINT_NOT_AN_ASSOCIATION(ERROR, "E046", "sub-constraint on a member that is not an association in the constraint of rule %d of %s: %s"),
    CONSTRAINT_REVERSED(ERROR, "E042", "reversed() that follows no association in the constraint of rule %d of %s: %s"),

    // ----- declarations
    DUPLICATE_MODULE(ERROR, "E020", "module '%s' is declared twice: on package %s and on package %s"),
    DUPLICATE_MODULE_ROLE(ERROR, "E021", "module role '%s' is declared twice in module %s"),
    DUPLICATE_USER_ROLE(ERROR, "E022", "user role '%s' is declared twice"),
    DUPLICATE_TOKEN(ERROR, "E023", "token '%s' is declared twice"),
    MULTIPLE_APP_SECURITY(ERROR, "E024", "@AppSecurity is declared on %s and on %s; an application has exactly one"),
    ENTITY_OUTSIDE_MODULE(ERROR, "E025", "@SecuredEntity %s is not in a module: neither package %s nor an enclosing package has @Module"),
    RULE_ON_NON_ENTITY(ERROR, "E026", "@AccessRule on %s, which is not a @SecuredEntity, has no effect"),
    SUBCLASS_WITHOUT_RULES(ERROR, "E027", "%s extends the secured entity %s but declares no @AccessRule; rules are not inherited, so nobody could access it"),
    INVALID_NAME(ERROR, "E028", "%s '%s' is not a valid name: use a Java identifier"),
    TOO_MANY_ROLES(ERROR, "E029", "module %s declares %d roles; at most 64 are supported"),
    OWNER_TYPE(ERROR, "E030", "@Owner member '%s' of %s has type %s, but user ids are %s (@AppSecurity userIdType)"),
    DUPLICATE_OWNER(ERROR, "E031", "%s has more than one @Owner member: '%s' and '%s'"),
    TOKEN_TYPE(ERROR, "E032", "token '%s' has type %s, which constraints cannot compare"),
    UNKNOWN_MODULE(ERROR, "E033", "%s names module '%s', which is not declared"),
    INVALID_SQL_NAME(ERROR, "E034", "%s '%s' of %s is not a plain SQL name, or is a reserved word"),
    DUPLICATE_COLUMN(ERROR, "E035", "members '%s' and '%s' of %s are both stored in column '%s'"),
    UNSUPPORTED_ENTITY_TYPE(ERROR, "E036", "@SecuredEntity %s cannot be secured: %s"),
    SHARED_TABLE(ERROR, "E038", "%s and %s are both stored in table '%s', but no discriminator tells their rows apart, so the rules of one would judge the rows of the other"),
    UNKNOWN_CONTAINER(ERROR, "E039", "member '%s' of %s has type %s, which may hold secured entities, but its element type cannot be told"),
    UNCOPYABLE_MUTABLE_TYPE(ERROR, "E041", "member '%s' of %s has the mutable type %s, which secured proxies cannot copy: the object behind a proxy would be shared"),
    USER_ID_TYPE(ERROR, "E037", "userIdType %s cannot identify users: [%%CurrentUser%%] and @Owner members could not be compared with it"),
    USER_ROLE_WITHOUT_MODULE_ROLES(ERROR, "E060", "user role %s has no module roles, so a user with it could do nothing"),

    // ----- operation access, security levels, user management
    OPERATION_WITHOUT_ROLES(ERROR, "E050", "@AllowedRoles on %s names no module role, so no user could run it"),
    OPERATION_ROLE_OF_OTHER_MODULE(ERROR, "E051", "@AllowedRoles on %s names '%s' without a module, but it is not a role of %s"),
    OPERATION_OVERLOADS_DIFFER(ERROR, "E052", "the methods named %s of %s are one operation but are for different module roles: %s and %s"),
    OPERATION_NOT_ENFORCEABLE(ERROR, "E053", "@AllowedRoles on %s cannot be enforced: %s"),

    // ----- versions and generated keys (JPA @Version, @GeneratedValue)
    VERSION_TYPE(ERROR, "E054", "@Version member '%s' of %s has type %s, but Warden increments and checks whole-number versions only"),
    VERSION_WRITE(ERROR, "E055", "%s gives READ_WRITE on '%s' of %s, its @Version: every update increments it, and users can never write it"),
    KEY_GENERATION(ERROR, "E056", "the key '%s' of %s is generated with %s, which WardenData cannot follow: %s"),

    // ----- system members, presets and reusable rules
    SYSTEM_MEMBER_WRITE(ERROR, "E061", "%s gives READ_WRITE on '%s' of %s, which Warden fills in (%s): users can never write it"),
    OWNER_WRITE(ERROR, "E069", "%s gives READ_WRITE on '%s' of %s, its @Owner: Warden fills in the creator's id, and users can never write it (as Mendix's System.owner)"),
    SYSTEM_MEMBER_TYPE(ERROR, "E062", "%s member '%s' of %s has type %s, but %s"),
    DUPLICATE_SYSTEM_MEMBER(ERROR, "E063", "%s has more than one @%s member: '%s' and '%s'"),
    CONFLICTING_SYSTEM_MARKERS(ERROR, "E064", "member '%s' of %s is marked both %s and %s, but Warden can fill a member in only one way"),
    PRESET_UNKNOWN_TOKEN(ERROR, "E065", "%s on '%s' of %s names token '%s', which is not declared in @AppSecurity(tokens)"),
    PRESET_BUILT_IN_TOKEN(ERROR, "E066", "%s on '%s' of %s names the built-in token '%s', but a preset takes the value of one of the user's own tokens"),
    SYSTEM_MEMBER_NOT_SETTABLE(ERROR, "E067", "%s member '%s' of %s cannot be filled in by Warden: %s"),
    REUSABLE_RULE_DOES_NOT_FIT(ERROR, "E068", "the reusable rule @%s does not fit %s: %s"),
    // ----- JPA mapping fidelity
    UNSUPPORTED_JPA_MAPPING(ERROR, "E071", "JPA @%s on %s of %s is not supported by Warden's SQL: the generated filter would not fit the schema Hibernate creates"),
    UNSUPPORTED_MAPPING(ERROR, "E070", "member '%s' of %s cannot be compared in SQL (rule %d of %s): %s"),
    INVALID_OPTION(ERROR, "E097", "processor option -A%s has the value '%s': %s"),
    UNRESOLVED_TYPE(ERROR, "E098", "%s could not be processed: type %s does not exist (not even after all annotation processing rounds)"),
    INTERNAL_ERROR(ERROR, "E099", "internal error in the Warden processor while processing %s: %s"),

    // ----- warnings (suppression key after the code)
    RULE_GRANTS_NOTHING(WARNING, "W001", "grants-nothing", "rule %d of %s grants nothing: no create, no delete and no readable member"),
    ENTITY_WITHOUT_RULES(WARNING, "W002", "no-rules", "%s has no @AccessRule, so nobody can access it"),
    UNUSED_MODULE_ROLE(WARNING, "W003", "unused-role", "module role %s is not given to any user role"),
    DEFAULT_READ_WRITE(WARNING, "W004", "default-read-write", "rule %d of %s gives READ_WRITE on every member by default"),
    SELF_WIDENING_CONSTRAINT(WARNING, "W005", "self-widening", "rule %d of %s depends on '%s', which %s may write: a user can change it to widen their own access"),
    ANONYMOUS_WRITE(WARNING, "W006", "anonymous-write", "anonymous user role %s may write %s without a constraint (rule %d)"),
    ANONYMOUS_SHARED_ROLE(WARNING, "W007", "anonymous-shared-role", "anonymous user role %s shares module role %s with signed-in user role %s"),
    UNLOADABLE_MEMBER(WARNING, "W009", "unloadable", "member '%s' of %s is stored in column '%s' but has no setter, so objects read from the table leave it empty"),
    NO_TABLE(WARNING, "W008", "no-table", "no table mapping is generated for %s, so the secure data access layer cannot use it: %s"),
    SECURITY_LEVEL_NOT_PRODUCTION(WARNING, "W014", "security-level", "security level %s: %s; this build is not for production"),
    ANONYMOUS_MANAGES_USERS(WARNING, "W015", "anonymous-manages-users", "anonymous user role %s may manage user roles %s: anyone who is not signed in could create and change users with them"),
    OPERATION_OVERRIDE_ROLES(WARNING, "W016", "operation-override", "%s is for module roles %s, but the method of %s it overrides is for %s: which roles apply depends on the type a call goes through"),
    MIXED_SCRIPT(WARNING, "W017", "mixed-script", "%s %s mixes scripts: %s"),
    CONFUSABLE(WARNING, "W018", "confusable", "%s %s looks like %s %s, but is another name (written in %s)"),
    LOCAL_SYSTEM_DATE(WARNING, "W019", "local-system-date", "%s member '%s' of %s is a LocalDateTime: Warden fills in the wall-clock time of the zone of the user who writes, so values written by users in different zones cannot be compared"),
    SEPARATE_TO_MANY_CONDITIONS(WARNING, "W013", "separate-to-many", "conditions on a to-many association in rule %d of %s: %s"),
    POLICY_NOT_EXPRESSIBLE(WARNING, "W030", "rls-not-expressible", "rule %d of %s cannot be a PostgreSQL row-level security policy: %s; the generated policies leave it out, so clients of the database see less than the application shows");

    private final DiagnosticKind kind;
    private final String code;
    private final String suppressionKey;
    private final String template;

    /** An error: it fails the build and cannot be suppressed. */
    Message(DiagnosticKind kind, String code, String template) {
        this(kind, code, null, template);
    }

    Message(DiagnosticKind kind, String code, String suppressionKey, String template) {
        this.kind = kind;
        this.code = code;
        this.suppressionKey = suppressionKey;
        this.template = template;
    }

    /** The stable code, {@code WARDEN-E001}. */
    public String code() {
        return "WARDEN-" + code;
    }

    /** Whether it fails the build, as each constant declares it ({@code MessageCatalogueTest} checks it against the code). */
    public DiagnosticKind kind() {
        return kind;
    }

    /** The key of {@code @SuppressWarnings("warden:<key>")} for a warning, {@code null} for an error. */
    public String suppressionKey() {
        return suppressionKey;
    }

    /**
     * The formatted text, without code or hint. An element among the arguments is shown as javac shows it
     * ({@code archive()}, {@code fx.shop.Note}, {@code text}), whichever compiler runs the processor: the Eclipse
     * compiler's {@code toString} of a method is {@code public void archive() }.
     */
    public String format(Object... arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Element element ? shown(element) : arguments[i];
        }
        return String.format(Locale.ROOT, template, shown);
    }

    /** An element as javac's {@code toString} shows it. */
    static String shown(Element element) {
        if (element instanceof ExecutableElement method) {
            String name = method.getKind() == ElementKind.CONSTRUCTOR || method.getKind() == ElementKind.STATIC_INIT
                    ? method.getEnclosingElement().getSimpleName().toString() : method.getSimpleName().toString();
            StringJoiner parameters = new StringJoiner(",", name + "(", ")");
            for (VariableElement parameter : method.getParameters()) {
                parameters.add(parameter.asType().toString());
            }
            return parameters.toString();
        }
        if (element instanceof QualifiedNameable named) {
            return named.getQualifiedName().toString();
        }
        return element.getSimpleName().toString();
    }
}
