package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.constraint.fixture.Order;
import dev.warden.processor.constraint.fixture.StubContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import javax.lang.model.element.Modifier;

/**
 * Compiles constraints on {@code Order} to Java the way the code generator will use them (a class with the
 * constants and a {@code test(order, ctx)} method returning the expression), compiles that with javac and
 * loads it, so that tests can run the generated expressions.
 */
final class CompiledRules {
    static final String PACKAGE = "generated.rules";
    private static int counter;

    final List<CompiledJavaConstraint> compiled = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final List<BiPredicate<Order, StubContext>> rules = new ArrayList<>();

    private CompiledRules() {}

    /** One rule class per constraint, all compiled in one javac run. */
    static CompiledRules of(String... constraints) {
        return of(Fixtures.ENV, constraints);
    }

    @SuppressWarnings("unchecked")
    static CompiledRules of(ConstraintEnvironment env, String... constraints) {
        CompiledRules result = new CompiledRules();
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < constraints.length; i++) {
            CheckResult checked = Fixtures.check(constraints[i], env);
            String constraint = constraints[i];
            assertTrue(checked.isWellTyped(), () -> constraint + ": " + checked.problems());
            CompiledJavaConstraint compiled = JavaConstraintCompiler.compile(checked.constraint(), Fixtures.ORDER_SHAPE,
                    env, "order", "ctx", "RULE_" + (i + 1));
            result.compiled.add(compiled);
            String name = "Rule" + (++counter);
            TypeSpec type = TypeSpec.classBuilder(name)
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addJavadoc("$L\n", constraint.replace("*/", "* /"))
                    .addSuperinterface(ParameterizedTypeName.get(
                            com.palantir.javapoet.ClassName.get(BiPredicate.class), Fixtures.ORDER, Fixtures.STUB_CONTEXT))
                    .addFields(compiled.constants())
                    .addMethod(MethodSpec.methodBuilder("test")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(TypeName.BOOLEAN)
                            .addParameter(Fixtures.ORDER, "order")
                            .addParameter(Fixtures.STUB_CONTEXT, "ctx")
                            .addStatement("return $L", compiled.expression())
                            .build())
                    .build();
            String source = JavaFile.builder(PACKAGE, type).build().toString();
            sources.put(PACKAGE + "." + name, source);
            result.sources.add(source);
            names.add(PACKAGE + "." + name);
        }
        Map<String, Class<?>> classes = InMemoryJavac.compile(sources);
        for (String name : names) {
            try {
                result.rules.add((BiPredicate<Order, StubContext>) classes.get(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return result;
    }

    /** The only rule, when compiled from one constraint. */
    BiPredicate<Order, StubContext> rule() {
        return rules.get(0);
    }

    BiPredicate<Order, StubContext> rule(int index) {
        return rules.get(index);
    }

    /** The expression of the first rule, as generated. */
    String expression() {
        return compiled.get(0).expression().toString();
    }
}
