package dev.warden.processor.codegen;

import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.OperationModel;
import dev.warden.processor.model.OperationTypeModel;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.SystemMarker;
import dev.warden.processor.model.UserRoleModel;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.RulePlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The security overview of an application, as Mendix's Security Overview shows it: for every user role and every
 * entity, whether the role may create and delete objects and what it may read and write of each member, and under
 * which constraints; for every operation ({@code @AllowedRoles}), which user roles may run it; and which user roles
 * each user role may manage. Written at compile time as JSON (for tools), HTML (for people, one tab per part) and CSV
 * (for spreadsheets).
 *
 * <p>Each user role is shown as a user who has only that user role: a constraint's {@code '[%UserRole_X%]'} is true
 * for X and false for every other, and the constraint is simplified accordingly ({@link UserRoleConstraint}). The
 * parts are independent sections, so that later parts (system members, presets) can be added next to them.
 */
public final class SecurityOverview {

    /** When a right holds: never, always, or when one of the constraints holds. */
    public record Condition(boolean always, List<String> constraints) {
        static final Condition NEVER = new Condition(false, List.of());
        static final Condition ALWAYS = new Condition(true, List.of());

        public boolean never() {
            return !always && constraints.isEmpty();
        }

        /** {@code "always"}, {@code "never"} or {@code "when [a] or [b]"}. */
        public String describe() {
            return always ? "always" : never() ? "never" : "when " + String.join(" or ", constraints);
        }
    }

    /** What one user role may do with one member. */
    public record MemberRights(String member, Condition read, Condition write) {}

    /** What one user role may do with one entity. */
    public record EntityRights(String userRole, EntityModel entity, Condition view, boolean create, Condition delete,
            List<MemberRights> members) {}

    /**
     * Which user roles may run one operation.
     *
     * @param name {@code OrderService.placeOrder}
     * @param type the qualified name of the type
     * @param moduleRoles the module roles it is for
     * @param allowed per user role, in declaration order, whether a user with only that role may run it
     */
    public record OperationRights(String name, String type, List<String> moduleRoles, Map<String, Boolean> allowed) {}

    private final AppModel app;
    private final List<String> userRoles;
    private final List<EntityRights> entityRights;
    private final List<OperationRights> operationRights;
    private final Map<String, UserRoleConstraint.Resolved> resolved = new HashMap<>();

    /**
     * The overview of an application.
     *
     * @param app the application
     * @param entities the plans of the entities that validated: their grants and checked constraints
     * @param operations the types whose operations validated
     */
    public SecurityOverview(AppModel app, List<EntityPlan> entities, List<OperationTypeModel> operations) {
        this.app = app;
        this.userRoles = app.userRoles().stream().map(UserRoleModel::name).toList();
        this.entityRights = computeEntities(entities);
        this.operationRights = computeOperations(operations);
    }

    /** The rights of every user role on every entity: user role by user role, entities by module and name. */
    public List<EntityRights> entities() {
        return entityRights;
    }

    /** The operations, by type and then in declaration order. */
    public List<OperationRights> operations() {
        return operationRights;
    }

    // ---------------------------------------------------------------- entities

