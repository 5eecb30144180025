package dev.warden.verification.differential;

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
import dev.warden.verification.differential.Model.Operand;
import dev.warden.verification.differential.Model.Or;
import dev.warden.verification.differential.Model.PathRef;
import dev.warden.verification.differential.Model.PathTest;
import dev.warden.verification.differential.Model.RoleTest;
import dev.warden.verification.differential.Model.Rule;
import dev.warden.verification.differential.Model.TokenRef;
import dev.warden.verification.differential.Model.TokenTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a model as the Java sources a user would write: package-infos, the application class, enums, entities. */
final class Sources {

    private Sources() {}

    /** Qualified class name to source text. */
    static Map<String, String> of(App app) {
        return of(app, false);
    }

    /**
     * Qualified class name to source text; with {@code jpa} the entities are JPA entities as well (field access,
     * assigned keys, lazy associations without foreign-key constraints, each to-many stored in the target's table as
     * {@code <owner table>_id}, the schema {@code Harness.ddl} makes; enums by name or, where the model says so, by
     * ordinal), which Hibernate maps and creates the tables of.
     */
    static Map<String, String> of(App app, boolean jpa) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(app.pkg + ".App", application(app));
        for (Model.Module module : app.modules) {
            sources.put(module.pkg + ".package-info", "@dev.warden.annotations.Module(name = \"" + module.name
                    + "\", roles = {" + quoted(module.roles) + "})\npackage " + module.pkg + ";\n");
        }
        for (String e : app.enums) {
            int dot = e.lastIndexOf('.');
            sources.put(e, "package " + e.substring(0, dot) + ";\n\npublic enum " + e.substring(dot + 1) + " { "
                    + String.join(", ", app.enumConstants.get(e)) + " }\n");
        }
        for (Entity e : app.entities) {
            sources.put(e.qualifiedName(), entity(e, jpa));
        }
        return sources;
    }

    static String application(App app) {
        StringBuilder s = new StringBuilder("package " + app.pkg + ";\n\nimport dev.warden.annotations.*;\n\n");
        s.append("@AppSecurity(\n    level = SecurityLevel.").append(app.level).append(",\n    userRoles = {\n");
        List<String> roles = new ArrayList<>();
        app.userRoles.forEach((name, moduleRoles) -> roles.add("        @UserRole(name = \"" + name
                + "\", moduleRoles = {" + quoted(moduleRoles) + "})"));
        s.append(String.join(",\n", roles)).append("},\n");
        if (app.anonymousRole != null) {
            s.append("    anonymousRole = \"").append(app.anonymousRole).append("\",\n");
        }
        s.append("    userIdType = Long.class,\n    tokens = {@Token(name = \"Tenant\", type = Long.class), "
                + "@Token(name = \"Region\", type = String.class), @Token(name = \"Beta\", type = Boolean.class)})\n");
        s.append("public class App {}\n");
        return s.toString();
    }

    static String entity(Entity e) {
        return entity(e, false);
    }

    private static final String NO_FOREIGN_KEY = "foreignKey = @jakarta.persistence.ForeignKey("
            + "jakarta.persistence.ConstraintMode.NO_CONSTRAINT)";

    static String entity(Entity e, boolean jpa) {
        StringBuilder s = new StringBuilder("package " + e.module.pkg + ";\n\nimport dev.warden.annotations.*;\n\n");
        s.append("@SecuredEntity\n");
        if (jpa) {
            s.append("@jakarta.persistence.Entity\n");
        }
        for (Rule r : e.rules) {
            s.append(rule(r)).append('\n');
        }
        s.append("public class ").append(e.name).append(" {\n");
        for (Member m : e.members) {
            if (m.kind == Kind.CALCULATED) {
                continue;
            }
            s.append("    ");
            if (!m.memberAccess.isEmpty()) {
                m.memberAccess.forEach((role, access) -> s.append("@MemberAccess(roles = \"").append(role)
                        .append("\", value = Access.").append(access).append(") "));
            }
            if (m.kind == Kind.OWNER) {
                s.append("@Owner ");
            }
            if (jpa) {
                s.append(jpaAnnotations(e, m));
            }
            s.append("private ").append(type(m)).append(' ').append(m.name);
            if (m.kind == Kind.TO_MANY) {
                s.append(" = new java.util.ArrayList<>()");
            }
            s.append(";\n");
        }
        for (Member m : e.members) {
            if (m.kind == Kind.CALCULATED) {
                if (!m.memberAccess.isEmpty()) {
                    s.append("    ");
                    m.memberAccess.forEach((role, access) -> s.append("@MemberAccess(roles = \"").append(role)
                            .append("\", value = Access.").append(access).append(") "));
                    s.append('\n');
                }
                s.append("    @Calculated public int getCalc() { return 7; }\n");
                continue;
            }
            String type = type(m);
            s.append("    public ").append(type).append(' ').append(getter(m)).append("() { return ").append(m.name)
                    .append("; }\n");
            s.append("    public void set").append(m.capitalized()).append('(').append(type).append(" value) { this.")
                    .append(m.name).append(" = value; }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /** The JPA annotations of a member of a JPA entity (none for a plain attribute). */
    static String jpaAnnotations(Entity e, Member m) {
        switch (m.kind) {
            case ID: return "@jakarta.persistence.Id ";
            case TO_ONE: return "@jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY) "
                    + "@jakarta.persistence.JoinColumn(" + NO_FOREIGN_KEY + ") ";
            case TO_MANY: return "@jakarta.persistence.OneToMany @jakarta.persistence.JoinColumn(name = \"" + e.table()
                    + "_id\", " + NO_FOREIGN_KEY + ") ";
            case ENUM: return m.ordinal ? "" : "@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING) ";
            case DECIMAL: return "@jakarta.persistence.Column(precision = 12, scale = 2) ";
            default: return "";
        }
    }

    static String getter(Member m) {
        return (m.kind == Kind.BOOL ? "is" : "get") + m.capitalized();
    }

    static String type(Member m) {
        switch (m.kind) {
            case ENUM: return m.enumType;
            case TO_ONE: return m.target.qualifiedName();
            case TO_MANY: return "java.util.List<" + m.target.qualifiedName() + ">";
            default: return m.kind.javaType;
        }
    }

    static String rule(Rule r) {
        StringBuilder s = new StringBuilder("@AccessRule(roles = {" + quoted(r.roles) + "}");
        s.append(", create = ").append(r.create).append(", delete = ").append(r.delete);
        s.append(", defaultAccess = Access.").append(r.defaultAccess);
        if (!r.members.isEmpty()) {
            s.append(", members = {").append(r.members.entrySet().stream()
                    .map(en -> "@Member(name = \"" + en.getKey() + "\", access = Access." + en.getValue() + ")")
                    .collect(Collectors.joining(", "))).append('}');
        }
        if (!r.constraint.isEmpty()) {
            s.append(", constraint = \"").append(javaEscape(constraint(r.constraint))).append('"');
        }
        return s.append(')').toString();
    }

    static String constraint(List<Expr> brackets) {
        return brackets.stream().map(b -> "[" + expr(b) + "]").collect(Collectors.joining());
    }

    static String expr(Expr e) {
        if (e instanceof Or or) {
            return "(" + or.operands().stream().map(Sources::expr).collect(Collectors.joining(" or ")) + ")";
        } else if (e instanceof And and) {
            return "(" + and.operands().stream().map(Sources::expr).collect(Collectors.joining(" and ")) + ")";
        } else if (e instanceof Not not) {
            return "not(" + expr(not.operand()) + ")";
        } else if (e instanceof Cmp cmp) {
            return path(cmp.path()) + " " + cmp.op() + " " + operand(cmp.right());
        } else if (e instanceof Fn fn) {
            return fn.function() + "(" + path(fn.path()) + ", " + Generator.quote(fn.text()) + ")";
        } else if (e instanceof PathTest test) {
            return path(test.path());
        } else if (e instanceof RoleTest role) {
            return "'[%UserRole_" + role.userRole() + "%]'";
        } else if (e instanceof TokenTest token) {
            return "'[%" + token.token() + "%]'";
        } else if (e instanceof Const constant) {
            return constant.value() + "()";
        } else if (e instanceof FnCmp cmp) {
            return cmp.function() + "(" + path(cmp.path()) + ") " + cmp.op() + " " + operand(cmp.right());
        } else if (e instanceof Pred pred) {
            return path(pred.path()) + "[" + expr(pred.condition()) + "]";
        }
        throw new IllegalStateException(String.valueOf(e));
    }

    static String operand(Operand o) {
        if (o instanceof Literal literal) {
            return literal.text();
        } else if (o instanceof Empty empty) {
            return empty.nullKeyword() ? "NULL" : "empty";
        } else if (o instanceof TokenRef token) {
            return "'[%" + token.name() + "%]'";
        } else if (o instanceof PathRef path) {
            return path(path.path());
        } else if (o instanceof TimeRef time) {
            StringBuilder text = new StringBuilder("'[%" + time.token() + "%]");
            for (Model.Offset offset : time.offsets()) {
                text.append(offset.amount() < 0 ? " - " : " + ").append(Math.abs(offset.amount())).append(" * [%")
                        .append(offset.period()).append("%]");
            }
            return text.append('\'').toString();
        }
        throw new IllegalStateException(String.valueOf(o));
    }

    static String path(List<Member> path) {
        return path.stream().map(m -> m.name).collect(Collectors.joining("/"));
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    static String javaEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
