package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.annotations.Access;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberEntry;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.RuleGrants;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.RuleModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code OrderPolicy}: the entity's rules as a table of role bitmasks and member sets, each constraint
 * as a plain Java method, and static checks ({@code canRead}, {@code canWrite}, ...) for a security context.
 * The combination of rules lives in the runtime's {@code EntityRules}, so that it is written (and tested)
 * once.
 */
public final class PolicyWriter {

    /** The variable name of the security context in generated methods. */
    public static final String CONTEXT = "context";

    private final Naming naming;

    public PolicyWriter(Naming naming) {
        this.naming = naming;
    }

    /** The name of the enum constant for a member in {@code OrderPolicy.Member}. */
    public static List<String> memberConstants(EntityModel entity) {
        List<String> names = new ArrayList<>();
        for (MemberModel member : entity.members()) {
            String name = Naming.constantName(member.name());
            while (names.contains(name)) {
                name = name + "_";
            }
            names.add(name);
        }
        return names;
    }

    public JavaFile write(EntityModel entity, Map<Integer, CompiledRule> constraints) {
        ModuleModel module = entity.module().orElseThrow();
        ClassName policy = naming.policyClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName memberEnum = policy.nestedClass("Member");
        TypeName rulesType = ParameterizedTypeName.get(Naming.ENTITY_RULES, entityType);
        String object = Naming.variableName(entity.simpleName());
        List<String> constants = memberConstants(entity);

        TypeSpec.Builder type = TypeSpec.classBuilder(policy)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("The access rules of {@link $T}, generated from its {@code @AccessRule} annotations.\n", entityType)
                .addJavadoc("\n<p>Every check takes a {@link $T}; the variants without one use the current context and\n",
                        Naming.SECURITY_CONTEXT)
                .addJavadoc("deny when there is none.\n");
        for (RuleModel rule : entity.rules()) {
            type.addJavadoc("\n<p>{@code $L}\n", javadocSafe(describe(rule)));
        }

        type.addType(memberEnum(entity, memberEnum, constants));

        CodeBlock.Builder table = CodeBlock.builder()
                .add("$T.<$T>builder($S, $T.$L", Naming.ENTITY_RULES, entityType, entity.simpleName(),
                        Naming.moduleClass(module), ModuleWriter.DESCRIPTOR);
        for (MemberModel member : entity.members()) {
            table.add(", $S", member.name());
        }
        table.add(")\n").indent().indent();
        for (RuleModel rule : entity.rules()) {
            CompiledRule compiled = constraints.get(rule.number());
            if (compiled == null) {
                table.add(".rule($S, null)\n", describe(rule));
            } else {
                table.add(".rule($S, $T::$L", describe(rule), policy, constraintMethod(rule));
                for (String token : new TreeSet<>(compiled.customTokens())) {
                    table.add(", $S", token);
                }
                table.add(")\n");
                compiled.constants().forEach(type::addField);
                type.addMethod(constraintMethod(rule, compiled, entityType, object));
            }
            for (Grant grant : RuleGrants.of(entity, rule)) {
                table.add(".grant($L, /* create */ $L, /* delete */ $L, $L, $L)\n",
                        roleMask(module, grant.roles()), grant.create(), grant.delete(),
                        memberSet(entity, constants, grant, false), memberSet(entity, constants, grant, true));
            }
        }
        table.add(".build()").unindent().unindent();
        type.addField(FieldSpec.builder(rulesType, "RULES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(table.build())
                .build());

        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(MethodSpec.methodBuilder("rules")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(rulesType)
                .addJavadoc("The rule table, for the generated proxy and the data access layer.\n")
                .addStatement("return RULES")
                .build());
        addMembersHelper(type, memberEnum);
        addChecks(type, entityType, memberEnum, object);
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private TypeSpec memberEnum(EntityModel entity, ClassName memberEnum, List<String> constants) {
        TypeSpec.Builder members = TypeSpec.enumBuilder(memberEnum)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Naming.ENTITY_MEMBER)
                .addJavadoc("The members of {@link $L}, in the order the rule tables number them.\n", entity.simpleName());
        for (int i = 0; i < constants.size(); i++) {
            MemberModel member = entity.members().get(i);
            members.addEnumConstant(constants.get(i), TypeSpec.anonymousClassBuilder("$S", member.name())
                    .addJavadoc("{@code $L}$L.\n", member.name(), member.kind().isAssociation()
                            ? ", an association to {@code " + simple(member.targetEntity()) + "}"
                            : "")
                    .build());
        }
        members.addField(String.class, "memberName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "memberName")
                        .addStatement("this.memberName = memberName")
                        .build())
                .addMethod(MethodSpec.methodBuilder("memberName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("The member's name as written in rules: {@code $L}.\n",
                                entity.members().isEmpty() ? "name" : entity.members().get(0).name())
                        .addStatement("return memberName")
                        .build());
        return members.build();
    }

    private MethodSpec constraintMethod(RuleModel rule, CompiledRule compiled, ClassName entityType, String object) {
        return MethodSpec.methodBuilder(constraintMethod(rule))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class)
                .addParameter(Naming.SECURITY_CONTEXT, CONTEXT)
                .addParameter(entityType, object)
                .addJavadoc("Rule $L's constraint: {@code $L}\n", rule.number(), javadocSafe(compiled.source()))
                .addStatement("return $L", compiled.expression())
                .build();
    }

