package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.constraint.CompiledJavaConstraint;
import dev.warden.processor.constraint.JavaConstraintCompiler;
import dev.warden.processor.model.Access;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.KeyAndVersion;
import dev.warden.processor.model.MemberEntry;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.ModuleModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.RuleGrants.Grant;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.SystemMarker;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.RulePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code OrderPolicy}: the entity's rules as the runtime's {@code EntityRules}, declared in its
 * constructor (roles as bits, members as sets), each constraint as plain Java in {@code holds}, how to read and
 * write each member in {@code get} and {@code set}, and the {@code Member} enum. How rules combine lives in the
 * runtime, once.
 */
public final class PolicyWriter {

    /** The variable name of the security context in generated methods. */
    public static final String CONTEXT = "context";
    private static final String RULE = "rule";
    private static final String MEMBER = "member";
    private static final String VALUE = "value";

    private final Naming naming;
    private final Types types;

    public PolicyWriter(Naming naming, Types types) {
        this.naming = naming;
        this.types = types;
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

    public JavaFile write(EntityPlan plan) {
        EntityModel entity = plan.entity();
        ClassName policy = naming.policyClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName memberEnum = policy.nestedClass("Member");
        String object = Naming.variableName(entity.simpleName());
        List<String> constants = memberConstants(entity);

        TypeSpec.Builder type = TypeSpec.classBuilder(policy)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(Naming.ENTITY_RULES, entityType, memberEnum))
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("The {@code @AccessRule}s of {@link $T}; checks start at {@link #RULES} (see {@link $T}).\n",
                        entityType, Naming.ENTITY_RULES)
                .addField(FieldSpec.builder(policy, "RULES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", policy)
                        .build());

        List<CompiledJavaConstraint> compiled = new ArrayList<>();
        for (RulePlan rule : plan.rules()) {
            compiled.add(rule.constraint().map(checked -> {
                CompiledJavaConstraint java = JavaConstraintCompiler.compile(checked, plan.shape(), plan.environment(),
                        object, CONTEXT, "RULE_" + rule.number(), Set.of(RULE));
                java.constants().forEach(type::addField);
                return java;
            }).orElse(null));
        }
        type.addMethod(constructor(plan, entityType, memberEnum, constants));
        if (plan.hasConstraints()) {
            type.addMethod(holds(plan, entityType, object, compiled));
        }
        type.addMethod(getter(entity, entityType, memberEnum, object, constants));
        setter(entity, entityType, memberEnum, object, constants).ifPresent(type::addMethod);
        type.addType(memberEnum(entity, memberEnum, constants));
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec constructor(EntityPlan plan, ClassName entityType, ClassName memberEnum, List<String> constants) {
        EntityModel entity = plan.entity();
        ModuleModel module = plan.module();
        CodeBlock.Builder body = CodeBlock.builder();
        if (entity.hasPublicNoArgConstructor()) {
            body.addStatement("super($T.class, $T.class, $T.$L, $T::new, $T::new)", entityType, memberEnum,
                    Naming.moduleClass(module), ModuleWriter.DESCRIPTOR, naming.proxyClass(entity), entityType);
        } else {
            body.addStatement("super($T.class, $T.class, $T.$L, $T::new)", entityType, memberEnum,
                    Naming.moduleClass(module), ModuleWriter.DESCRIPTOR, naming.proxyClass(entity));
        }
        List<String> readOnly = new ArrayList<>();
        List<String> calculated = new ArrayList<>();
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            if (member.kind().isAssociation()) {
                body.addStatement("$L($T.$L, $T.class)",
                        member.kind() == MemberModel.MemberKind.TO_MANY ? "associations" : "association", memberEnum,
                        constants.get(i), naming.entityClass(member.targetEntity()));
            }
            if (member.isCalculated()) {
                calculated.add(constants.get(i));
            } else if (!isSettable(member)) {
                readOnly.add(constants.get(i));
            }
        }
        entity.ownerMember().ifPresent(owner ->
                body.addStatement("owner($T.$L)", memberEnum, constants.get(entity.members().indexOf(owner))));
        for (int i = 0; i < entity.members().size(); i++) {
            systemMember(body, entity.members().get(i), memberEnum, constants.get(i));
            if (KeyAndVersion.isVersion(entity.members().get(i))) {
                body.addStatement("version($T.$L)", memberEnum, constants.get(i));
            }
        }
        if (!calculated.isEmpty()) {
            body.addStatement("calculated($L)", calculated.stream().map(c -> "Member." + c).collect(Collectors.joining(", ")));
        }
        if (!readOnly.isEmpty()) {
            body.addStatement("readOnly($L)", readOnly.stream().map(c -> "Member." + c).collect(Collectors.joining(", ")));
        }
        for (RulePlan rule : plan.rules()) {
            CodeBlock.Builder declaration = CodeBlock.builder().add("rule($S, $L", describe(rule.rule()),
                    rule.constraint().isPresent());
            for (String token : new TreeSet<>(rule.tokens())) {
                declaration.add(", $S", token);
            }
            declaration.add(")");
            List<String> follows = rule.constraint().map(checked -> checked.rootMembers().stream()
                    .filter(name -> entity.member(name).map(m -> m.kind().isAssociation()).orElse(false))
                    .map(name -> "Member." + constants.get(entity.memberIndex(name))).toList()).orElse(List.of());
            if (!follows.isEmpty()) {
                declaration.add("\n$>$>.follows($L)$<$<", String.join(", ", follows));
            }
            for (Grant grant : rule.grants()) {
                declaration.add("\n$>$>.grant($L, /* create */ $L, /* delete */ $L, $L, $L)$<$<",
                        roleMask(module, grant.roles()), grant.create(), grant.delete(),
                        memberSet(entity, constants, grant, false), memberSet(entity, constants, grant, true));
            }
            body.addStatement("$L", declaration.build());
        }
        body.addStatement("register()");
        return MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addCode(body.build()).build();
    }

