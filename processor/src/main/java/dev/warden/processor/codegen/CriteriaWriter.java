package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.warden.processor.constraint.CompiledJavaConstraint;
import dev.warden.processor.constraint.CriteriaConstraintCompiler;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.RulePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code OrderCriteria}: each rule's constraint as a JPA Criteria predicate, for the query filters of
 * {@code dev.warden.jpa.query} (the runtime's {@code EntityCriteria} decides which rules apply to the user, as the
 * SQL filter does, and asks this class only for the predicate of each constraint). Written only when the JPA
 * Criteria API and {@code warden-jpa} are on the class path, for JPA entities.
 */
public final class CriteriaWriter {

    /** The base class in {@code warden-jpa}; its presence on the class path turns this writer on. */
    public static final String ENTITY_CRITERIA = "dev.warden.jpa.query.EntityCriteria";
    private static final ClassName BASE = ClassName.bestGuess(ENTITY_CRITERIA);
    private static final ClassName CONDITIONS = ClassName.get("dev.warden.jpa.query", "Conditions");
    private static final ClassName PREDICATE = ClassName.get("jakarta.persistence.criteria", "Predicate");
    private static final ClassName FROM = ClassName.get("jakarta.persistence.criteria", "From");
    private static final String RULE = "rule";
    private static final String CONDITIONS_VAR = "c";

    private final Naming naming;

    public CriteriaWriter(Naming naming) {
        this.naming = naming;
    }

    public JavaFile write(EntityPlan plan) {
        EntityModel entity = plan.entity();
        ClassName criteria = naming.criteriaClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        String root = Naming.variableName(entity.simpleName());
        if (root.equals(RULE) || root.equals(CONDITIONS_VAR)) {
            root = root + "Object";
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(criteria)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(BASE, entityType))
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("The constraints of {@link $T}'s rules as JPA Criteria predicates (see {@link $T}).\n",
                        entityType, BASE)
                .addField(FieldSpec.builder(criteria, "CRITERIA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", criteria)
                        .build());
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch ($L)", RULE);
        boolean any = false;
        List<FieldSpec> constants = new ArrayList<>();
        for (RulePlan rule : plan.rules()) {
            if (rule.constraint().isEmpty()) {
                continue;
            }
            CompiledJavaConstraint compiled = CriteriaConstraintCompiler.compile(rule.constraint().get(), root,
                    CONDITIONS_VAR, "RULE_" + rule.number(), Set.of(RULE));
            constants.addAll(compiled.constants());
            RuleModel model = rule.rule();
            cases.add("case $L: // $L\n", model.number(), oneLine(model.constraint()))
                    .indent().addStatement("return $L", compiled.expression()).unindent();
            any = true;
        }
        constants.forEach(type::addField);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addStatement("super($T.RULES)", naming.policyClass(entity)).build());
        if (any) {
            cases.add("default:\n").indent()
                    .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, "no constraint in rule ", RULE)
                    .unindent().endControlFlow();
            type.addMethod(MethodSpec.methodBuilder("holds")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PROTECTED)
                    .returns(PREDICATE)
                    .addParameter(int.class, RULE)
                    .addParameter(CONDITIONS, CONDITIONS_VAR)
                    .addParameter(ParameterizedTypeName.get(FROM, WildcardTypeName.subtypeOf(Object.class),
                            WildcardTypeName.subtypeOf(entityType)), root)
                    .addCode(cases.build())
                    .build());
        }
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    /** A constraint on one line, for a line comment (no Unicode escape javac would read). */
    private static String oneLine(String text) {
        return text.replace("\\", "\\\\").replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ");
    }
}