    private static String constraintMethod(RuleModel rule) {
        return "rule" + rule.number() + "Constraint";
    }

    private static void addMembersHelper(TypeSpec.Builder type, ClassName memberEnum) {
        type.addMethod(MethodSpec.methodBuilder("members")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .varargs(true)
                .returns(Naming.MEMBER_SET)
                .addParameter(com.palantir.javapoet.ArrayTypeName.of(memberEnum), "members")
                .addStatement("int[] indices = new int[members.length]")
                .beginControlFlow("for (int i = 0; i < members.length; i++)")
                .addStatement("indices[i] = members[i].ordinal()")
                .endControlFlow()
                .addStatement("return $T.of(indices)", Naming.MEMBER_SET)
                .build());
    }

    private static void addChecks(TypeSpec.Builder type, ClassName entityType, ClassName memberEnum, String object) {
        ClassName context = Naming.SECURITY_CONTEXT;
        type.addMethod(check("canCreate", "Whether the user may create a new {@code $T}.", entityType)
                .addParameter(context, CONTEXT)
                .addStatement("return RULES.canCreate($L)", CONTEXT).build());
        type.addMethod(check("canCreate", "Whether the current user may create a new {@code $T}; false without a context.", entityType)
                .addStatement("return $T.currentIfPresent().map(RULES::canCreate).orElse(false)", context).build());

        objectCheck(type, "isVisible", "Whether the user may see (retrieve) this object.", entityType, object, null);
        objectCheck(type, "canDelete", "Whether the user may delete this object.", entityType, object, null);
        objectCheck(type, "canRead", "Whether the user may read this member of this object.", entityType, object, memberEnum);
        objectCheck(type, "canWrite", "Whether the user may change this member of this object.", entityType, object, memberEnum);

        type.addMethod(MethodSpec.methodBuilder("explain")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Naming.EXPLANATION)
                .addJavadoc("Which rules apply to the user for this object, and which granted or denied each right.\n")
                .addParameter(context, CONTEXT)
                .addParameter(entityType, object)
                .addStatement("return RULES.explain($L, $L)", CONTEXT, object)
                .build());
        type.addMethod(MethodSpec.methodBuilder("explain")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Naming.EXPLANATION)
                .addJavadoc("{@link #explain($T, $T)} for the current user.\n", context, entityType)
                .addJavadoc("\n@throws $T when there is no security context\n", Naming.ACCESS_DENIED)
                .addParameter(entityType, object)
                .addStatement("return RULES.explain($T.current(), $L)", context, object)
                .build());
    }

    private static void objectCheck(TypeSpec.Builder type, String name, String doc, ClassName entityType, String object,
            ClassName memberEnum) {
        String rulesCall = memberEnum == null ? "RULES.$L($L, $L)" : "RULES.$L($L, $L, member.ordinal())";
        MethodSpec.Builder withContext = check(name, doc, entityType)
                .addParameter(Naming.SECURITY_CONTEXT, CONTEXT)
                .addParameter(entityType, object);
        MethodSpec.Builder current = check(name, doc.replace("the user", "the current user") + " False without a context.", entityType)
                .addParameter(entityType, object);
        if (memberEnum != null) {
            withContext.addParameter(memberEnum, "member");
            current.addParameter(memberEnum, "member");
        }
        withContext.addStatement("return " + rulesCall, name, CONTEXT, object);
        current.addStatement("return $T.currentIfPresent().map($L -> " + rulesCall + ").orElse(false)",
                Naming.SECURITY_CONTEXT, CONTEXT, name, CONTEXT, object);
        type.addMethod(withContext.build());
        type.addMethod(current.build());
    }

    private static MethodSpec.Builder check(String name, String doc, ClassName entityType) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(boolean.class)
                .addJavadoc(doc.contains("$T") ? CodeBlock.of(doc + "\n", entityType) : CodeBlock.of("$L\n", doc));
    }

    private static CodeBlock roleMask(ModuleModel module, List<String> roles) {
        CodeBlock.Builder mask = CodeBlock.builder();
        for (int i = 0; i < roles.size(); i++) {
            mask.add(i == 0 ? "$T.$L" : " | $T.$L", Naming.moduleClass(module), ModuleWriter.roleConstant(module, roles.get(i)));
        }
        return mask.build();
    }

    private static CodeBlock memberSet(EntityModel entity, List<String> constants, Grant grant, boolean writable) {
        List<String> included = new ArrayList<>();
        for (int i = 0; i < entity.members().size(); i++) {
            if (writable ? grant.canWrite(i) : grant.canRead(i)) {
                included.add("Member." + constants.get(i));
            }
        }
        if (included.isEmpty()) {
            return CodeBlock.of("$T.none()", Naming.MEMBER_SET);
        }
        if (included.size() == entity.members().size()) {
            return CodeBlock.of("$T.all(Member.values().length)", Naming.MEMBER_SET);
        }
        return CodeBlock.of("members($L)", String.join(", ", included));
    }

    /** The rule as the user wrote it, for explanations and Javadoc. */
    static String describe(RuleModel rule) {
        List<String> parts = new ArrayList<>();
        parts.add("roles = " + rule.roles().stream().map(r -> "\"" + r.text() + "\"")
                .collect(Collectors.joining(", ", rule.roles().size() == 1 ? "" : "{", rule.roles().size() == 1 ? "" : "}")));
        if (rule.create()) {
            parts.add("create = true");
        }
        if (rule.delete()) {
            parts.add("delete = true");
        }
        if (rule.defaultAccess() != Access.NONE) {
            parts.add("defaultAccess = " + rule.defaultAccess());
        }
        if (!rule.members().isEmpty()) {
            parts.add("members = " + rule.members().stream()
                    .map(MemberEntry::name).map(NameRef::text)
                    .map(name -> name + ": " + rule.members().stream().filter(e -> e.name().text().equals(name))
                            .findFirst().map(MemberEntry::access).orElseThrow())
                    .collect(Collectors.joining(", ", "{", "}")));
        }
        if (rule.hasConstraint()) {
            parts.add("constraint = \"" + rule.constraint() + "\"");
        }
        return "rule " + rule.number() + ": @AccessRule(" + String.join(", ", parts) + ")";
    }

    private static String javadocSafe(String text) {
        return text.replace("*/", "*&#47;");
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