    private List<EntityRights> computeEntities(List<EntityPlan> entities) {
        List<EntityPlan> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparing((EntityPlan p) -> p.entity().module().map(ModuleModel::name).orElse(""))
                .thenComparing(p -> p.entity().simpleName()));
        List<EntityRights> rights = new ArrayList<>();
        for (UserRoleModel userRole : app.userRoles()) {
            Set<String> moduleRoles = moduleRoles(userRole);
            for (EntityPlan entity : sorted) {
                rights.add(rightsOf(userRole.name(), moduleRoles, entity));
            }
        }
        return List.copyOf(rights);
    }

    private static Set<String> moduleRoles(UserRoleModel userRole) {
        Set<String> moduleRoles = new LinkedHashSet<>();
        userRole.moduleRoles().stream().map(NameRef::text).forEach(moduleRoles::add);
        return moduleRoles;
    }

    /** A grant of a rule, with the rule's plan (its checked constraint). */
    private record Applying(Grant grant, RulePlan rule) {}

    private EntityRights rightsOf(String userRole, Set<String> moduleRoles, EntityPlan plan) {
        EntityModel entity = plan.entity();
        ModuleModel module = plan.module();
        List<Applying> applying = new ArrayList<>();
        for (RulePlan rule : plan.rules()) {
            for (Grant grant : rule.grants()) {
                if (grant.roles().stream().anyMatch(role -> moduleRoles.contains(module.qualify(role)))) {
                    applying.add(new Applying(grant, rule));
                }
            }
        }
        List<MemberRights> members = new ArrayList<>();
        for (int i = 0; i < entity.members().size(); i++) {
            int member = i;
            MemberModel model = entity.members().get(i);
            members.add(new MemberRights(model.name(), condition(applying, g -> g.canRead(member), userRole),
                    condition(applying, g -> g.canWrite(member), userRole)));
        }
        // Create is not restricted by constraints (security-model.md §2); the write check is shown by "view".
        return new EntityRights(userRole, entity, condition(applying, g -> true, userRole),
                applying.stream().anyMatch(a -> a.grant().create()),
                condition(applying, Grant::delete, userRole), members);
    }

    private Condition condition(List<Applying> applying, Predicate<Grant> grants, String userRole) {
        List<String> constraints = new ArrayList<>();
        for (Applying each : applying) {
            if (!grants.test(each.grant())) {
                continue;
            }
            if (each.rule().constraint().isEmpty()) {
                return Condition.ALWAYS;
            }
            String source = each.rule().rule().constraint();
            UserRoleConstraint.Resolved constraint = resolved.computeIfAbsent(userRole + "\u0000" + source,
                    key -> UserRoleConstraint.resolve(each.rule().constraint().get().expression(), source, userRole));
            if (constraint.always()) {
                return Condition.ALWAYS;
            }
            if (!constraint.never() && !constraints.contains(constraint.text())) {
                constraints.add(constraint.text());
            }
        }
        return constraints.isEmpty() ? Condition.NEVER : new Condition(false, List.copyOf(constraints));
    }

    // ---------------------------------------------------------------- operations

    private List<OperationRights> computeOperations(List<OperationTypeModel> operations) {
        List<OperationTypeModel> sorted = new ArrayList<>(operations);
        sorted.sort(Comparator.comparing(OperationTypeModel::qualifiedName));
        List<OperationRights> rights = new ArrayList<>();
        for (OperationTypeModel type : sorted) {
            for (Map.Entry<String, List<OperationModel>> operation : type.byName().entrySet()) {
                List<String> roles = operation.getValue().get(0).roles().qualifiedRoles();
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (UserRoleModel userRole : app.userRoles()) {
                    allowed.put(userRole.name(), moduleRoles(userRole).stream().anyMatch(roles::contains));
                }
                rights.add(new OperationRights(type.displayName() + "." + operation.getKey(), type.qualifiedName(),
                        roles, allowed));
            }
        }
        return List.copyOf(rights);
    }

    // ---------------------------------------------------------------- JSON

    /** The overview as JSON, stable and pretty-printed. */
    public String json() {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"application\": ").append(quote(app.simpleName()))
                .append(",\n  \"securityLevel\": ").append(quote(app.level().name()))
                .append(",\n  \"anonymousRole\": ").append(app.anonymousRole().map(a -> quote(a.text())).orElse("null"))
                .append(",\n  \"userRoles\": [");
        for (int i = 0; i < app.userRoles().size(); i++) {
            UserRoleModel role = app.userRoles().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(role.name()))
                    .append(", \"moduleRoles\": ").append(array(role.moduleRoles().stream().map(NameRef::text).toList()))
                    .append(", \"manageableRoles\": ").append(array(role.manageableRoleNames()))
                    .append("}");
        }
        out.append("\n  ],\n  \"access\": [");
        for (int i = 0; i < entityRights.size(); i++) {
            EntityRights entity = entityRights.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"userRole\": ").append(quote(entity.userRole()))
                    .append(", \"entity\": ").append(quote(qualifiedName(entity.entity())))
                    .append(",\n     \"view\": ").append(json(entity.view()))
                    .append(", \"create\": ").append(entity.create())
                    .append(", \"delete\": ").append(json(entity.delete()))
                    .append(",\n     \"members\": {");
            for (int m = 0; m < entity.members().size(); m++) {
                MemberRights member = entity.members().get(m);
                out.append(m == 0 ? "\n" : ",\n").append("       ").append(quote(member.member()))
                        .append(": {\"read\": ").append(json(member.read()))
                        .append(", \"write\": ").append(json(member.write())).append("}");
            }
            out.append(entity.members().isEmpty() ? "}}" : "\n     }}");
        }
        out.append(entityRights.isEmpty() ? "]" : "\n  ]").append(",\n  \"operations\": [");
        for (int i = 0; i < operationRights.size(); i++) {
            OperationRights operation = operationRights.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"operation\": ").append(quote(operation.name()))
                    .append(", \"type\": ").append(quote(operation.type()))
                    .append(", \"moduleRoles\": ").append(array(operation.moduleRoles()))
                    .append(",\n     \"userRoles\": {");
            List<String> cells = new ArrayList<>();
            operation.allowed().forEach((role, allowed) -> cells.add(quote(role) + ": " + allowed));
            out.append(String.join(", ", cells)).append("}}");
        }
        out.append(operationRights.isEmpty() ? "]" : "\n  ]").append(",\n  \"systemMembers\": [");
        List<String> filled = new ArrayList<>();
        for (EntityModel entity : overviewEntities()) {
            for (MemberModel member : entity.members()) {
                systemMember(member).ifPresent(by -> filled.add("    {\"entity\": " + quote(qualifiedName(entity))
                        + ", \"member\": " + quote(member.name()) + ", \"filledBy\": " + quote(by) + "}"));
            }
        }
        out.append(filled.isEmpty() ? "" : "\n" + String.join(",\n", filled) + "\n  ");
        return out.append("]\n}\n").toString();
    }

    /** The entities of the overview, once each, in order. */
    private List<EntityModel> overviewEntities() {
        return entityRights.stream().map(EntityRights::entity).distinct().toList();
    }

    /**
     * What fills a member in, when Warden does and no user may write it: {@code @Owner}, {@code @ChangedBy},
     * {@code @CreatedDate}, {@code @ChangedDate} or {@code @Preset(token = "Tenant")}.
     */
    static java.util.Optional<String> systemMember(MemberModel member) {
        if (member.owner()) {
            return java.util.Optional.of("@Owner");
        }
        return member.systemMarker().map(SystemMarker::describe);
    }

    private static String json(Condition condition) {
        if (condition.always()) {
            return "\"always\"";
        }
        if (condition.never()) {
            return "\"never\"";
        }
        return "{\"when\": " + array(condition.constraints()) + "}";
    }

    private static String array(List<String> items) {
        return "[" + String.join(", ", items.stream().map(SecurityOverview::quote).toList()) + "]";
    }

    private static String qualifiedName(EntityModel entity) {
        return entity.module().orElseThrow().name() + "." + entity.simpleName();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The overview as CSV (RFC 4180 quoting, one line per right): {@code area,userRole,target,member,right,access},
     * where area is {@code entity}, {@code operation} or {@code userManagement} and access is {@code always},
     * {@code never} or {@code when [constraint] or [constraint]}.
     */
    public String csv() {
        StringBuilder out = new StringBuilder("area,userRole,target,member,right,access\n");
        for (EntityRights entity : entityRights) {
            String target = qualifiedName(entity.entity());
            csvRow(out, "entity", entity.userRole(), target, "", "view", entity.view().describe());
            csvRow(out, "entity", entity.userRole(), target, "", "create", entity.create() ? "always" : "never");
            csvRow(out, "entity", entity.userRole(), target, "", "delete", entity.delete().describe());
            for (MemberRights member : entity.members()) {
                csvRow(out, "entity", entity.userRole(), target, member.member(), "read", member.read().describe());
                csvRow(out, "entity", entity.userRole(), target, member.member(), "write", member.write().describe());
            }
        }
        for (OperationRights operation : operationRights) {
            operation.allowed().forEach((role, allowed) ->
                    csvRow(out, "operation", role, operation.name(), "", "run", allowed ? "always" : "never"));
        }
        for (EntityModel entity : overviewEntities()) {
            for (MemberModel member : entity.members()) {
                systemMember(member).ifPresent(by ->
                        csvRow(out, "systemMember", "", qualifiedName(entity), member.name(), "filledBy", by));
            }
        }
        for (UserRoleModel role : app.userRoles()) {
            for (String managed : userRoles) {
                csvRow(out, "userManagement", role.name(), managed, "", "manage",
                        role.manageableRoleNames().contains(managed) ? "always" : "never");
            }
        }
        return out.toString();
    }

    private static void csvRow(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ",").append(csvField(fields[i]));
        }
        out.append('\n');
    }

    static String csvField(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    // ---------------------------------------------------------------- HTML

    /**
     * The overview as a self-contained HTML page with three tabs (no script; the address's fragment picks one):
     * entity access (one matrix per entity, user roles as columns), operation access (operations against user
     * roles) and user management (user roles against the user roles they may manage).
     */
    public String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Security overview: ")
                .append(escape(app.simpleName())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}\n")
                .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\n")
                .append("table{border-collapse:collapse;margin:.5rem 0 1rem}\n")
                .append("th,td{border:1px solid #c9ced8;padding:.3rem .6rem;text-align:left;vertical-align:top;font-size:.9rem}\n")
                .append("th{background:#eef1f6}td.always{background:#d7f5dd}td.never{background:#f6f7f9;color:#8a93a3}\n")
                .append("td.when{background:#fff4cc}code{font-size:.8rem}.legend span{margin-right:1rem;padding:.1rem .4rem}\n")
                .append("nav.tabs{margin:1rem 0;border-bottom:2px solid #c9ced8}\n")
                .append("nav.tabs a{display:inline-block;padding:.4rem .9rem;margin-right:.3rem;color:#1d2330;")
                .append("text-decoration:none;border:1px solid #c9ced8;border-bottom:none;background:#eef1f6}\n")
                .append("section.tab{display:none}section.tab:target{display:block}#entities{display:block}\n")
                .append("body:has(section.tab:target:not(#entities)) #entities{display:none}\n")
                .append("th small{display:block;font-weight:normal;color:#5b6475}\n")
                .append("</style>\n</head>\n<body>\n<h1>Security overview: ").append(escape(app.simpleName())).append("</h1>\n")
                .append("<p>Security level <b>").append(app.level()).append("</b>. ")
                .append(app.anonymousRole().map(a -> "Anonymous users get user role <b>" + escape(a.text()) + "</b>.")
                        .orElse("Anonymous access is off."))
                .append(" Each column is a user with only that user role; <code>[%UserRole_…%]</code> tokens are")
                .append(" resolved for it.</p>\n")
                .append("<nav class=\"tabs\"><a href=\"#entities\">Entity access</a>")
                .append("<a href=\"#operations\">Operation access</a>")
                .append("<a href=\"#user-management\">User management</a></nav>\n");
        entitiesHtml(out);
        operationsHtml(out);
        managementHtml(out);
        return out.append("</body>\n</html>\n").toString();
    }

    private void entitiesHtml(StringBuilder out) {
        out.append("<section id=\"entities\" class=\"tab\">\n")
                .append("<p class=\"legend\"><span class=\"always\" style=\"background:#d7f5dd\">always</span>")
                .append("<span style=\"background:#fff4cc\">when a constraint holds</span>")
                .append("<span style=\"background:#f6f7f9\">never</span></p>\n");
        int roles = userRoles.size();
        int entities = roles == 0 ? 0 : entityRights.size() / roles;
        for (int e = 0; e < entities; e++) {
            EntityModel entity = entityRights.get(e).entity();
            out.append("<h2>").append(escape(qualifiedName(entity))).append("</h2>\n<table>\n");
            header(out);
            int column = e;
            row(out, "see", r -> entityRights.get(r * entities + column).view());
            out.append("<tr><th>create</th>");
            for (int r = 0; r < roles; r++) {
                boolean create = entityRights.get(r * entities + e).create();
                out.append(cell(create ? Condition.ALWAYS : Condition.NEVER, create ? "yes" : "no"));
            }
            out.append("</tr>\n");
            row(out, "delete", r -> entityRights.get(r * entities + column).delete());
            for (int m = 0; m < entity.members().size(); m++) {
                MemberModel member = entity.members().get(m);
                out.append("<tr><th>").append(escape(member.name()))
                        .append(systemMember(member).map(by -> "<small>filled in by Warden: " + escape(by) + "</small>")
                                .orElse("")).append("</th>");
                for (int r = 0; r < roles; r++) {
                    out.append(memberCell(entityRights.get(r * entities + e).members().get(m)));
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</section>\n");
    }

    private void operationsHtml(StringBuilder out) {
        out.append("<section id=\"operations\" class=\"tab\">\n<h2>Operations</h2>\n");
        if (operationRights.isEmpty()) {
            out.append("<p>No operation is protected with <code>@AllowedRoles</code>.</p>\n</section>\n");
            return;
        }
        out.append("<table>\n");
        header(out);
        for (OperationRights operation : operationRights) {
            out.append("<tr><th>").append(escape(operation.name())).append("<small>")
                    .append(escape(String.join(", ", operation.moduleRoles()))).append("</small></th>");
            for (boolean allowed : operation.allowed().values()) {
                out.append(cell(allowed ? Condition.ALWAYS : Condition.NEVER, allowed ? "yes" : "no"));
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    private void managementHtml(StringBuilder out) {
        out.append("<section id=\"user-management\" class=\"tab\">\n<h2>User management</h2>\n")
                .append("<p>Which user roles a user with the column's user role may create, change and assign.</p>\n")
                .append("<table>\n");
        header(out);
        for (String managed : userRoles) {
            out.append("<tr><th>").append(escape(managed)).append("</th>");
            for (UserRoleModel role : app.userRoles()) {
                boolean manages = role.manageableRoleNames().contains(managed);
                out.append(cell(manages ? Condition.ALWAYS : Condition.NEVER, manages ? "yes" : "no"));
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    private void header(StringBuilder out) {
        out.append("<tr><th></th>");
        for (String role : userRoles) {
            out.append("<th>").append(escape(role)).append("</th>");
        }
        out.append("</tr>\n");
    }

    private void row(StringBuilder out, String label, Function<Integer, Condition> right) {
        out.append("<tr><th>").append(label).append("</th>");
        for (int r = 0; r < userRoles.size(); r++) {
            Condition condition = right.apply(r);
            out.append(cell(condition, condition.always() ? "yes" : condition.never() ? "no" : null));
        }
        out.append("</tr>\n");
    }

    private static String memberCell(MemberRights member) {
        if (member.read().never()) {
            return "<td class=\"never\">none</td>";
        }
        if (member.write().always()) {
            return "<td class=\"always\">read, write</td>";
        }
        if (member.read().always() && member.write().never()) {
            return "<td class=\"always\">read</td>";
        }
        String text = member.read().always() ? "read" : "read " + conditionHtml(member.read());
        if (!member.write().never()) {
            text += "; write " + conditionHtml(member.write());
        }
        return "<td class=\"when\">" + text + "</td>";
    }

    private static String cell(Condition condition, String text) {
        String css = condition.always() ? "always" : condition.never() ? "never" : "when";
        return "<td class=\"" + css + "\">" + (text != null ? escape(text) : conditionHtml(condition)) + "</td>";
    }

    private static String conditionHtml(Condition condition) {
        if (condition.always()) {
            return "always";
        }
        if (condition.never()) {
            return "never";
        }
        return "when " + String.join(" or ", condition.constraints().stream().map(c -> "<code>" + escape(c) + "</code>").toList());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
