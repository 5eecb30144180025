package dev.warden.verification.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A random security model as the differential test sees it: an application with modules, user roles and tokens,
 * entities with members and access rules, constraints as a syntax tree, data and users. Plain data: the reference
 * evaluator reads it, the source writer turns it into Java sources for the processor. Nothing here comes from the
 * processor or the runtime.
 */
final class Model {

    /** What a rule gives on a member. */
    enum Access { NONE, READ, READ_WRITE }

    /** The kinds of members the generator makes. */
    enum Kind {
        ID("Long"), STRING("String"), LONG("Long"), INT("int"), INTEGER("Integer"), BOOL("boolean"),
        BOOLEAN("Boolean"), DECIMAL("java.math.BigDecimal"), ENUM(null), TO_ONE(null), TO_MANY(null),
        OWNER("Long"), CALCULATED("int"), DATE("java.time.LocalDate"),
        /** §6: an instant, compared with the time tokens and taken apart on the calendar of the user's zone. */
        INSTANT("java.time.Instant"),
        /** §6: a wall-clock date and time, compared with the tokens as their wall-clock time in their zone. */
        LOCAL_DATE_TIME("java.time.LocalDateTime");

        final String javaType;

        Kind(String javaType) {
            this.javaType = javaType;
        }

        boolean primitive() {
            return this == INT || this == BOOL || this == CALCULATED;
        }

        boolean association() {
            return this == TO_ONE || this == TO_MANY;
        }

        /** INTEGER-like for the constraint language: comparable with whole numbers and with each other. */
        boolean whole() {
            return this == ID || this == LONG || this == INT || this == INTEGER || this == OWNER;
        }

        boolean bool() {
            return this == BOOL || this == BOOLEAN;
        }

        /** Boxed Long: comparable with [%CurrentUser%] (the user id type is Long). */
        boolean userIdTyped() {
            return this == ID || this == LONG || this == OWNER;
        }

        /** A date, an instant or a date and time: compared with the time tokens. */
        boolean temporal() {
            return this == DATE || this == INSTANT || this == LOCAL_DATE_TIME;
        }
    }

    /** The whole application: one compilation. */
    static final class App {
        final String pkg;
        final List<Module> modules = new ArrayList<>();
        final List<Entity> entities = new ArrayList<>();
        /** User role to qualified module roles ("Mod.Role"). */
        final Map<String, List<String>> userRoles = new LinkedHashMap<>();
        String anonymousRole;
        /** The security level: PRODUCTION, or now and then PROTOTYPE or OFF (data access not checked). */
        String level = "PRODUCTION";
        final List<String> enums = new ArrayList<>();
        final Map<String, List<String>> enumConstants = new LinkedHashMap<>();

        App(String pkg) {
            this.pkg = pkg;
        }

        Entity entity(String simpleName) {
            for (Entity e : entities) {
                if (e.name.equals(simpleName)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(simpleName);
        }
    }

    /**
     * "Today" for every security context of the differential test: contexts run on a fixed clock, at {@link #NOW}.
     * It is the day daylight saving time starts in Europe (at 01:00 UTC), so that a day in Amsterdam is 23 hours long,
     * and a month after February of a year that is not a leap year.
     */
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 3, 29);
    /** The clock of every context: 10:15 UTC on {@link #TODAY}, 12:15 in Amsterdam. */
    static final java.time.Instant NOW = TODAY.atTime(10, 15).toInstant(java.time.ZoneOffset.UTC);

    /** The tokens every generated application declares: name to Java type. */
    static final Map<String, Class<?>> TOKENS = Map.of("Tenant", Long.class, "Region", String.class, "Beta", Boolean.class);

    static final class Module {
        final String name;
        final String pkg;
        final List<String> roles = new ArrayList<>();

        Module(String name, String pkg) {
            this.name = name;
            this.pkg = pkg;
        }
    }

    static final class Entity {
        final String name;
        final Module module;
        final List<Member> members = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        /** The objects of the data set. */
        final List<Obj> objects = new ArrayList<>();
        /** The {@code reversed(...)} steps that start at this entity, by their text ({@link Member#reversed}). */
        final Map<String, Member> reversedSteps = new LinkedHashMap<>();

        Entity(String name, Module module) {
            this.name = name;
            this.module = module;
        }

        String qualifiedName() {
            return module.pkg + "." + name;
        }

        /** The table: the processor's default, snake_case of the simple name (which has no capitals inside). */
        String table() {
            return name.toLowerCase(java.util.Locale.ROOT);
        }

