package dev.warden.benchmarks.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic domain of {@code n} entities for the compile-time benchmark (item 6).
 *
 * <p>Entities are spread over modules of {@value #ENTITIES_PER_MODULE} entities ({@code @Module} on each
 * package, roles {@code Manager}, {@code Reader}, {@code Regional}); one {@code @AppSecurity} class maps three user
 * roles to the roles of every module and declares a {@code Region} token. Each entity has an id, a name, an
 * owner, a region, an amount, a status (an enum of its module) and, except the first of a module, an association
 * to the entity before it; it carries four access rules: an unconstrained one, one constrained on the owner, one
 * with a token and an enum value, and one with a path through the association (or member rights on the first).
 * Every entity is also a JPA {@code @Entity} with {@code @Id} and {@code @ManyToOne}, so that hibernate-processor
 * has the same amount of work to find.
 */
public final class SyntheticDomain {
    /** How many entities share a module. */
    public static final int ENTITIES_PER_MODULE = 50;
    /** The root package of the generated sources. */
    public static final String ROOT_PACKAGE = "synth";

    private SyntheticDomain() {}

    /** The number of modules a domain of {@code entities} entities has. */
    public static int modules(int entities) {
        return (entities + ENTITIES_PER_MODULE - 1) / ENTITIES_PER_MODULE;
    }

    /** The simple name of entity {@code index} (from 0). */
    public static String entityName(int index) {
        return String.format("E%04d", index);
    }

    private static String moduleName(int module) {
        return String.format("M%02d", module);
    }

    /**
     * Writes the domain under {@code sourceRoot} and returns the files written.
     *
     * @param sourceRoot an empty or missing directory
     * @param entities how many entities, 1 or more
     * @return the source files, in a stable order
     */
    public static List<Path> write(Path sourceRoot, int entities) {
        return write(sourceRoot, entities, ENTITIES_PER_MODULE);
    }

    /**
     * Writes a domain with {@code perModule} entities per module (the benchmark uses
     * {@value #ENTITIES_PER_MODULE}; tests use fewer).
     */
    public static List<Path> write(Path sourceRoot, int entities, int perModule) {
        if (entities < 1 || perModule < 1) {
            throw new IllegalArgumentException("entities must be at least 1: " + entities);
        }
        List<Path> files = new ArrayList<>();
        int modules = (entities + perModule - 1) / perModule;
        files.add(writeFile(sourceRoot, ROOT_PACKAGE, "SynthApplication", application(modules)));
        for (int m = 0; m < modules; m++) {
            String pkg = ROOT_PACKAGE + "." + moduleName(m).toLowerCase();
            files.add(writeFile(sourceRoot, pkg, "package-info", moduleInfo(pkg, moduleName(m))));
            files.add(writeFile(sourceRoot, pkg, "Status", status(pkg)));
        }
        for (int i = 0; i < entities; i++) {
            boolean first = i % perModule == 0;
            String pkg = ROOT_PACKAGE + "." + moduleName(i / perModule).toLowerCase();
            files.add(writeFile(sourceRoot, pkg, entityName(i), entity(pkg, entityName(i), first ? null : entityName(i - 1))));
        }
        return files;
    }