    /** {@code changedBy(Member.CHANGED_BY)}, {@code createdDate(Member.CREATED, Instant.class)}, {@code preset(...)}. */
    private void systemMember(CodeBlock.Builder body, MemberModel member, ClassName memberEnum, String constant) {
        if (member.owner() || member.systemMarker().isEmpty()) {
            return;
        }
        SystemMarker marker = member.systemMarker().get();
        switch (marker.kind()) {
            case CHANGED_BY -> body.addStatement("changedBy($T.$L)", memberEnum, constant);
            case CREATED_DATE -> body.addStatement("createdDate($T.$L, $T.class)", memberEnum, constant,
                    TypeName.get(types.erasure(member.type())));
            case CHANGED_DATE -> body.addStatement("changedDate($T.$L, $T.class)", memberEnum, constant,
                    TypeName.get(types.erasure(member.type())));
            case PRESET -> body.addStatement("preset($T.$L, $S)", memberEnum, constant, marker.token());
        }
    }

    private static MethodSpec holds(EntityPlan plan, ClassName entityType, String object,
            List<CompiledJavaConstraint> compiled) {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch ($L)", RULE);
        for (int i = 0; i < plan.rules().size(); i++) {
            if (compiled.get(i) == null) {
                continue;
            }
            RuleModel rule = plan.rules().get(i).rule();
            body.add("case $L: // $L\n", rule.number(), oneLine(rule.constraint()))
                    .indent().addStatement("return $L", compiled.get(i).expression()).unindent();
        }
        body.add("default:\n").indent()
                .addStatement("throw new $T($S + $L)", IllegalArgumentException.class,
                        "no constraint in rule ", RULE)
                .unindent()
                .endControlFlow();
        return MethodSpec.methodBuilder("holds")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(boolean.class)
                .addParameter(int.class, RULE)
                .addParameter(Naming.SECURITY_CONTEXT, CONTEXT)
                .addParameter(entityType, object)
                .addCode(body.build())
                .build();
    }

