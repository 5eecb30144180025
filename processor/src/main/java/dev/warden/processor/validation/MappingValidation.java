package dev.warden.processor.validation;

import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.SourceLocation;
import dev.warden.processor.model.TableMapping;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks how a persistent entity is stored: table and column names must be plain SQL identifiers (they are
 * written into the generated SQL unquoted) that are not reserved words, and no two members may share a column.
 */
public final class MappingValidation {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");

    /** Words reserved in SQL:2016, PostgreSQL or H2 that are likely as table or column names. */
    private static final Set<String> RESERVED = Set.of(
            "all", "and", "any", "array", "as", "asc", "between", "both", "case", "cast", "check", "column",
            "constraint", "create", "cross", "current_date", "current_time", "current_timestamp", "current_user",
            "default", "delete", "desc", "distinct", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "in", "inner", "insert", "intersect", "interval",
            "into", "is", "join", "left", "like", "limit", "natural", "not", "null", "offset", "on", "or", "order",
            "primary", "references", "right", "row", "select", "table", "then", "to", "true", "union", "unique",
            "update", "user", "using", "value", "values", "when", "where", "window", "with");

    /**
     * Reports invalid names and shared columns of a persistent entity: errors for names written explicitly,
     * and a warning (no table mapping is generated) for a default name that happens to be reserved, such as
     * the table {@code order} of an entity {@code Order}.
     *
     * @return whether a table mapping can be generated
     */
    public boolean validate(EntityModel entity, TableMapping mapping, Report report) {
        if (!entity.persistent()) {
            return false;
        }
        if (!mapping.unsupported().isEmpty()) {
            for (TableMapping.Unsupported u : mapping.unsupported()) {
                String annotation = u.annotation().contains("(")
                        ? u.annotation().substring(0, u.annotation().indexOf('(')) : u.annotation();
                report.add(Message.UNSUPPORTED_JPA_MAPPING, u.location(), HINTS.getOrDefault(annotation,
                        "use SINGLE_TABLE inheritance (its discriminator is supported), or @SecuredEntity(persistent = false)"),
                        u.annotation(), u.declaredOn(), entity.simpleName());
            }
            return false;
        }
        boolean usable = true;
        for (int i = -1; i < mapping.columns().size(); i++) {
            String name = i < 0 ? mapping.table() : mapping.columns().get(i);
            if (name != null && mapping.locations().get(i) == null && !isValid(name)) {
                report.add(Message.NO_TABLE, i < 0 ? entity.location() : entity.members().get(i).location(),
                        "name it with " + (i < 0 ? "@SecuredEntity(table = \"...\") or JPA @Table" : "JPA @Column or @JoinColumn")
                                + ", or suppress with @SuppressWarnings(\"warden:no-table\") if the entity is not stored",
                        entity.simpleName(), "the default " + (i < 0 ? "table" : "column") + " name '" + name
                                + "' is a reserved SQL word");
                usable = false;
            }
        }
        if (!usable) {
            return false;
        }
        checkName("table", mapping.table(), entity, location(entity, mapping, -1), report);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            String column = mapping.columns().get(i);
            if (column == null) {
                continue;
            }
            SourceLocation location = location(entity, mapping, i);
            checkName("column", column, entity, location, report);
            if (!entity.record() && entity.members().get(i).setter() == null) {
                report.add(Message.UNLOADABLE_MEMBER, entity.members().get(i).location(),
                        "add a public setter, or mark the member @Calculated or JPA @Transient if it is not stored",
                        entity.members().get(i).name(), entity.simpleName(), column);
            }
            Integer other = seen.putIfAbsent(column.toLowerCase(Locale.ROOT), i);
            if (other != null) {
                report.add(Message.DUPLICATE_COLUMN, location, "give one of them another column with @Column(name = ...)",
                        entity.members().get(other).name(), entity.members().get(i).name(), entity.simpleName(), column);
            }
        }
        mapping.embedded().forEach((member, columns) -> columns.forEach((attribute, column) -> {
            checkName("column", column.column(), entity, column.location(), report);
            Integer other = seen.putIfAbsent(column.column().toLowerCase(Locale.ROOT), member);
            if (other != null) {
                report.add(Message.DUPLICATE_COLUMN, column.location(), "give one of them another column with "
                        + "@AttributeOverride(name = \"" + attribute + "\", column = @Column(name = ...))",
                        entity.members().get(other).name(), entity.members().get(member).name() + "." + attribute,
                        entity.simpleName(), column.column());
            }
        }));
        mapping.toMany().forEach((member, link) -> {
            SourceLocation location = location(entity, mapping, member);
            if (link.joinTable() != null) {
                checkName("join table", link.joinTable(), entity, location, report);
                checkName("column", link.targetColumn(), entity, location, report);
            }
            checkName("column", link.ownerColumn(), entity, location, report);
        });
        return true;
    }

    private static final Map<String, String> HINTS = Map.of(
            "EmbeddedId", "use a single @Id member (a composite key can stay a unique constraint), or @SecuredEntity(persistent = false)",
            "IdClass", "use a single @Id member (a composite key can stay a unique constraint), or @SecuredEntity(persistent = false)",
            "Column", "keep the member in the entity's own table (no table = ... on its column), or @SecuredEntity(persistent = false)",
            "JoinColumn", "keep the member in the entity's own table (no table = ... on its column), or @SecuredEntity(persistent = false)");

    private static boolean isValid(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void checkName(String what, String name, EntityModel entity, SourceLocation location, Report report) {
        if (!isValid(name)) {
            report.add(Message.INVALID_SQL_NAME, location,
                    "use letters, digits and underscores and avoid reserved words; "
                            + (what.equals("table")
                                    ? "name the table with @SecuredEntity(table = \"...\") or JPA @Table(name = \"...\")"
                                    : "name it with JPA @Column(name = \"...\"), @JoinColumn or @JoinTable"),
                    what, name, entity.simpleName());
        }
    }

    private static SourceLocation location(EntityModel entity, TableMapping mapping, int member) {
        SourceLocation given = mapping.locations().get(member);
        if (given != null) {
            return given;
        }
        return member < 0 ? entity.location() : entity.members().get(member).location();
    }
}
