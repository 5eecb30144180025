package dev.warden.processor.codegen;

import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.RuleGrants;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.UserRoleModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The security overview of an application, as Mendix's Security Overview shows it: for every user role and
 * every entity, whether the role may create and delete objects and what it may read and write of each member,
 * and under which constraints. Written at compile time as JSON (for tools) and HTML (for people).
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

    private SecurityOverview() {}

    /** The rights of every user role on every entity, entities sorted by module and name. */
    public static List<EntityRights> compute(AppModel app, List<EntityModel> entities) {
        List<EntityModel> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparing((EntityModel e) -> e.module().map(ModuleModel::name).orElse(""))
                .thenComparing(EntityModel::simpleName));
        List<EntityRights> rights = new ArrayList<>();
        for (UserRoleModel userRole : app.userRoles()) {
            Set<String> moduleRoles = new LinkedHashSet<>();
            userRole.moduleRoles().stream().map(NameRef::text).forEach(moduleRoles::add);
            for (EntityModel entity : sorted) {
                rights.add(rightsOf(userRole.name(), moduleRoles, entity));
            }
        }
        return rights;
    }

    private static EntityRights rightsOf(String userRole, Set<String> moduleRoles, EntityModel entity) {
        ModuleModel module = entity.module().orElseThrow();
        List<Grant> applying = new ArrayList<>();
        for (Grant grant : RuleGrants.of(entity)) {
            if (grant.roles().stream().anyMatch(role -> moduleRoles.contains(module.qualify(role)))) {
                applying.add(grant);
            }
        }
        List<MemberRights> members = new ArrayList<>();
        for (int i = 0; i < entity.members().size(); i++) {
            int member = i;
            MemberModel model = entity.members().get(i);
            members.add(new MemberRights(model.name(), condition(applying, g -> g.canRead(member)),
                    condition(applying, g -> g.canWrite(member))));
        }
        return new EntityRights(userRole, entity, condition(applying, g -> true),
                applying.stream().anyMatch(Grant::create), condition(applying, Grant::delete), members);
    }

    private static Condition condition(List<Grant> applying, Predicate<Grant> grants) {
        List<String> constraints = new ArrayList<>();
        for (Grant grant : applying) {
            if (!grants.test(grant)) {
                continue;
            }
            if (!grant.rule().hasConstraint()) {
                return Condition.ALWAYS;
            }
            if (!constraints.contains(grant.rule().constraint())) {
                constraints.add(grant.rule().constraint());
            }
        }
        return constraints.isEmpty() ? Condition.NEVER : new Condition(false, List.copyOf(constraints));
    }

    // ---------------------------------------------------------------- JSON

    /** The overview as JSON, stable and pretty-printed. */
    public static String json(AppModel app, List<EntityModel> entities) {
        List<EntityRights> rights = compute(app, entities);
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"application\": ").append(quote(app.simpleName()))
                .append(",\n  \"securityLevel\": ").append(quote(app.level().name()))
                .append(",\n  \"anonymousRole\": ").append(app.anonymousRole().map(a -> quote(a.text())).orElse("null"))
                .append(",\n  \"userRoles\": [");
        for (int i = 0; i < app.userRoles().size(); i++) {
            UserRoleModel role = app.userRoles().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(role.name()))
                    .append(", \"moduleRoles\": [")
                    .append(String.join(", ", role.moduleRoles().stream().map(r -> quote(r.text())).toList()))
                    .append("]}");
        }
        out.append("\n  ],\n  \"access\": [");
        for (int i = 0; i < rights.size(); i++) {
            EntityRights entity = rights.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"userRole\": ").append(quote(entity.userRole()))
                    .append(", \"entity\": ").append(quote(entity.entity().module().orElseThrow().name() + "."
                            + entity.entity().simpleName()))
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
        return out.append("\n  ]\n}\n").toString();
    }

    private static String json(Condition condition) {
        if (condition.always()) {
            return "\"always\"";
        }
        if (condition.never()) {
            return "\"never\"";
        }
        return "{\"when\": [" + String.join(", ", condition.constraints().stream().map(SecurityOverview::quote).toList()) + "]}";
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

    // ---------------------------------------------------------------- HTML

    /** The overview as a self-contained HTML page: one matrix per entity, user roles as columns. */
    public static String html(AppModel app, List<EntityModel> entities) {
        List<EntityRights> rights = compute(app, entities);
        List<String> roles = app.userRoles().stream().map(UserRoleModel::name).toList();
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Security overview: ")
                .append(escape(app.simpleName())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}\n")
                .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\n")
                .append("table{border-collapse:collapse;margin:.5rem 0 1rem}\n")
                .append("th,td{border:1px solid #c9ced8;padding:.3rem .6rem;text-align:left;vertical-align:top;font-size:.9rem}\n")
                .append("th{background:#eef1f6}td.always{background:#d7f5dd}td.never{background:#f6f7f9;color:#8a93a3}\n")
                .append("td.when{background:#fff4cc}code{font-size:.8rem}.legend span{margin-right:1rem;padding:.1rem .4rem}\n")
                .append("</style>\n</head>\n<body>\n<h1>Security overview: ").append(escape(app.simpleName())).append("</h1>\n")
                .append("<p>Security level <b>").append(app.level()).append("</b>. ")
                .append(app.anonymousRole().map(a -> "Anonymous users get user role <b>" + escape(a.text()) + "</b>.")
                        .orElse("Anonymous access is off."))
                .append("</p>\n<p class=\"legend\"><span class=\"always\" style=\"background:#d7f5dd\">always</span>")
                .append("<span style=\"background:#fff4cc\">when a constraint holds</span>")
                .append("<span style=\"background:#f6f7f9\">never</span></p>\n");
        for (int e = 0; e < rights.size() / Math.max(1, roles.size()); e++) {
            EntityModel entity = rights.get(e).entity();
            out.append("<h2>").append(escape(entity.module().orElseThrow().name() + "." + entity.simpleName()))
                    .append("</h2>\n<table>\n<tr><th></th>");
            for (String role : roles) {
                out.append("<th>").append(escape(role)).append("</th>");
            }
            out.append("</tr>\n");
            row(out, "see", rights, e, roles.size(), EntityRights::view);
            out.append("<tr><th>create</th>");
            for (int r = 0; r < roles.size(); r++) {
                boolean create = rights.get(r * (rights.size() / roles.size()) + e).create();
                out.append(cell(create ? Condition.ALWAYS : Condition.NEVER, create ? "yes" : "no"));
            }
            out.append("</tr>\n");
            row(out, "delete", rights, e, roles.size(), EntityRights::delete);
            for (int m = 0; m < entity.members().size(); m++) {
                int member = m;
                out.append("<tr><th>").append(escape(entity.members().get(m).name())).append("</th>");
                for (int r = 0; r < roles.size(); r++) {
                    MemberRights rightsOfMember = rights.get(r * (rights.size() / roles.size()) + e).members().get(member);
                    out.append(memberCell(rightsOfMember));
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder out, String label, List<EntityRights> rights, int entity, int roles,
            java.util.function.Function<EntityRights, Condition> right) {
        out.append("<tr><th>").append(label).append("</th>");
        for (int r = 0; r < roles; r++) {
            Condition condition = right.apply(rights.get(r * (rights.size() / roles) + entity));
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
