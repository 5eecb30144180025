package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.ModuleModel;
import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The names of generated classes and constants, in one place so that every writer agrees on them. */
public final class Naming {

    static final String RUNTIME = "dev.warden.runtime";
    static final ClassName SECURITY_CONTEXT = ClassName.get(RUNTIME, "SecurityContext");
    static final ClassName ENTITY_RULES = ClassName.get(RUNTIME, "EntityRules");
    static final ClassName ENTITY_MEMBER = ClassName.get(RUNTIME, "EntityMember");
    static final ClassName MEMBER_SET = ClassName.get(RUNTIME, "MemberSet");
    static final ClassName RIGHTS = ClassName.get(RUNTIME, "Rights");
    static final ClassName EXPLANATION = ClassName.get(RUNTIME, "Explanation");
    static final ClassName OPERATION = ClassName.get(RUNTIME, "Operation");
    static final ClassName ACCESS_DENIED = ClassName.get(RUNTIME, "AccessDeniedException");
    static final ClassName MODULE_DESCRIPTOR = ClassName.get(RUNTIME, "ModuleDescriptor");
    static final ClassName APPLICATION_MODEL = ClassName.get(RUNTIME, "ApplicationModel");
    static final ClassName SECURITY_LEVEL = ClassName.get("dev.warden.annotations", "SecurityLevel");
    static final ClassName GENERATED = ClassName.get("dev.warden.annotations", "Generated");
    static final String PROCESSOR = "dev.warden.processor.WardenProcessor";

    /** Names the generated code uses for its own variables and fields. */
    private static final java.util.Set<String> RESERVED_VARIABLES =
            java.util.Set.of("context", "rights", "member", "members", "previous", "element", "visible", "other", "after", "undo");

    private final Elements elements;

    public Naming(Elements elements) {
        this.elements = elements;
    }

    public static ClassName moduleClass(ModuleModel module) {
        return ClassName.get(module.packageName(), module.descriptorClassName());
    }

    public static ClassName applicationClass(AppModel app) {
        return ClassName.get(app.packageName(), app.modelClassName());
    }

    public ClassName entityClass(String qualifiedName) {
        TypeElement type = elements.getTypeElement(qualifiedName);
        return ClassName.get(type);
    }

    public ClassName policyClass(String entityQualifiedName) {
        return generated(entityClass(entityQualifiedName), "", "Policy");
    }

    public ClassName proxyClass(String entityQualifiedName) {
        return generated(entityClass(entityQualifiedName), "Secured", "");
    }

    /** {@code com.acme.Order} to {@code com.acme.OrderCriteria}, the rules as JPA Criteria predicates. */
    public ClassName criteriaClass(EntityModel entity) {
        return generated(entityClass(entity.qualifiedName()), "", "Criteria");
    }

    public ClassName policyClass(EntityModel entity) {
        return policyClass(entity.qualifiedName());
    }

    public ClassName proxyClass(EntityModel entity) {
        return proxyClass(entity.qualifiedName());
    }

    /** {@code com.acme.Order} to {@code com.acme.OrderPolicy}; a nested {@code Shop.Order} to {@code Shop_OrderPolicy}. */
    private static ClassName generated(ClassName entity, String prefix, String suffix) {
        return ClassName.get(entity.packageName(), prefix + String.join("_", entity.simpleNames()) + suffix);
    }

    /** {@code SalesRep} or {@code salesRep} to {@code SALES_REP}. */
    public static String constantName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(name.charAt(i - 1))
                            || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                                    && Character.isUpperCase(name.charAt(i - 1))));
            if (boundary) {
                out.append('_');
            }
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        String constant = out.toString().toUpperCase(Locale.ROOT);
        return Character.isJavaIdentifierStart(constant.charAt(0)) ? constant : "_" + constant;
    }

    /** {@code total} to {@code Total}. */
    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code Order} to {@code order}, avoiding Java keywords. */
    static String variableName(String simpleName) {
        String name = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        boolean taken = javax.lang.model.SourceVersion.isKeyword(name) || RESERVED_VARIABLES.contains(name);
        return taken ? name + "Object" : name;
    }
}