    private static MethodSpec getter(EntityModel entity, ClassName entityType, ClassName memberEnum, String object,
            List<String> constants) {
        CodeBlock.Builder cases = CodeBlock.builder().add("return switch ($L) {\n$>", MEMBER);
        for (int i = 0; i < entity.members().size(); i++) {
            cases.add("case $L -> $L.$L();\n", constants.get(i), object, entity.members().get(i).getter());
        }
        if (entity.members().isEmpty()) {
            cases.add("default -> throw new $T();\n", AssertionError.class);
        }
        return MethodSpec.methodBuilder("get")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(entityType, object)
                .addParameter(memberEnum, MEMBER)
                .addCode(cases.add("$<};\n").build())
                .build();
    }

    private java.util.Optional<MethodSpec> setter(EntityModel entity, ClassName entityType, ClassName memberEnum,
            String object, List<String> constants) {
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch ($L)", MEMBER);
        boolean unchecked = false;
        boolean any = false;
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            if (!isSettable(member)) {
                continue;
            }
            TypeMirror type = member.type();
            TypeName cast = TypeName.get(type.getKind().isPrimitive()
                    ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType() : type);
            unchecked |= type.getKind() == TypeKind.DECLARED
                    && !((javax.lang.model.type.DeclaredType) type).getTypeArguments().isEmpty();
            cases.addStatement("case $L -> $L.$L(($T) $L)", constants.get(i), object, member.setter(), cast, VALUE);
            any = true;
        }
        if (!any) {
            return java.util.Optional.empty();
        }
        cases.addStatement("default -> throw cannotWrite($L)", MEMBER).endControlFlow();
        MethodSpec.Builder set = MethodSpec.methodBuilder("set")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(entityType, object)
                .addParameter(memberEnum, MEMBER)
                .addParameter(Object.class, VALUE)
                .addCode(cases.build());
        if (unchecked) {
            set.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked").build());
        }
        return java.util.Optional.of(set.build());
    }

    /** Whether the runtime can write the member: it has a setter and can be written. */
    static boolean isSettable(MemberModel member) {
        return member.setter() != null && member.isWritable();
    }

    private static TypeSpec memberEnum(EntityModel entity, ClassName memberEnum, List<String> constants) {
        TypeSpec.Builder members = TypeSpec.enumBuilder(memberEnum)
                .addAnnotation(ModuleWriter.generated()) // for coverage tools, which look at each class file
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Naming.ENTITY_MEMBER)
                .addJavadoc("The members of {@link $L}, in the order the rules number them.\n", entity.simpleName());
        for (int i = 0; i < constants.size(); i++) {
            members.addEnumConstant(constants.get(i),
                    TypeSpec.anonymousClassBuilder("$S", entity.members().get(i).name()).build());
        }
        return members.addField(String.class, "memberName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "memberName")
                        .addStatement("this.memberName = memberName")
                        .build())
                .addMethod(MethodSpec.methodBuilder("memberName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return memberName")
                        .build())
                .build();
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
            return CodeBlock.of("noMembers()");
        }
        if (included.size() == entity.members().size()) {
            return CodeBlock.of("allMembers()");
        }
        return CodeBlock.of("members($L)", String.join(", ", included));
    }

    /** The rule as the user wrote it, for explanations. */
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
        return "rule " + rule.number() + ": @AccessRule(" + String.join(", ", parts) + ")"
                + (rule.isReused() ? " from @" + rule.reusedFrom().annotationName() : "");
    }

    /**
     * A constraint on one line, for a line comment: no line breaks, and backslashes doubled so that javac reads no
     * Unicode escape ({@code \u000a} would end the comment) in it.
     */
    private static String oneLine(String text) {
        return text.replace("\\", "\\\\").replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ");
    }
}
