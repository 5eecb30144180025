package dev.warden.verification.differential;

import dev.warden.verification.differential.Model.Access;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random models of the semantics issue 10 added (security model §6: generalization, containers, the one create
 * check, mutable values), for {@link FamilyHarness}. Each model is a <em>family</em> in a module of its own:
 *
 * <ul>
 *   <li>a secured entity {@code P} and a secured specialization {@code C extends P} with rules of its own (rules are
 *       not inherited), stored either in one table told apart by a discriminator (JPA single-table inheritance) or in
 *       a table each;
 *   <li>two subclasses that are no entities: {@code PX extends P} (what an ORM's proxy class is) and
 *       {@code G extends C} (judged as a {@code C});
 *   <li>a non-persistent holder {@code H} whose members hold objects of the family in every container: an array, a
 *       map's values, an optional, an iterable, a list, a collection, a to-one typed as {@code C} and one typed as
 *       {@code G}, calculated getters returning one and a list of them, and mutable values (a {@code Date}, a
 *       {@code byte[]}, a {@code List<String>}).
 * </ul>
 *
 * The parts are {@link Model} entities, so that {@link Reference} judges them: an object is a {@link Obj} of the
 * entity that judges it (a {@code G} object is an object of {@code C}), and {@link #javaClass} says which class it is
 * made of. Nothing here comes from the processor or the runtime.
 */
final class Families {

    /** How a holder member holds objects of the family. */
    enum Shape {
        ID("Long"), ARRAY(null), MAP(null), OPTIONAL(null), ITERABLE(null), LIST(null), COLLECTION(null),
        /** A to-one typed as the specialization. */
        CHILD(null),
        /** A to-one typed as the subclass of the specialization that is no entity. */
        GRANDCHILD(null),
        /** {@code @Calculated P getFirst()}: the first object of the list. */
        CALC_ONE(null),
        /** {@code @Calculated List<P> getAll()}: the list, last first. */
        CALC_LIST(null),
        DATE("java.util.Date"), BYTES("byte[]"), TAGS("java.util.List<String>");

        final String fixedType;

        Shape(String fixedType) {
            this.fixedType = fixedType;
        }

        boolean holdsEntities() {
            return fixedType == null;
        }

        boolean calculated() {
            return this == CALC_ONE || this == CALC_LIST;
        }
    }

    /** One model. */
    static final class Family {
        final Model.Module module;
        final Entity parent;
        final Entity child;
        final Entity holder;
        final boolean singleTable;
        /** The shapes of the holder's members. */
        final Map<Member, Shape> shapes = new LinkedHashMap<>();
        /** The class each object is made of: the entity's simple name, or that of a subclass that is no entity. */
        final Map<Obj, String> javaClass = new IdentityHashMap<>();

        Family(Model.Module module, Entity parent, Entity child, Entity holder, boolean singleTable) {
            this.module = module;
            this.parent = parent;
            this.child = child;
            this.holder = holder;
            this.singleTable = singleTable;
        }

        String proxyClassName() {
            return parent.name + "x";
        }

        String grandchildClassName() {
            return child.name + "g";
        }

        String parentTable() {
            return parent.name.toLowerCase(java.util.Locale.ROOT);
        }

        String childTable() {
            return singleTable ? parentTable() : child.name.toLowerCase(java.util.Locale.ROOT);
        }

        /** The parent's members the child inherits: the first ones of the child, in the same order. */
        List<Member> inherited() {
            return parent.members;
        }

        /** The objects of the family: the parent's (plain and proxy-like) and the child's (plain and grandchild). */
        List<Obj> members() {
            List<Obj> all = new ArrayList<>(parent.objects);
            all.addAll(child.objects);
            return all;
        }

        /** What discriminates the rows in one table. */
        String discriminator(Entity e) {
            return e == parent ? "P" : "C";
        }
    }

    private final Generator generator;
    private final java.util.Random random;
    private long nextId = 1;

    Families(Generator generator) {
        this.generator = generator;
        this.random = generator.random();
    }

    /** An application of {@code count} families in package {@code pkg}. */
    App batch(String pkg, int count, List<Family> families) {
        App app = new App(pkg);
        for (int k = 0; k < count; k++) {
            String prefix = Character.toUpperCase(pkg.charAt(0)) + pkg.substring(1) + "f" + k;
            Model.Module module = new Model.Module(prefix + "Mod", pkg + ".f" + k);
            int roles = 2 + random.nextInt(2);
            for (int r = 1; r <= roles; r++) {
                module.roles.add("R" + r);
            }
            app.modules.add(module);
            Entity parent = new Entity(prefix + "p", module);
            Entity child = new Entity(prefix + "c", module);
            Entity holder = new Entity(prefix + "h", module);
            Family family = new Family(module, parent, child, holder, random.nextBoolean());
            parent.members.add(new Member("id", Kind.ID, null, null));
            attributes(parent, "a", 2 + random.nextInt(3));
            if (random.nextBoolean()) {
                parent.members.add(new Member("owner", Kind.OWNER, null, null));
            }
            child.members.addAll(parent.members);
            attributes(child, "b", 1 + random.nextInt(2));
            holderMembers(family);
            app.entities.add(parent);
            app.entities.add(child);
            app.entities.add(holder);
            families.add(family);
        }
        userRoles(app);
        int level = random.nextInt(10);
        app.level = level == 0 ? "PROTOTYPE" : "PRODUCTION";
        for (Family family : families) {
            memberAccess(family.parent, family.parent.members);
            memberAccess(family.child, family.child.members.subList(family.parent.members.size(),
                    family.child.members.size()));
            memberAccess(family.holder, family.holder.members);
            for (Entity e : List.of(family.parent, family.child, family.holder)) {
                int rules = 1 + random.nextInt(3);
                for (int i = 0; i < rules; i++) {
                    e.rules.add(rule(app, e, e != family.holder));
                }
                dropConflicts(e);
            }
            data(family);
        }
        return app;
    }

    private void attributes(Entity e, String prefix, int count) {
        Kind[] kinds = {Kind.STRING, Kind.LONG, Kind.INT, Kind.INTEGER, Kind.BOOL, Kind.BOOLEAN, Kind.DECIMAL,
            Kind.DATE, Kind.INSTANT};
        for (int i = 1; i <= count; i++) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            e.members.add(new Member(prefix + i, kind, null, null));
        }
    }

    private void holderMembers(Family f) {
        add(f, "id", Kind.ID, null, Shape.ID);
        add(f, "arr", Kind.TO_MANY, f.parent, Shape.ARRAY);
        add(f, "map", Kind.TO_MANY, f.parent, Shape.MAP);
        add(f, "opt", Kind.TO_MANY, f.parent, Shape.OPTIONAL);
        add(f, "iter", Kind.TO_MANY, f.parent, Shape.ITERABLE);
        add(f, "list", Kind.TO_MANY, f.parent, Shape.LIST);
        add(f, "coll", Kind.TO_MANY, f.parent, Shape.COLLECTION);
        add(f, "kid", Kind.TO_ONE, f.child, Shape.CHILD);
        add(f, "vip", Kind.TO_ONE, f.child, Shape.GRANDCHILD);
        add(f, "first", Kind.CALCULATED, f.parent, Shape.CALC_ONE);
        add(f, "all", Kind.CALCULATED, f.parent, Shape.CALC_LIST);
        // mutable values: their kind only matters for the rights, which treat them as plain attributes
        add(f, "due", Kind.STRING, null, Shape.DATE);
        add(f, "blob", Kind.STRING, null, Shape.BYTES);
        add(f, "tags", Kind.STRING, null, Shape.TAGS);
    }

    private static void add(Family f, String name, Kind kind, Entity target, Shape shape) {
        Member m = new Member(name, kind, target, null);
        f.holder.members.add(m);
        f.shapes.put(m, shape);
    }

    private void userRoles(App app) {
        int count = 2 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            app.userRoles.put("U" + i, moduleRoles(app));
        }
        if (random.nextBoolean()) {
            app.userRoles.put("Anon", moduleRoles(app));
            app.anonymousRole = "Anon";
        }
    }

    private List<String> moduleRoles(App app) {
        List<String> roles = new ArrayList<>();
        for (Model.Module module : app.modules) {
            if (random.nextInt(3) > 0) {
                roles.add(module.name + "." + generator.pick(module.roles));
            }
        }
        if (roles.isEmpty()) {
            Model.Module module = generator.pick(app.modules);
            roles.add(module.name + "." + generator.pick(module.roles));
        }
        return roles;
    }

    /** Field-level rights on the entity's own fields (the child's inherited fields carry the parent's). */
    private void memberAccess(Entity e, List<Member> own) {
        for (Member m : own) {
            if (random.nextInt(6) == 0) {
                Access a = Access.values()[random.nextInt(3)];
                m.memberAccess.put(generator.pick(e.module.roles),
                        a == Access.READ_WRITE && (m.kind == Kind.CALCULATED || m.kind == Kind.OWNER) ? Access.READ : a);
            }
        }
    }

    private Rule rule(App app, Entity e, boolean constrained) {
        Rule r = new Rule();
        List<String> roles = new ArrayList<>(e.module.roles);
        java.util.Collections.shuffle(roles, random);
        r.roles.addAll(roles.subList(0, 1 + random.nextInt(2)));
        r.create = random.nextInt(10) < 5;
        r.delete = random.nextInt(10) < 4;
        r.defaultAccess = Access.values()[random.nextInt(3)];
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            Member m = generator.pick(e.members);
            Access a = Access.values()[random.nextInt(3)];
            r.members.put(m.name, a == Access.READ_WRITE && (m.kind == Kind.CALCULATED || m.kind == Kind.OWNER) ? Access.READ : a);
        }
        if (constrained && random.nextInt(10) < 6) {
            r.constraint.add(generator.condition(app, e, 0));
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

    // ----------------------------------------------------------------------------------------------------- data

    private void data(Family f) {
        for (int i = 0; i < 3 + random.nextInt(2); i++) {
            object(f, f.parent, f.parent.name);
        }
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            object(f, f.parent, f.proxyClassName());
        }
        for (int i = 0; i < 3 + random.nextInt(2); i++) {
            object(f, f.child, f.child.name);
        }
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            object(f, f.child, f.grandchildClassName());
        }
        for (int i = 0; i < 3; i++) {
            Obj h = new Obj(f.holder, nextId++);
            fillHolder(f, h);
            f.holder.objects.add(h);
            f.javaClass.put(h, f.holder.name);
        }
    }

    private void object(Family f, Entity e, String javaClass) {
        Obj o = new Obj(e, nextId++);
        for (Member m : e.members) {
            if (m.kind != Kind.ID) {
                o.values.put(m.name, generator.value(m));
            }
        }
        e.objects.add(o);
        f.javaClass.put(o, javaClass);
    }

    /** Random contents for a holder: the containers hold random objects of the family, the mutable values are set. */
    void fillHolder(Family f, Obj h) {
        List<Obj> pool = f.members();
        for (Member m : f.holder.members) {
            Shape shape = f.shapes.get(m);
            switch (shape) {
                case ID, CALC_ONE, CALC_LIST -> { }
                case OPTIONAL -> h.values.put(m.name, random.nextInt(3) == 0 ? List.of() : List.of(generator.pick(pool)));
                case CHILD -> h.values.put(m.name, random.nextInt(4) == 0 ? null : generator.pick(f.child.objects));
                case GRANDCHILD -> {
                    List<Obj> grandchildren = f.child.objects.stream()
                            .filter(o -> f.javaClass.get(o).equals(f.grandchildClassName())).toList();
                    h.values.put(m.name, random.nextInt(4) == 0 ? null : generator.pick(grandchildren));
                }
                case DATE -> h.values.put(m.name, new java.util.Date(1_000L * random.nextInt(1000)));
                case BYTES -> h.values.put(m.name, new byte[] {(byte) random.nextInt(100), 1});
                case TAGS -> h.values.put(m.name, new ArrayList<>(List.of(generator.pick(Generator.STRINGS))));
                default -> {
                    List<Obj> elements = new ArrayList<>();
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        Obj o = generator.pick(pool);
                        if (!elements.contains(o)) {
                            elements.add(o);
                        }
                    }
                    h.values.put(m.name, elements);
                }
            }
        }
    }

    /** A new object of the parent or the child, made of {@code javaClass}, with random values. */
    Obj newObject(Family f, Entity e, String javaClass, long id) {
        Obj o = generator.newObject(e, id);
        f.javaClass.put(o, javaClass);
        return o;
    }

    // -------------------------------------------------------------------------------------------------- sources

    /** The sources of the application: the model's, with the families' classes written as a user would. */
    static Map<String, String> sources(App app, List<Family> families) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(app.pkg + ".App", Sources.application(app));
        for (Family f : families) {
            sources.put(f.module.pkg + ".package-info", "@dev.warden.annotations.Module(name = \"" + f.module.name
                    + "\", roles = {" + Sources.quoted(f.module.roles) + "})\npackage " + f.module.pkg + ";\n");
            sources.put(f.parent.qualifiedName(), entity(f, f.parent));
            sources.put(f.child.qualifiedName(), entity(f, f.child));
            sources.put(f.module.pkg + "." + f.proxyClassName(), "package " + f.module.pkg + ";\n\n"
                    + "/** What an ORM's proxy class of the entity is: a subclass that is no entity. */\n"
                    + "public class " + f.proxyClassName() + " extends " + f.parent.name + " {}\n");
            sources.put(f.module.pkg + "." + f.grandchildClassName(), "package " + f.module.pkg + ";\n\n"
                    + "public class " + f.grandchildClassName() + " extends " + f.child.name + " {}\n");
            sources.put(f.holder.qualifiedName(), holder(f));
        }
        return sources;
    }

    private static String entity(Family f, Entity e) {
        boolean child = e == f.child;
        StringBuilder s = new StringBuilder("package " + e.module.pkg + ";\n\nimport dev.warden.annotations.*;\n\n");
        s.append("@SecuredEntity(table = \"").append(child ? f.childTable() : f.parentTable()).append("\")\n");
        if (f.singleTable) {
            if (!child) {
                s.append("@jakarta.persistence.DiscriminatorColumn(name = \"kind\")\n");
            }
            s.append("@jakarta.persistence.DiscriminatorValue(\"").append(f.discriminator(e)).append("\")\n");
        }
        for (Rule r : e.rules) {
            s.append(Sources.rule(r)).append('\n');
        }
        s.append("public class ").append(e.name).append(child ? " extends " + f.parent.name : "").append(" {\n");
        List<Member> own = child ? e.members.subList(f.parent.members.size(), e.members.size()) : e.members;
        for (Member m : own) {
            s.append("    ");
            m.memberAccess.forEach((role, access) -> s.append("@MemberAccess(roles = \"").append(role)
                    .append("\", value = Access.").append(access).append(") "));
            if (m.kind == Kind.OWNER) {
                s.append("@Owner ");
            }
            s.append("private ").append(Sources.type(m)).append(' ').append(m.name).append(";\n");
        }
        for (Member m : own) {
            String type = Sources.type(m);
            s.append("    public ").append(type).append(' ').append(Sources.getter(m)).append("() { return ")
                    .append(m.name).append("; }\n");
            s.append("    public void set").append(m.capitalized()).append('(').append(type).append(" value) { this.")
                    .append(m.name).append(" = value; }\n");
        }
        return s.append("}\n").toString();
    }

    /** The Java type of a holder member. */
    static String type(Family f, Member m) {
        String p = f.parent.name;
        return switch (f.shapes.get(m)) {
            case ARRAY -> p + "[]";
            case MAP -> "java.util.Map<String, " + p + ">";
            case OPTIONAL -> "java.util.Optional<" + p + ">";
            case ITERABLE -> "Iterable<" + p + ">";
            case LIST, CALC_LIST -> "java.util.List<" + p + ">";
            case COLLECTION -> "java.util.Collection<" + p + ">";
            case CHILD -> f.child.name;
            case GRANDCHILD -> f.grandchildClassName();
            case CALC_ONE -> p;
            default -> f.shapes.get(m).fixedType;
        };
    }

    private static String initial(Family f, Member m) {
        return switch (f.shapes.get(m)) {
            case ARRAY -> " = new " + f.parent.name + "[0]";
            case MAP -> " = new java.util.LinkedHashMap<>()";
            case OPTIONAL -> " = java.util.Optional.empty()";
            case ITERABLE, LIST, COLLECTION -> " = new java.util.ArrayList<>()";
            default -> "";
        };
    }

    private static String holder(Family f) {
        Entity e = f.holder;
        StringBuilder s = new StringBuilder("package " + e.module.pkg + ";\n\nimport dev.warden.annotations.*;\n\n");
        s.append("@SecuredEntity(persistent = false)\n");
        for (Rule r : e.rules) {
            s.append(Sources.rule(r)).append('\n');
        }
        s.append("public class ").append(e.name).append(" {\n");
        for (Member m : e.members) {
            if (f.shapes.get(m).calculated()) {
                continue;
            }
            s.append("    ");
            m.memberAccess.forEach((role, access) -> s.append("@MemberAccess(roles = \"").append(role)
                    .append("\", value = Access.").append(access).append(") "));
            s.append("private ").append(type(f, m)).append(' ').append(m.name).append(initial(f, m)).append(";\n");
        }
        for (Member m : e.members) {
            String type = type(f, m);
            if (f.shapes.get(m).calculated()) {
                m.memberAccess.forEach((role, access) -> s.append("    @MemberAccess(roles = \"").append(role)
                        .append("\", value = Access.").append(access).append(")\n"));
                s.append("    @Calculated public ").append(type).append(' ').append(Sources.getter(m)).append("() { ")
                        .append(f.shapes.get(m) == Shape.CALC_ONE
                                ? "return list.isEmpty() ? null : list.get(0); }\n"
                                : "java.util.List<" + f.parent.name + "> all = new java.util.ArrayList<>(list); "
                                        + "java.util.Collections.reverse(all); return all; }\n");
                continue;
            }
            s.append("    public ").append(type).append(' ').append(Sources.getter(m)).append("() { return ")
                    .append(m.name).append("; }\n");
            s.append("    public void set").append(m.capitalized()).append('(').append(type).append(" value) { this.")
                    .append(m.name).append(" = value; }\n");
        }
        return s.append("}\n").toString();
    }
}
