package dev.warden.verification.robustness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-written inputs that a processor could trip over: strange constraints, roles of every wrong kind, cycles,
 * missing classes, generics, nested, inner and local classes, records, interfaces, enums, annotation types,
 * annotation values from constants, broken application declarations and mappings.
 */
final class MalformedInputs {

    private MalformedInputs() {}

    private static final String APP = "package bad;\nimport dev.warden.annotations.*;\n"
            + "@AppSecurity(userRoles = {@UserRole(name = \"U1\", moduleRoles = {\"Bad.R1\"}), "
            + "@UserRole(name = \"Guest\", moduleRoles = {\"Bad.R2\"})}, anonymousRole = \"Guest\", userIdType = Long.class, "
            + "tokens = @Token(name = \"Tenant\", type = Long.class))\npublic class App {}\n";
    private static final String MODULE = "@dev.warden.annotations.Module(name = \"Bad\", roles = {\"R1\", \"R2\"})\n"
            + "package bad.m;\n";
    private static final String PLAIN_MEMBERS = "    private Long id;\n    private String name;\n    private Long owner;\n"
            + "    private Other other;\n    private java.util.List<Other> others;\n"
            + "    public Long getId() { return id; }\n    public void setId(Long v) { id = v; }\n"
            + "    public String getName() { return name; }\n    public void setName(String v) { name = v; }\n"
            + "    public Long getOwner() { return owner; }\n    public void setOwner(Long v) { owner = v; }\n"
            + "    public Other getOther() { return other; }\n    public void setOther(Other v) { other = v; }\n"
            + "    public java.util.List<Other> getOthers() { return others; }\n";
    private static final String OTHER = "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity\n"
            + "@AccessRule(roles = \"R1\", defaultAccess = Access.READ)\npublic class Other {\n    private Long id;\n"
            + "    private Thing thing;\n    public Long getId() { return id; }\n    public void setId(Long v) { id = v; }\n"
            + "    public Thing getThing() { return thing; }\n    public void setThing(Thing v) { thing = v; }\n}\n";

