package dev.warden.verification.differential;

import dev.warden.verification.differential.Model.Access;
import dev.warden.verification.differential.Model.And;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Cmp;
import dev.warden.verification.differential.Model.Const;
import dev.warden.verification.differential.Model.Empty;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Expr;
import dev.warden.verification.differential.Model.Fn;
import dev.warden.verification.differential.Model.FnCmp;
import dev.warden.verification.differential.Model.Pred;
import dev.warden.verification.differential.Model.TimeRef;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Literal;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Not;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.Operand;
import dev.warden.verification.differential.Model.Or;
import dev.warden.verification.differential.Model.PathRef;
import dev.warden.verification.differential.Model.PathTest;
import dev.warden.verification.differential.Model.RoleTest;
import dev.warden.verification.differential.Model.Rule;
import dev.warden.verification.differential.Model.TokenRef;
import dev.warden.verification.differential.Model.TokenTest;
import dev.warden.verification.differential.Model.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes random, valid models from a seed: a batch of several independent models (each one or two modules with two
 * to four entities) in one application, so that one compilation covers several models; random data with NULLs;
 * random users, also anonymous, with an unknown role, without roles, without or with a wrong token value.
 */
final class Generator {

    /** The strings of the first generator: the regression seeds were found with them. */
    static final String[] LEGACY_STRINGS = {"", "a", "ab", "b", "x", "a%b", "a_b", "a'b"};
    static final String[] LEGACY_TEXTS = {"a", "", "b", "%", "_", "a'b", "x"};
    /** Also upper case and non-ASCII letters, for the case-insensitive string functions (§6). */
    static final String[] STRINGS = {"", "a", "ab", "b", "x", "a%b", "a_b", "a'b", "A", "aB", "É", "é", "ΟΔΟΣ", "οσ",
        "İx", "ix", "ǅ"};
    static final String[] TEXTS = {"a", "", "b", "%", "_", "a'b", "x", "A", "B", "é", "É", "σ", "Σ", "ς", "i", "İ",
        "ǆ"};
    static final String[] WHOLE_LITERALS = {"0", "1", "2", "3", "-1", "100"};
    static final String[] DECIMAL_LITERALS = {"0", "1.5", "2", "-0.5", "10.25", "1.50"};
    static final String[] OPS = {"=", "!=", "<", "<=", ">", ">="};
    static final List<String> COLORS = List.of("RED", "GREEN", "BLUE");

    private final Random random;
    /** Whether to generate the forms of security-model.md §6; false reproduces the first generator exactly. */
    private final boolean extended;
    /**
     * Whether the models are JPA entities ({@link #jpa}): then paths also take {@code reversed(Entity.member)} steps
     * back along the associations of the model, and enums are stored by name or by ordinal.
     */
    private final boolean jpa;
    /** The entities of the model whose rules are being made: the declaring entities of {@code reversed} steps. */
    private List<Entity> modelEntities = List.of();
    private final String[] strings;
    private final String[] texts;
    private long nextId = 1;

    /** A generator of every form of the constraint language. */
    Generator(long seed) {
        this(seed, true, false);
    }

    private Generator(long seed, boolean extended, boolean jpa) {
        this.random = new Random(seed);
        this.extended = extended;
        this.jpa = jpa;
        this.strings = extended ? STRINGS : LEGACY_STRINGS;
        this.texts = extended ? TEXTS : LEGACY_TEXTS;
    }

    /**
     * The generator the regression seeds were found with, before §6 (no NULL, quoted booleans, constant conditions,
     * new member kinds, functions, time tokens or sub-constraints; ASCII strings), so that each seed still makes the
     * model that once disagreed.
     */
    static Generator legacy(long seed) {
        return new Generator(seed, false, false);
    }

    /**
     * The generator of the JPA differential test: every form of the constraint language, and the JPA-only ones:
     * {@code reversed(Entity.member)} steps in paths and enums stored as ordinals.
     */
    static Generator jpa(long seed) {
        return new Generator(seed, true, true);
    }