    private static Path writeFile(Path root, String pkg, String simpleName, String text) {
        Path file = root.resolve(pkg.replace('.', '/')).resolve(simpleName + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String application(int modules) {
        StringBuilder managers = new StringBuilder();
        StringBuilder readers = new StringBuilder();
        StringBuilder regionals = new StringBuilder();
        for (int m = 0; m < modules; m++) {
            String sep = m == 0 ? "" : ", ";
            managers.append(sep).append('"').append(moduleName(m)).append(".Manager\"");
            readers.append(sep).append('"').append(moduleName(m)).append(".Reader\"");
            regionals.append(sep).append('"').append(moduleName(m)).append(".Regional\"");
        }
        return "package " + ROOT_PACKAGE + ";\n\n"
                + "import dev.warden.annotations.AppSecurity;\n"
                + "import dev.warden.annotations.Token;\n"
                + "import dev.warden.annotations.UserRole;\n\n"
                + "@AppSecurity(\n"
                + "        userRoles = {\n"
                + "            @UserRole(name = \"Administrator\", moduleRoles = {" + managers + "}),\n"
                + "            @UserRole(name = \"User\", moduleRoles = {" + readers + "}),\n"
                + "            @UserRole(name = \"RegionalUser\", moduleRoles = {" + regionals + "})\n"
                + "        },\n"
                + "        userIdType = Long.class,\n"
                + "        tokens = @Token(name = \"Region\", type = String.class))\n"
                + "public final class SynthApplication {\n"
                + "    private SynthApplication() {}\n"
                + "}\n";
    }

    private static String moduleInfo(String pkg, String module) {
        return "@Module(name = \"" + module + "\", roles = {\"Manager\", \"Reader\", \"Regional\"})\n"
                + "package " + pkg + ";\n\n"
                + "import dev.warden.annotations.Module;\n";
    }

    private static String status(String pkg) {
        return "package " + pkg + ";\n\n"
                + "public enum Status { OPEN, CLOSED }\n";
    }

    private static String entity(String pkg, String name, String parent) {
        String fourthRule = parent != null
                ? "@AccessRule(roles = \"Reader\", defaultAccess = Access.READ, constraint = \"[parent/owner = '[%CurrentUser%]']\")\n"
                : "@AccessRule(roles = \"Regional\", members = {@Member(name = \"name\", access = Access.READ), "
                        + "@Member(name = \"amount\", access = Access.READ)})\n";
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n")
                .append("import dev.warden.annotations.Access;\n")
                .append("import dev.warden.annotations.AccessRule;\n")
                .append("import dev.warden.annotations.Member;\n")
                .append("import dev.warden.annotations.Owner;\n")
                .append("import dev.warden.annotations.SecuredEntity;\n")
                .append("import jakarta.persistence.Entity;\n")
                .append("import jakarta.persistence.Id;\n")
                .append("import jakarta.persistence.ManyToOne;\n")
                .append("import java.math.BigDecimal;\n\n")
                .append("@Entity\n")
                .append("@SecuredEntity(table = \"").append(name.toLowerCase()).append("\")\n")
                .append("@AccessRule(roles = \"Manager\", create = true, delete = true, defaultAccess = Access.READ_WRITE)\n")
                .append("@AccessRule(roles = \"Reader\", create = true, defaultAccess = Access.READ,\n")
                .append("        members = {@Member(name = \"name\", access = Access.READ_WRITE), "
                        + "@Member(name = \"amount\", access = Access.READ_WRITE)},\n")
                .append("        constraint = \"[owner = '[%CurrentUser%]']\")\n")
                .append("@AccessRule(roles = \"Regional\", defaultAccess = Access.READ,\n")
                .append("        members = @Member(name = \"status\", access = Access.READ_WRITE),\n")
                .append("        constraint = \"[region = '[%Region%]'][status = 'OPEN']\")\n")
                .append(fourthRule)
                .append("public class ").append(name).append(" {\n")
                .append("    @Id\n")
                .append("    private Long id;\n")
                .append("    private String name;\n")
                .append("    @Owner\n")
                .append("    private Long owner;\n")
                .append("    private String region;\n")
                .append("    private BigDecimal amount;\n")
                .append("    private Status status;\n");
        if (parent != null) {
            s.append("    @ManyToOne\n")
                    .append("    private ").append(parent).append(" parent;\n");
        }
        s.append('\n');
        property(s, "Long", "id", "Id");
        property(s, "String", "name", "Name");
        property(s, "Long", "owner", "Owner");
        property(s, "String", "region", "Region");
        property(s, "BigDecimal", "amount", "Amount");
        property(s, "Status", "status", "Status");
        if (parent != null) {
            property(s, parent, "parent", "Parent");
        }
        return s.append("}\n").toString();
    }

    private static void property(StringBuilder s, String type, String field, String capitalized) {
        s.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                .append("        return ").append(field).append(";\n")
                .append("    }\n\n")
                .append("    public void set").append(capitalized).append('(').append(type).append(' ')
                .append(field).append(") {\n")
                .append("        this.").append(field).append(" = ").append(field).append(";\n")
                .append("    }\n\n");
    }
}