    /** The standard application with one entity {@code Thing} whose head (annotations) and body are given. */
    private static Map<String, String> thing(String annotations, String body) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("bad.App", APP);
        sources.put("bad.m.package-info", MODULE);
        sources.put("bad.m.Other", OTHER);
        sources.put("bad.m.Thing", "package bad.m;\nimport dev.warden.annotations.*;\n" + annotations
                + "\npublic class Thing {\n" + body + "}\n");
        return sources;
    }

    private static Map<String, String> withRule(String rule) {
        return thing("@SecuredEntity\n" + rule, PLAIN_MEMBERS);
    }

    private static Map<String, String> withApp(String appSecurity) {
        Map<String, String> sources = thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)",
                PLAIN_MEMBERS);
        sources.put("bad.App", "package bad;\nimport dev.warden.annotations.*;\n" + appSecurity
                + "\npublic class App {}\n");
        return sources;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String source) {
        Map<String, String> sources = new LinkedHashMap<>(base);
        sources.put(name, source);
        return sources;
    }

    /** Malformed, odd and huge constraints; compiled in batches, one entity each. */
    static String[] constraints() {
        return new String[] {
            "", " ", "[", "]", "[]", "[[]]", "[name = ]", "[= 'x']", "[name = 'x]", "[name = 'x'", "name = 'x'",
            "[(name = 'x']", "[name = 'x')]", "[not(]", "[not]", "[not()]", "[name = 'x' and]", "[or name = 'x']",
            "[name == 'x']", "[name = \"x\"]", "[name = 'x'][", "[name = 'x']]", "[name = 'x'] trailing",
            "[%CurrentUser%]", "[owner = '[%CurrentUser%]'", "[owner = '[%CurrentUsr%]']", "[owner = '[%currentuser%]']",
            "[owner = '[%CurrentUser']", "[owner = '[%%]']", "[owner = '[% CurrentUser %]']", "['[%UserRole_%]']",
            "['[%UserRole_Nobody%]']", "['[%UserRole_U1']", "[owner = '[%Tenant%]'][owner = '[%Tenat%]']",
            "[owner = '[%BeginOfCurrentDay%]']", "['[%CurrentUser%]']", "['[%Tenant%]']", "[owner < '[%CurrentUser%]']",
            "[owner = 1e999]", "[owner = 99999999999999999999999999999]", "[owner = -]", "[owner = --1]",
            "[owner = 0x10]", "[owner = .5]", "[owner = 5.]", "[owner = 1.5]", "[name > 1]", "[name = true()]",
            "[name = true]", "[name = empty()]", "[name < empty]", "[other = 'x']", "[other > '[%CurrentUser%]']",
            "[others = 'x']", "[others/id = other/id]", "[others = others]", "[other/thing/other/thing/name = 'x']",
            "[other/nope = 1]", "[name/x = 1]", "[nope]", "[name]", "[contains(name)]", "[contains(name, 1)]",
            "[contains(other, 'x')]", "[contains('x', name)]", "[count(others) > 1]", "[starts-with(name, 'a'',)]",
            "[名前 = 'x']", "[name = '名前😀']", "[😀]", "[name = '\u0000']", "[\u0000]", "[name\u202e = 'x']",
            "[name = '\\']", "[name = 'a''''b']", "[name = ''']", "[ name   =   'x'   ]", "[\tname\n=\r'x']",
            "[id = 1 and id = 2 or id = 3 and not(id = 4)]", "[/name = 'x']", "[name/ = 'x']", "[other//name = 'x']",
            "[$name = 'x']", "[@name = 'x']", "[name = 'x']" + "[id > 0]".repeat(200),
            "[" + "(".repeat(2000) + "id = 1" + ")".repeat(2000) + "]",
            "[" + "not(".repeat(1000) + "id = 1" + ")".repeat(1000) + "]",
            "[" + "(".repeat(5000) + "]", "[" + "id = 1 or ".repeat(3000) + "id = 2]",
            "[name = '" + "x".repeat(100_000) + "']", "x".repeat(100_000), "[" + "a/".repeat(2000) + "b = 1]",
            // security-model.md §6: NULL, quoted booleans, true()/false(), functions, date arithmetic, sub-constraints
            "[name = null]", "[name = Null]", "[NULL]", "[name < NULL]", "[NULL = name]", "[name = NULL()]",
            "[name = 'TRUE']", "[owner = 'true']", "[true]", "[true(]", "[true() = name]", "[false()()]", "[true() true()]",
            "[string-length(name)]", "[string-length() > 1]", "[string-length(name, 1) > 1]", "[string-length(owner) > 1]",
            "[string-length(name) > 'x']", "[string-length(name) > 1.5]", "[string-length(others) > 1]",
            "[strng-length(name) > 1]", "[string-lenght(name) > 1]", "[string- length(name) > 1]", "[string -length(name) > 1]",
            "[year-from-dateTime(name) = 1]", "[year-from-dateTime(owner) = 1]", "[year-from-datetime(owner) = 1]",
            "[hours-from-dateTime(other) = 1]", "[year-from-dateTime(other/thing) = 2024]", "[-from-dateTime(name) = 1]",
            "[day-of-year-from-dateTime() = 1]", "[weekday-from-dateTime(name) = '[%CurrentUser%]']", "[count(others) > 1]",
            "[a-b-c(name) = 1]", "[x(]", "[length(name) = length(name)]", "[length(name)(name) = 1]",
            "[owner > '[%DayLength%]']", "[owner > '[%BeginOfCurrentDay%] - 3 * [%DayLength%]']",
            "[owner > '[%BeginOfCurrentDay%] - 3 [%DayLength%]']", "[owner > '[%BeginOfCurrentDay%] - * [%DayLength%]']",
            "[owner > '[%BeginOfCurrentDay%] - 3 *']", "[owner > '[%BeginOfCurrentDay%] -']", "[owner > '[%BeginOfCurrentDay%] 3']",
            "[owner > '[%BeginOfCurrentDay%] - 99999999999999999999 * [%DayLength%]']",
            "[owner > '[%BeginOfCurrentDay%] - 999999999 * [%YearLength%]']", "[owner > '[%BeginOfCurrentDay%] + [%Tenant%]']",
            "[owner > '[%Tenant%] + [%DayLength%]']", "[owner > '[%DayLength%] + [%DayLength%]']",
            "[owner > '[%BeginOfCurrentDay%] + [%CurrentDateTime%]']", "[owner > '[%BeginOfCurrentDay%] + [%Day Length%]']",
            "[owner > '[%BeginOfCurrentDay%] + [%DayLength']", "[owner > '[%BeginOfCurrentDay%] + [%DayLength%] '' x']",
            "[owner > '[%BeginOfCurrentDay%] - -3 * [%DayLength%]']", "[owner > '[%BeginOfCurrentDay%] * 3']",
            "[owner > '[%BeginOfCurrentDay%]' - 3 * '[%DayLength%]']", "[owner > [%BeginOfCurrentDay%] - 3 * [%DayLength%]]",
            "['[%BeginOfCurrentDay%] - 3 * [%DayLength%]']", "[contains(name, '[%A%] + [%B%]')]",
            "[owner > '[%BeginOfCurrentWeekUtc%]']", "[owner > '[%CurrentDateTimeUTC%]']", "[owner > '[%EndOfNextWeek%]']",
            "[others[]]", "[others[name = 'x']]", "[others[id = 1]", "[others[id = 1]/id = 1]", "[others[id = 1] = empty]",
            "[name[id = 1]]", "[owner[id = 1]]", "[others[nope = 1]]", "[others[thing[others[id = 1]]]]",
            "[other[thing[name = 'x' and others[id = 1]]]]", "[others[[id = 1]]]", "[others[id = 1]][]",
            "[" + "others[thing[".repeat(200) + "id = 1" + "]]".repeat(200) + "]",
            "[others[" + "id = 1 or ".repeat(300) + "id = 2]]",
        };
    }

    /**
     * Every token misspelled: each built-in token, a user-role token and the custom token with one character left
     * out, two neighbours swapped, or the case of one letter changed.
     */
    static String[] misspelledTokens() {
        java.util.Set<String> spellings = new java.util.LinkedHashSet<>();
        for (String token : new String[] {"CurrentUser", "CurrentDateTime", "BeginOfCurrentDay", "EndOfCurrentDay",
            "UserRole_U1", "Tenant", "BeginOfCurrentWeekUTC", "EndOfYesterday", "DayLength"}) {
            for (int i = 0; i < token.length(); i++) {
                spellings.add(token.substring(0, i) + token.substring(i + 1));
                if (i + 1 < token.length()) {
                    spellings.add(token.substring(0, i) + token.charAt(i + 1) + token.charAt(i) + token.substring(i + 2));
                }
                char c = token.charAt(i);
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                spellings.add(token.substring(0, i) + flipped + token.substring(i + 1));
            }
        }
        return spellings.stream().map(t -> "[owner = '[%" + t + "%]']").toArray(String[]::new);
    }

    /** One entity {@code Thing<i>} per constraint, in one compilation with the standard application. */
    static Map<String, String> constraintEntities(java.util.List<String> constraints) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("bad.App", APP);
        sources.put("bad.m.package-info", MODULE);
        sources.put("bad.m.Other", OTHER.replace("Thing", "Thing0"));
        for (int i = 0; i < constraints.size(); i++) {
            sources.put("bad.m.Thing" + i, "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity\n"
                    + "@AccessRule(roles = \"R1\", defaultAccess = Access.READ, constraint = "
                    + ProcessorRobustnessTest.literal(constraints.get(i)) + ")\npublic class Thing" + i + " {\n"
                    + PLAIN_MEMBERS + "}\n");
        }
        return sources;
    }

    static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        // roles and members of every wrong kind
        String[] rules = {
            "@AccessRule(roles = {})", "@AccessRule(roles = \"\")", "@AccessRule(roles = \" R1 \")",
            "@AccessRule(roles = \"Bad.R1\")", "@AccessRule(roles = \"Other.R1\")", "@AccessRule(roles = \"U1\")",
            "@AccessRule(roles = {\"R1\", \"R1\"})", "@AccessRule(roles = \"r1\")", "@AccessRule(roles = \"😀\")",
            "@AccessRule(roles = \"R1\", members = @Member(name = \"\", access = Access.READ))",
            "@AccessRule(roles = \"R1\", members = {@Member(name = \"name\", access = Access.READ), @Member(name = \"name\", access = Access.NONE)})",
            "@AccessRule(roles = \"R1\", members = @Member(name = \"other/name\", access = Access.READ))",
            "@AccessRule(roles = \"R1\", members = @Member(name = \"getName\", access = Access.READ))",
            "@AccessRule(roles = \"R1\", members = @Member(name = \"others\", access = Access.READ_WRITE))",
            "@AccessRule(roles = \"R1\", defaultAccess = Access.READ_WRITE)\n@AccessRule(roles = \"R2\", defaultAccess = Access.READ_WRITE)",
            "@AccessRule(roles = \"R1\", create = true, delete = true)",
        };
        for (int i = 0; i < rules.length; i++) {
            cases.put("rule " + i + ": " + rules[i].replace('\n', ' '), withRule(rules[i]));
        }
        // application declarations
        String[] apps = {
            "@AppSecurity(userRoles = {})",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = {}))",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = {\"NoDot\", \"A.B.C\", \"\", \".\", \"Bad.\", \".R1\"}))",
            "@AppSecurity(userRoles = {@UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"), @UserRole(name = \"U1\", moduleRoles = \"Bad.R2\")})",
            "@AppSecurity(userRoles = @UserRole(name = \"\", moduleRoles = \"Bad.R1\"))",
            "@AppSecurity(userRoles = @UserRole(name = \"U 1\", moduleRoles = \"Bad.R1\"), anonymousRole = \"Nobody\")",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"), userIdType = void.class)",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"), userIdType = int.class)",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"), userIdType = String[].class)",
            "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"), tokens = {@Token(name = \"T\", type = Object.class), @Token(name = \"T\", type = Long.class), @Token(name = \"CurrentUser\", type = Long.class), @Token(name = \"UserRole_X\", type = Boolean.class), @Token(name = \"\", type = java.util.List.class)})",
            "@AppSecurity(level = SecurityLevel.OFF, userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"))",
        };
        for (int i = 0; i < apps.length; i++) {
            cases.put("application " + i, withApp(apps[i]));
        }
        Map<String, String> base = withRule("@AccessRule(roles = \"R1\", defaultAccess = Access.READ)");
        cases.put("two @AppSecurity", with(base, "bad.Second", "package bad;\n@dev.warden.annotations.AppSecurity("
                + "userRoles = @dev.warden.annotations.UserRole(name = \"X\", moduleRoles = \"Bad.R1\"))\nclass Second {}\n"));
        cases.put("@AppSecurity on an interface", with(withApp("@AppSecurity(userRoles = @UserRole(name = \"U1\", "
                + "moduleRoles = \"Bad.R1\"))"), "bad.App", "package bad;\nimport dev.warden.annotations.*;\n"
                + "@AppSecurity(userRoles = @UserRole(name = \"U1\", moduleRoles = \"Bad.R1\"))\npublic interface App {}\n"));
        cases.put("no @AppSecurity", without(base, "bad.App"));
        cases.put("no module", without(base, "bad.m.package-info"));
        cases.put("module declared twice", with(base, "bad.n.package-info",
                "@dev.warden.annotations.Module(name = \"Bad\", roles = {\"R1\"})\npackage bad.n;\n"));
        cases.put("module with bad names", with(base, "bad.m.package-info",
                "@dev.warden.annotations.Module(name = \"1 Bad\", roles = {\"\", \"R 1\", \"R1\", \"R1\"})\npackage bad.m;\n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            many.append(i == 0 ? "" : ", ").append("\"R").append(i).append('"');
        }
        cases.put("module with 70 roles", with(base, "bad.m.package-info",
                "@dev.warden.annotations.Module(name = \"Bad\", roles = {" + many + "})\npackage bad.m;\n"));
        // members and classes of every shape
        cases.put("missing field type", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                + "constraint = \"[ghost/name = 'x']\")", "    private Long id;\n    private Ghost ghost;\n"
                + "    public Ghost getGhost() { return ghost; }\n    public Long getId() { return id; }\n"));
        cases.put("missing superclass", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)",
                "    private Long id;\n").entrySet().stream().collect(LinkedHashMap::new,
                        (m, e) -> m.put(e.getKey(), e.getValue().replace("public class Thing {", "public class Thing extends Missing {")),
                        Map::putAll));
        cases.put("missing annotation constant", thing("@SecuredEntity\n@AccessRule(roles = Roles.NOPE, defaultAccess = Access.READ)",
                PLAIN_MEMBERS));
        cases.put("annotation values from constants", with(thing("@SecuredEntity\n@AccessRule(roles = Names.R1, "
                + "defaultAccess = Access.READ, constraint = Names.PREFIX + \"'x']\")", PLAIN_MEMBERS), "bad.m.Names",
                "package bad.m;\npublic final class Names {\n    public static final String R1 = \"R\" + 1;\n"
                        + "    public static final String PREFIX = \"[name = \";\n}\n"));
        cases.put("constraint from a constant of another class, wrong", with(thing("@SecuredEntity\n@AccessRule(roles = "
                + "Names.R1, constraint = Names.BROKEN)", PLAIN_MEMBERS), "bad.m.Names",
                "package bad.m;\npublic interface Names {\n    String R1 = \"R9\";\n    String BROKEN = \"[name = \";\n}\n"));
        cases.put("generic entity", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                + "constraint = \"[value = 'x']\")", "    private Long id;\n    private Object value;\n"
                + "    public Long getId() { return id; }\n    public Object getValue() { return value; }\n")
                .entrySet().stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(),
                        e.getValue().replace("public class Thing {", "public class Thing<T extends Comparable<T>> {")),
                        Map::putAll));
        cases.put("generic members", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                + "constraint = \"[items/id = 1 or map = empty or raw = empty or wild/id = 2]\")",
                "    private Long id;\n    private java.util.List<Other> items;\n    private java.util.Map<String, Other> map;\n"
                        + "    @SuppressWarnings(\"rawtypes\") private java.util.List raw;\n"
                        + "    private java.util.List<? extends Other> wild;\n    public Long getId() { return id; }\n"
                        + "    public java.util.List<Other> getItems() { return items; }\n"
                        + "    public java.util.Map<String, Other> getMap() { return map; }\n"
                        + "    @SuppressWarnings(\"rawtypes\") public java.util.List getRaw() { return raw; }\n"
                        + "    public java.util.List<? extends Other> getWild() { return wild; }\n"));
        cases.put("nested, inner and local classes", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)",
                PLAIN_MEMBERS + "    @SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ, constraint = \"[id > 1]\")\n"
                        + "    public static class Nested { private Long id; public Long getId() { return id; } }\n"
                        + "    @SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ)\n"
                        + "    public class Inner { private Long id; public Long getId() { return id; } }\n"
                        + "    @SecuredEntity @AccessRule(roles = \"R1\")\n"
                        + "    private static class Hidden { private Long id; public Long getId() { return id; } }\n"
                        + "    void method() {\n        @SecuredEntity @AccessRule(roles = \"R1\") class Local { Long id; }\n"
                        + "        Object anonymous = new Object() { @MemberAccess(roles = \"R1\", value = Access.READ) Long id; };\n    }\n"));
        cases.put("records", with(base, "bad.m.Rec", "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity\n"
                + "@AccessRule(roles = \"R1\", defaultAccess = Access.READ_WRITE, members = @Member(name = \"name\", access = Access.READ_WRITE), "
                + "constraint = \"[name = 'x' and other/id > 1]\")\npublic record Rec(Long id, "
                + "@MemberAccess(roles = \"R1\", value = Access.READ_WRITE) String name, Other other, java.util.List<Other> others) {\n"
                + "    @Calculated public int size() { return 1; }\n}\n"));
        cases.put("interface, enum and annotation type as entities", with(with(with(base, "bad.m.Iface",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\", constraint = \"[id = 1]\")\n"
                        + "public interface Iface { Long getId(); }\n"), "bad.m.En",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\")\n"
                        + "public enum En { A, B; public Long getId() { return 1L; } }\n"), "bad.m.Ann",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\")\n"
                        + "public @interface Ann { long id(); }\n"));
        cases.put("abstract entity and subclass without rules", with(with(base, "bad.m.Base",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ)\n"
                        + "public abstract class Base { private Long id; public Long getId() { return id; } }\n"), "bad.m.Sub",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity\npublic class Sub extends Base { }\n"));
        cases.put("association cycle of three", with(with(base, "bad.m.A",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                        + "constraint = \"[b/c/a/b/c/a/id = 1]\")\npublic class A { private Long id; private B b; "
                        + "public Long getId() { return id; } public B getB() { return b; } }\n"), "bad.m.B",
                "package bad.m;\nimport dev.warden.annotations.*;\n@SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                        + "constraint = \"[c/a/b/c = empty]\")\npublic class B { private Long id; private C c; "
                        + "public Long getId() { return id; } public C getC() { return c; } }\n")
                .entrySet().stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        cases.get("association cycle of three").put("bad.m.C", "package bad.m;\nimport dev.warden.annotations.*;\n"
                + "@SecuredEntity @AccessRule(roles = \"R1\", defaultAccess = Access.READ, constraint = \"[a/b/c/a != empty]\")\n"
                + "public class C { private Long id; private A a; public Long getId() { return id; } public A getA() { return a; } }\n");
        cases.put("owners of the wrong kind", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)",
                "    private Long id;\n    @Owner private String owner;\n    @Owner private Long second;\n"
                        + "    public Long getId() { return id; }\n    public String getOwner() { return owner; }\n"
                        + "    public Long getSecond() { return second; }\n"));
        cases.put("calculated in odd places", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ, "
                + "members = @Member(name = \"x\", access = Access.READ_WRITE), constraint = \"[x = 1]\")",
                "    private Long id;\n    @Calculated private int x;\n    public Long getId() { return id; }\n"
                        + "    public int getX() { return x; }\n    @Calculated public void setX(int v) { x = v; }\n"
                        + "    @Calculated public static int getY() { return 1; }\n"));
        cases.put("@MemberAccess on non-members", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)",
                "    private Long id;\n    @MemberAccess(roles = \"R1\", value = Access.READ) private static int counter;\n"
                        + "    public Long getId() { return id; }\n"
                        + "    @MemberAccess(roles = {}, value = Access.READ) public void doIt() {}\n"
                        + "    @MemberAccess(roles = \"Nobody\", value = Access.READ_WRITE) public String compute(int x) { return null; }\n"));
        cases.put("bad table and column names", with(thing("@SecuredEntity(table = \"select\")\n@AccessRule(roles = \"R1\", "
                + "defaultAccess = Access.READ)", "    private Long id;\n    @jakarta.persistence.Column(name = \"a;drop table x\") "
                + "private String name;\n    @jakarta.persistence.Column(name = \"name\") private String other;\n"
                + "    public Long getId() { return id; }\n    public String getName() { return name; }\n"
                + "    public String getOther() { return other; }\n"), "jakarta.persistence.Column",
                "package jakarta.persistence;\npublic @interface Column { String name() default \"\"; }\n"));
        cases.put("empty table name and no key", thing("@SecuredEntity(table = \"\")\n@AccessRule(roles = \"R1\", "
                + "defaultAccess = Access.READ, constraint = \"[name = 'x']\")", "    private String name;\n"
                + "    public String getName() { return name; }\n"));
        cases.put("non-persistent entity with a constraint", thing("@SecuredEntity(persistent = false)\n@AccessRule(roles = \"R1\", "
                + "defaultAccess = Access.READ, constraint = \"[name = 'x']\")", PLAIN_MEMBERS));
        cases.put("entity with no members", thing("@SecuredEntity\n@AccessRule(roles = \"R1\", defaultAccess = Access.READ)", ""));
        cases.put("@AccessRule on a plain class", thing("@AccessRule(roles = \"R1\", constraint = \"[[[\")", PLAIN_MEMBERS));
        cases.put("entity outside any module", with(base, "elsewhere.Stray", "package elsewhere;\nimport dev.warden.annotations.*;\n"
                + "@SecuredEntity @AccessRule(roles = \"R1\", constraint = \"[id = 1]\")\npublic class Stray { private Long id; "
                + "public Long getId() { return id; } }\n"));
        cases.put("syntax error in the entity itself", with(base, "bad.m.Broken", "package bad.m;\nimport dev.warden.annotations.*;\n"
                + "@SecuredEntity @AccessRule(roles = \"R1\", constraint = \"[id = 1]\")\npublic class Broken { private Long id "
                + "public Long getId() { return id; }\n"));
        return cases;
    }

    private static Map<String, String> without(Map<String, String> base, String name) {
        Map<String, String> sources = new LinkedHashMap<>(base);
        sources.remove(name);
        return sources;
    }
}