    /** A batch: {@code models} independent models in one application of package {@code pkg}. */
    App batch(String pkg, int models) {
        App app = new App(pkg);
        List<List<Entity>> modelEntities = new ArrayList<>();
        for (int k = 0; k < models; k++) {
            String prefix = "m" + k;
            int moduleCount = 1 + random.nextInt(2);
            List<Model.Module> modules = new ArrayList<>();
            for (int i = 0; i < moduleCount; i++) {
                String suffix = i == 0 ? "a" : "b";
                Model.Module module = new Model.Module(capital(pkg) + "M" + k + suffix, pkg + "." + prefix + suffix);
                int roles = 2 + random.nextInt(3);
                for (int r = 1; r <= roles; r++) {
                    module.roles.add("R" + r);
                }
                modules.add(module);
                app.modules.add(module);
            }
            String enumName = capital(pkg) + "m" + k + "Color";
            app.enums.add(modules.get(0).pkg + "." + enumName);
            app.enumConstants.put(modules.get(0).pkg + "." + enumName, COLORS);
            int entityCount = 2 + random.nextInt(3);
            List<Entity> entities = new ArrayList<>();
            for (int i = 0; i < entityCount; i++) {
                Entity e = new Entity(capital(pkg) + "m" + k + "e" + i, modules.get(random.nextInt(moduleCount)));
                entities.add(e);
                app.entities.add(e);
            }
            for (Entity e : entities) {
                members(e, entities, modules.get(0).pkg + "." + enumName);
                if (jpa) {
                    for (Member m : e.members) {
                        m.ordinal = m.kind == Kind.ENUM && random.nextBoolean();
                    }
                }
            }
            modelEntities.add(entities);
        }
        userRoles(app);
        int level = random.nextInt(20);
        app.level = level < 2 ? "OFF" : level < 4 ? "PROTOTYPE" : "PRODUCTION";
        for (List<Entity> entities : modelEntities) {
            this.modelEntities = entities;
            for (Entity e : entities) {
                memberAccess(e);
                int rules = 1 + random.nextInt(4);
                for (int i = 0; i < rules; i++) {
                    e.rules.add(rule(app, e));
                }
                dropConflicts(e);
            }
            data(entities);
        }
        return app;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------------------------ members

    private void members(Entity e, List<Entity> entities, String enumType) {
        e.members.add(new Member("id", Kind.ID, null, null));
        Kind[] attributes = extended
                ? new Kind[] {Kind.STRING, Kind.LONG, Kind.INT, Kind.INTEGER, Kind.BOOL, Kind.BOOLEAN, Kind.DECIMAL,
                    Kind.ENUM, Kind.DATE, Kind.INSTANT, Kind.LOCAL_DATE_TIME}
                : new Kind[] {Kind.STRING, Kind.LONG, Kind.INT, Kind.INTEGER, Kind.BOOL, Kind.BOOLEAN, Kind.DECIMAL,
                    Kind.ENUM, Kind.DATE};
        int count = 2 + random.nextInt(4);
        for (int i = 1; i <= count; i++) {
            Kind kind = attributes[random.nextInt(attributes.length)];
            e.members.add(new Member(prefix(kind) + i, kind, null, kind == Kind.ENUM ? enumType : null));
        }
        int toOne = random.nextInt(3);
        for (int i = 1; i <= toOne; i++) {
            e.members.add(new Member("r" + i, Kind.TO_ONE, entities.get(random.nextInt(entities.size())), null));
        }
        if (random.nextInt(3) > 0) {
            // one to-many per owner: each stored as a foreign key named after the owner in the target's table
            e.members.add(new Member("l1", Kind.TO_MANY, entities.get(random.nextInt(entities.size())), null));
        }
        if (random.nextBoolean()) {
            e.members.add(new Member("owner", Kind.OWNER, null, null));
        }
        if (random.nextInt(4) == 0) {
            e.members.add(new Member("calc", Kind.CALCULATED, null, null));
        }
    }

    private static String prefix(Kind kind) {
        switch (kind) {
            case STRING: return "s";
            case LONG: return "n";
            case INT: return "i";
            case INTEGER: return "j";
            case BOOL: return "f";
            case BOOLEAN: return "g";
            case DECIMAL: return "d";
            case DATE: return "t";
            case INSTANT: return "w";
            case LOCAL_DATE_TIME: return "v";
            default: return "c";
        }
    }

    private void userRoles(App app) {
        int count = 2 + random.nextInt(4);
        for (int i = 1; i <= count; i++) {
            app.userRoles.put("U" + i, moduleRoles(app, 0.5));
        }
        if (random.nextInt(10) < 6) {
            app.userRoles.put("Anon", moduleRoles(app, 0.35));
            app.anonymousRole = "Anon";
        }
    }

    private List<String> moduleRoles(App app, double p) {
        List<String> roles = new ArrayList<>();
        for (Model.Module module : app.modules) {
            if (random.nextDouble() < p) {
                roles.add(module.name + "." + pick(module.roles));
            }
        }
        if (roles.isEmpty()) {
            Model.Module module = pick(app.modules);
            roles.add(module.name + "." + pick(module.roles));
        }
        return roles;
    }

    private void memberAccess(Entity e) {
        for (Member m : e.members) {
            if (random.nextInt(7) == 0) {
                m.memberAccess.put(pick(e.module.roles), access(m));
            }
        }
    }

    private Access access(Member m) {
        Access a = Access.values()[random.nextInt(3)];
        // a calculated member and the @Owner (E069) are never writable
        return a == Access.READ_WRITE && (m.kind == Kind.CALCULATED || m.kind == Kind.OWNER) ? Access.READ : a;
    }

    private Rule rule(App app, Entity e) {
        Rule r = new Rule();
        List<String> roles = new ArrayList<>(e.module.roles);
        java.util.Collections.shuffle(roles, random);
        r.roles.addAll(roles.subList(0, 1 + random.nextInt(Math.min(2, roles.size()))));
        r.create = random.nextInt(10) < 4;
        r.delete = random.nextInt(10) < 4;
        r.defaultAccess = Access.values()[random.nextInt(3)];
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            Member m = pick(e.members);
            r.members.put(m.name, access(m));
        }
        if (random.nextInt(20) < 13) {
            int brackets = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < brackets; i++) {
                r.constraint.add(condition(app, e, 0));
            }
        }
        return r;
    }

    /** A members entry for a member whose @MemberAccess names one of the rule's roles is a compile error (E007). */
    private static void dropConflicts(Entity e) {
        for (Rule r : e.rules) {
            for (Member m : e.members) {
                for (String role : m.memberAccess.keySet()) {
                    if (r.roles.contains(role)) {
                        r.members.remove(m.name);
                    }
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------- constraints

    Expr condition(App app, Entity root, int depth) {
        if (extended && random.nextInt(5) == 0) {
            Expr more = extendedCondition(app, root, depth);
            if (more != null) {
                return more;
            }
        }
        int choice = random.nextInt(depth >= 2 ? 70 : 100);
        if (choice < 45) {
            return comparison(app, root);
        } else if (choice < 53) {
            List<Member> path = path(root, m -> m.kind == Kind.STRING);
            return path == null ? comparison(app, root)
                    : new Fn(pick(List.of("contains", "starts-with", "ends-with")), path, pick(texts));
        } else if (choice < 63) {
            List<Member> path = path(root, m -> m.kind.association() || m.kind.bool());
            return path == null ? comparison(app, root) : new PathTest(path);
        } else if (choice < 67) {
            return new RoleTest(pick(new ArrayList<>(app.userRoles.keySet())));
        } else if (choice < 69 || !extended && choice < 70) {
            return new TokenTest("Beta");
        } else if (choice < 70) {
            return new Const(random.nextBoolean());
        } else if (choice < 80) {
            return new Not(condition(app, root, depth + 1));
        } else if (choice < 90) {
            return new And(List.of(condition(app, root, depth + 1), condition(app, root, depth + 1)));
        } else {
            return new Or(List.of(condition(app, root, depth + 1), condition(app, root, depth + 1)));
        }
    }

    /** A random path from {@code root} to a member that satisfies {@code leaf}; null when none is found. */
    private List<Member> path(Entity root, java.util.function.Predicate<Member> leaf) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Member> path = new ArrayList<>();
            Entity at = root;
            while (path.size() < 2 && random.nextInt(3) == 0) {
                List<Member> associations = at.members.stream().filter(m -> m.kind.association()).toList();
                List<Member> reversed = jpa ? reversedSteps(at) : List.of();
                if (associations.isEmpty() && reversed.isEmpty()) {
                    break;
                }
                Member hop = associations.isEmpty() || !reversed.isEmpty() && random.nextBoolean() ? pick(reversed)
                        : pick(associations);
                path.add(hop);
                at = hop.target;
            }
            List<Member> candidates = at.members.stream().filter(m -> m.kind != Kind.CALCULATED).filter(leaf).toList();
            if (!candidates.isEmpty()) {
                path.add(pick(candidates));
                return path;
            }
        }
        return null;
    }

    /** The {@code reversed(Entity.member)} steps from {@code at}: back along each association of the model to it. */
    private List<Member> reversedSteps(Entity at) {
        List<Member> steps = new ArrayList<>();
        for (Entity declaring : modelEntities) {
            for (Member m : declaring.members) {
                if (m.kind.association() && m.target == at) {
                    String name = "reversed(" + declaring.qualifiedName() + "." + m.name + ")";
                    Member step = at.reversedSteps.get(name);
                    steps.add(step != null ? step : Member.reversed(declaring, m));
                }
            }
        }
        return steps;
    }

    static boolean throughToMany(List<Member> path) {
        for (int i = 0; i < path.size() - 1; i++) {
            if (path.get(i).kind == Kind.TO_MANY) {
                return true;
            }
        }
        return false;
    }

    private Expr comparison(App app, Entity root) {
        List<Member> path = path(root, m -> true);
        Member leaf = path.get(path.size() - 1);
        String op = pick(OPS);
        boolean equality = op.equals("=") || op.equals("!=");
        String eqOp = random.nextBoolean() ? "=" : "!=";
        int choice = random.nextInt(100);
        switch (leaf.kind) {
            case STRING:
                if (choice < 60) {
                    String s = pick(strings);
                    return new Cmp(path, op, new Literal(s, quote(s)));
                } else if (choice < 75) {
                    return new Cmp(path, op, new TokenRef("Region"));
                } else if (choice < 85) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, op, m -> m.kind == Kind.STRING, eqOp);
            case ID:
            case LONG:
            case INT:
            case INTEGER:
            case OWNER:
                if (choice < 45) {
                    String n = pick(WHOLE_LITERALS);
                    return new Cmp(path, op, new Literal(new BigDecimal(n), n));
                } else if (choice < 60) {
                    return new Cmp(path, op, new TokenRef("Tenant"));
                } else if (choice < 80 && leaf.kind.userIdTyped()) {
                    return new Cmp(path, eqOp, new TokenRef("CurrentUser"));
                } else if (choice < 90) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, op, m -> m.kind.whole(), eqOp);
            case DECIMAL:
                if (choice < 65) {
                    String n = pick(DECIMAL_LITERALS);
                    return new Cmp(path, op, new Literal(new BigDecimal(n), n));
                } else if (choice < 80) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, op, m -> m.kind == Kind.DECIMAL, eqOp);
            case BOOL:
            case BOOLEAN:
                if (choice < 50) {
                    boolean b = random.nextBoolean();
                    // §6: 'true' and 'false' as Mendix quotes them, next to true() and false()
                    String text = !extended || random.nextBoolean() ? b + "()" : "'" + b + "'";
                    return new Cmp(path, eqOp, new Literal(b, text));
                } else if (choice < 70) {
                    return new Cmp(path, eqOp, new TokenRef("UserRole_" + pick(new ArrayList<>(app.userRoles.keySet()))));
                } else if (choice < 85) {
                    return new Cmp(path, eqOp, new TokenRef("Beta"));
                } else if (choice < 90) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, eqOp, m -> m.kind.bool(), eqOp);
            case DATE:
            case INSTANT:
            case LOCAL_DATE_TIME:
                if (choice < 70) {
                    return new Cmp(path, op, extended ? timeOperand() : new TokenRef(pick(new String[] {
                        "CurrentDateTime", "BeginOfCurrentDay", "EndOfCurrentDay"})));
                } else if (choice < 85) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, op, m -> m.kind == leaf.kind, eqOp);
            case ENUM:
                if (choice < 70) {
                    String c = pick(COLORS);
                    return new Cmp(path, eqOp, new Literal(c, quote(c)));
                } else if (choice < 85) {
                    return new Cmp(path, eqOp, empty());
                }
                return pathComparison(root, path, eqOp, m -> m.kind == Kind.ENUM, eqOp);
            case TO_ONE:
                if (choice < 40) {
                    return new Cmp(path, eqOp, empty());
                } else if (choice < 70) {
                    return new Cmp(path, eqOp, new TokenRef("CurrentUser"));
                }
                return pathComparison(root, path, eqOp, m -> m.kind == Kind.TO_ONE && m.target == leaf.target, eqOp);
            case TO_MANY:
                return new Cmp(path, eqOp, empty());
            default:
                throw new IllegalStateException(leaf.kind.name());
        }
    }

    private Expr pathComparison(Entity root, List<Member> left, String op, java.util.function.Predicate<Member> same,
            String eqOp) {
        List<Member> right = path(root, same);
        if (right == null || (throughToMany(left) && throughToMany(right))) {
            return new Cmp(left, eqOp, empty());
        }
        return new Cmp(left, op, new PathRef(right));
    }

    // ------------------------------------------------------------------------------------------ §6 forms

    /** Every date-time token (§6): CurrentDateTime, and BeginOf/EndOf each period, each also with UTC. */
    static final List<String> TIME_TOKENS;

    static {
        List<String> tokens = new ArrayList<>(List.of("CurrentDateTime"));
        for (String period : Reference.TOKEN_PERIODS) {
            for (String edge : List.of("BeginOf", "EndOf")) {
                tokens.add(edge + period);
                tokens.add(edge + period + "UTC");
            }
        }
        TIME_TOKENS = List.copyOf(tokens);
    }

    static final String[] PERIODS = {"SecondLength", "MinuteLength", "HourLength", "DayLength", "WeekLength",
        "MonthLength", "YearLength"};
    static final long[] FACTORS = {1, -1, 2, -3, 24, -36, 0};
    static final String[] FUNCTIONS = {"year-from-dateTime", "month-from-dateTime", "day-from-dateTime",
        "hours-from-dateTime", "minutes-from-dateTime", "seconds-from-dateTime", "quarter-from-dateTime",
        "week-from-dateTime", "weekday-from-dateTime", "day-of-year-from-dateTime"};

    /** A date-time token, now and then with periods added: {@code '[%BeginOfCurrentDay%] - 1 * [%MonthLength%]'}. */
    private Model.Operand timeOperand() {
        String token = pick(TIME_TOKENS);
        if (random.nextInt(10) < 6) {
            return new TokenRef(token);
        }
        List<Model.Offset> offsets = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            offsets.add(new Model.Offset(FACTORS[random.nextInt(FACTORS.length)], pick(PERIODS)));
        }
        return new TimeRef(token, offsets);
    }

    /**
     * A date-time token compared with a date or time, a sub-constraint, or a function comparison; null when the entity
     * has nothing to apply it to.
     */
    private Expr extendedCondition(App app, Entity root, int depth) {
        int form = random.nextInt(3);
        if (form == 0) {
            List<Member> temporal = path(root, m -> m.kind.temporal());
            if (temporal != null) {
                return new Cmp(temporal, pick(OPS), timeOperand());
            }
        }
        if (form == 1 && depth < 2) {
            List<Member> path = path(root, m -> m.kind.association());
            if (path != null) {
                return new Pred(path, condition(app, last(path).target, depth + 1));
            }
        }
        List<Member> path = path(root, m -> m.kind == Kind.STRING || m.kind.temporal());
        if (path == null) {
            return null;
        }
        Member leaf = last(path);
        String function;
        if (leaf.kind == Kind.STRING) {
            function = random.nextBoolean() ? "string-length" : "length";
        } else {
            function = pick(FUNCTIONS);
            if (leaf.kind == Kind.DATE && function.matches("(hours|minutes|seconds)-from-dateTime")) {
                function = "day-from-dateTime"; // a date has no time of day
            }
        }
        String op = pick(OPS);
        int choice = random.nextInt(10);
        Model.Operand right;
        if (choice < 7) {
            String n = pick(functionValues(function));
            right = new Literal(new BigDecimal(n), n);
        } else if (choice < 8) {
            right = new TokenRef("Tenant");
        } else {
            right = empty();
            op = random.nextBoolean() ? "=" : "!=";
        }
        return new FnCmp(function, path, op, right);
    }

    /** Values a function is likely to have on the test's clock and data. */
    private static String[] functionValues(String function) {
        switch (function) {
            case "year-from-dateTime": return new String[] {"2025", "2026"};
            case "month-from-dateTime": return new String[] {"2", "3", "1"};
            case "day-from-dateTime": return new String[] {"1", "28", "29", "30", "23"};
            case "hours-from-dateTime": return new String[] {"0", "1", "2", "10", "12", "23"};
            case "minutes-from-dateTime": return new String[] {"0", "15", "44", "59"};
            case "seconds-from-dateTime": return new String[] {"0", "59"};
            case "quarter-from-dateTime": return new String[] {"1", "2"};
            case "week-from-dateTime": return new String[] {"1", "9", "13", "14"};
            case "weekday-from-dateTime": return new String[] {"1", "2", "7"};
            case "day-of-year-from-dateTime": return new String[] {"1", "59", "88", "89"};
            default: return new String[] {"0", "1", "2", "3"};
        }
    }

    private static Member last(List<Member> path) {
        return path.get(path.size() - 1);
    }

    /** {@code empty}, or now and then its synonym {@code NULL} (§6). */
    private Empty empty() {
        return new Empty(extended && random.nextInt(3) == 0);
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    // ----------------------------------------------------------------------------------------------------- data

    private void data(List<Entity> entities) {
        for (Entity e : entities) {
            int count = 3 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                e.objects.add(new Obj(e, nextId++));
            }
        }
        for (Entity e : entities) {
            for (Obj o : e.objects) {
                for (Member m : e.members) {
                    if (m.kind == Kind.ID || m.kind == Kind.CALCULATED || m.kind == Kind.TO_MANY) {
                        continue;
                    }
                    o.values.put(m.name, value(m));
                }
            }
            for (Member m : e.members) {
                if (m.kind != Kind.TO_MANY) {
                    continue;
                }
                Map<Obj, List<Obj>> children = new LinkedHashMap<>();
                for (Obj parent : e.objects) {
                    children.put(parent, new ArrayList<>());
                }
                for (Obj child : m.target.objects) {
                    if (random.nextInt(10) < 7) {
                        children.get(pick(e.objects)).add(child);
                    }
                }
                children.forEach((parent, list) -> parent.values.put(m.name, list));
            }
        }
    }

    /** Dates around {@link Model#TODAY}: month, week and year starts; last day of February. */
    static final List<java.time.LocalDate> DATES = List.of(java.time.LocalDate.of(2026, 2, 28),
            java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 23), java.time.LocalDate.of(2026, 3, 30),
            java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2025, 12, 31), java.time.LocalDate.of(2026, 3, 28));

    /** Instants around {@link Model#NOW}, the daylight-saving change in Europe (01:00 UTC) and midnights. */
    static final List<java.time.Instant> INSTANTS = java.util.stream.Stream.of("2026-03-28T22:59:59Z",
            "2026-03-28T23:00:00Z", "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-03-29T10:15:00Z",
            "2026-03-29T10:14:59.999Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z", "2026-03-29T23:59:59Z",
            "2026-03-30T00:00:00Z", "2026-02-28T23:00:00Z", "2026-03-01T00:00:00Z", "2026-03-22T23:00:00Z",
            "2026-03-23T00:00:00Z", "2025-12-31T23:00:00Z", "2026-01-01T00:00:00Z", "2026-03-29T04:44:00Z",
            "2026-03-28T18:30:00Z", "2026-03-29T04:00:00Z").map(java.time.Instant::parse).toList();

    /** Wall-clock times around {@link Model#TODAY}: 02:30 does not exist in Amsterdam that day. */
    static final List<java.time.LocalDateTime> LOCAL_DATE_TIMES = java.util.stream.Stream.of("2026-03-29T00:00",
            "2026-03-29T02:30", "2026-03-29T12:15", "2026-03-29T10:15", "2026-03-29T23:59:59", "2026-03-30T00:00",
            "2026-02-28T00:00", "2026-03-28T23:00", "2026-03-23T00:00", "2026-01-01T00:00", "2026-03-29T15:44",
            "2026-03-29T06:15").map(java.time.LocalDateTime::parse).toList();

    /** A random value for a member; to-one associations pick an object of the target (or null). */
    Object value(Member m) {
        boolean nullable = !m.kind.primitive();
        if (nullable && random.nextInt(5) == 0) {
            return null;
        }
        switch (m.kind) {
            case STRING: return pick(strings);
            case LONG:
            case OWNER: return (long) (1 + random.nextInt(4));
            case INT:
            case INTEGER: return random.nextInt(5) - 1;
            case BOOL:
            case BOOLEAN: return random.nextBoolean();
            case DECIMAL: return new BigDecimal(pick(DECIMAL_LITERALS));
            case ENUM: return pick(COLORS);
            case DATE: return extended && random.nextBoolean() ? pick(DATES) : Model.TODAY.plusDays(random.nextInt(3) - 1);
            case INSTANT: return pick(INSTANTS);
            case LOCAL_DATE_TIME: return pick(LOCAL_DATE_TIMES);
            case TO_ONE: return m.target.objects.isEmpty() ? null : pick(m.target.objects);
            default: throw new IllegalStateException(m.kind.name());
        }
    }

    /** A new object of {@code e} with a fresh id and random values; to-many members empty. */
    Obj newObject(Entity e, long id) {
        Obj o = new Obj(e, id);
        for (Member m : e.members) {
            if (m.kind == Kind.TO_MANY) {
                o.values.put(m.name, List.of());
            } else if (m.kind != Kind.ID && m.kind != Kind.CALCULATED) {
                o.values.put(m.name, value(m));
            }
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------------- users

    /**
     * The users' zones (§6): none (the application's default, UTC), Amsterdam on the day its clocks go forward, New
     * York (already on summer time), Kolkata and a fixed offset half an hour off the hour.
     */
    static final List<java.time.ZoneId> ZONES = java.util.Arrays.asList(null, java.time.ZoneId.of("Europe/Amsterdam"),
            java.time.ZoneId.of("Europe/Amsterdam"), java.time.ZoneId.of("America/New_York"),
            java.time.ZoneId.of("Asia/Kolkata"), java.time.ZoneOffset.ofHoursMinutes(5, 30));

    List<User> users(App app) {
        List<User> users = new ArrayList<>();
        List<String> roles = new ArrayList<>(app.userRoles.keySet());
        roles.remove("Anon");
        for (int i = 0; i < 6; i++) {
            List<String> mine = new ArrayList<>();
            mine.add(pick(roles));
            if (random.nextInt(3) == 0) {
                String other = pick(roles);
                if (!mine.contains(other)) {
                    mine.add(other);
                }
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            int tenant = random.nextInt(5);
            if (tenant < 3) {
                attributes.put("Tenant", (long) (tenant));
            } else if (tenant == 3) {
                attributes.put("Tenant", "1");   // of the wrong type: no value
            }
            if (random.nextInt(3) > 0) {
                attributes.put("Region", pick(strings));
            }
            if (random.nextInt(3) > 0) {
                attributes.put("Beta", random.nextBoolean());
            }
            java.time.ZoneId zone = extended ? ZONES.get(random.nextInt(ZONES.size())) : null;
            users.add(new User("user" + i, (long) (1 + random.nextInt(4)), mine, attributes, false, false, zone));
        }
        users.add(new User("anonymous", null, List.of(), Map.of(), true, false));
        users.add(new User("unknown-role", 1L, List.of(pick(roles), "Nobody"), Map.of(), false, false));
        users.add(new User("no-roles", 2L, List.of(), Map.of(), false, false));
        users.add(new User("no-id", null, List.of(pick(roles)), Map.of(), false, false));
        users.add(new User("string-id", "1", List.of(pick(roles)), Map.of(), false, false));
        if (app.anonymousRole != null) {
            users.add(new User("anonymous-with-id", 3L, List.of(app.anonymousRole), Map.of(), false, false));
        }
        users.add(new User("system", null, List.of(), Map.of(), false, true));
        return users;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    Random random() {
        return random;
    }
}