        Member member(String name) {
            for (Member m : members) {
                if (m.name.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(this.name + " has no member " + name);
        }

        List<Member> storedMembers() {
            List<Member> stored = new ArrayList<>();
            for (Member m : members) {
                if (m.kind != Kind.CALCULATED && m.kind != Kind.TO_MANY) {
                    stored.add(m);
                }
            }
            return stored;
        }

        Member owner() {
            for (Member m : members) {
                if (m.kind == Kind.OWNER) {
                    return m;
                }
            }
            return null;
        }
    }

    static final class Member {
        final String name;
        final Kind kind;
        /** For associations. */
        final Entity target;
        /** For enums: the enum's simple name. */
        final String enumType;
        /** Field-level rights: role (of the entity's module) to access. */
        final Map<String, Access> memberAccess = new LinkedHashMap<>();
        /**
         * For a {@code reversed(Entity.member)} step of a constraint path (no member of any entity): the association
         * it follows back; {@link #target} is then the entity declaring it. Null for every member of an entity.
         */
        Member reverseOf;
        /** For an enum of a JPA entity: stored as its ordinal (JPA's default) rather than its name. */
        boolean ordinal;

        Member(String name, Kind kind, Entity target, String enumType) {
            this.name = name;
            this.kind = kind;
            this.target = target;
            this.enumType = enumType;
        }

        /**
         * The step {@code reversed(Entity.member)} of a path: from an object of the association's target to the objects
         * of {@code declaring} whose {@code association} holds it, followed as a to-many step.
         */
        static Member reversed(Entity declaring, Member association) {
            Member step = new Member("reversed(" + declaring.qualifiedName() + "." + association.name + ")",
                    Kind.TO_MANY, declaring, null);
            step.reverseOf = association;
            association.target.reversedSteps.put(step.name, step);
            return step;
        }

        /** The column: snake_case of the name (names have no capitals), {@code _id} for a to-one association. */
        String column() {
            return kind == Kind.TO_ONE ? name + "_id" : name;
        }

        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Rule {
        final List<String> roles = new ArrayList<>();
        boolean create;
        boolean delete;
        Access defaultAccess = Access.NONE;
        final Map<String, Access> members = new LinkedHashMap<>();
        /** Brackets, ANDed; empty for no constraint. */
        final List<Expr> constraint = new ArrayList<>();
    }

    /** An object of the data set. Values by member name; a to-one holds an {@link Obj}, a to-many a list of them. */
    static final class Obj {
        final Entity entity;
        final long id;
        final Map<String, Object> values = new LinkedHashMap<>();

        Obj(Entity entity, long id) {
            this.entity = entity;
            this.id = id;
        }

        /** A member's value; the key is {@link #id} unless a check puts a changed key into {@link #values}. */
        Object get(String member) {
            if (member.startsWith("reversed(")) {
                return holders(entity.reversedSteps.get(member));
            }
            return member.equals("id") && !values.containsKey("id") ? (Object) id : values.get(member);
        }

        /** The objects whose association {@code step} follows back hold this one (as an element or as the target). */
        private List<Obj> holders(Member step) {
            List<Obj> holders = new ArrayList<>();
            for (Obj holder : step.target.objects) {
                Object value = holder.get(step.reverseOf.name);
                boolean holds = value instanceof List<?> list ? list.stream().anyMatch(x -> x == this) : value == this;
                if (holds) {
                    holders.add(holder);
                }
            }
            return holders;
        }

        @Override
        public String toString() {
            return entity.name + "#" + id;
        }
    }

    /** A user of the test: how the security context is made. */
    static final class User {
        final String label;
        /** null for anonymous or a user without id. */
        final Object id;
        final List<String> userRoles;
        final Map<String, Object> attributes;
        final boolean anonymousOf;
        final boolean system;
        /** §6: the user's time zone; null for the application's default (the clock's, UTC). */
        final java.time.ZoneId zone;

        User(String label, Object id, List<String> userRoles, Map<String, Object> attributes, boolean anonymousOf,
                boolean system) {
            this(label, id, userRoles, attributes, anonymousOf, system, null);
        }

        User(String label, Object id, List<String> userRoles, Map<String, Object> attributes, boolean anonymousOf,
                boolean system, java.time.ZoneId zone) {
            this.label = label;
            this.id = id;
            this.userRoles = userRoles;
            this.attributes = attributes;
            this.anonymousOf = anonymousOf;
            this.system = system;
            this.zone = zone;
        }

        @Override
        public String toString() {
            return label + "(id=" + id + ", roles=" + userRoles + ", attributes=" + attributes
                    + (anonymousOf ? ", anonymousOf" : "") + (system ? ", system" : "")
                    + (zone == null ? "" : ", zone=" + zone) + ")";
        }
    }

    // ------------------------------------------------------------------------------------------ constraints

    /** A condition of a constraint. */
    sealed interface Expr permits Or, And, Not, Cmp, Fn, PathTest, RoleTest, TokenTest, Const, FnCmp, Pred {}

    record Or(List<Expr> operands) implements Expr {}

    record And(List<Expr> operands) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code path op operand}. */
    record Cmp(List<Member> path, String op, Operand right) implements Expr {}

    /** {@code contains(path, 'text')} and friends. */
    record Fn(String function, List<Member> path, String text) implements Expr {}

    /** A path alone. */
    record PathTest(List<Member> path) implements Expr {}

    /** {@code '[%UserRole_Name%]'} alone. */
    record RoleTest(String userRole) implements Expr {}

    /** A boolean custom token alone. */
    record TokenTest(String token) implements Expr {}

    /** {@code true()} or {@code false()} as a condition (§6). */
    record Const(boolean value) implements Expr {}

    /** §6: {@code function(path) op operand}, a length or a date part compared as a whole number. */
    record FnCmp(String function, List<Member> path, String op, Operand right) implements Expr {}

    /** §6: a sub-constraint, {@code path[condition]}, the condition's paths starting at the associated entity. */
    record Pred(List<Member> path, Expr condition) implements Expr {}

    sealed interface Operand permits Literal, Empty, TokenRef, PathRef, TimeRef {}

    /** A literal: its value (String, BigDecimal, Boolean, or an enum constant's name) and its text. */
    record Literal(Object value, String text) implements Operand {}

    /** {@code empty}, or its synonym {@code NULL} (§6). */
    record Empty(boolean nullKeyword) implements Operand {
        Empty() {
            this(false);
        }
    }

    /** A token: CurrentUser, UserRole_X or a custom token. */
    record TokenRef(String name) implements Operand {}

    record PathRef(List<Member> path) implements Operand {}

    /** §6: a date-time token with periods added, {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'}. */
    record TimeRef(String token, List<Offset> offsets) implements Operand {}

    /** {@code amount} (negative: subtracted) of a period token such as {@code DayLength}. */
    record Offset(long amount, String period) {}

    private Model() {}
}
