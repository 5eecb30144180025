package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.model.OperationModel;
import dev.warden.processor.model.OperationTypeModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code OrderServiceOperations}: one {@code SecuredOperation} constant per operation of a type with
 * {@code @AllowedRoles}, and the registry of them that {@code Operations} finds.
 */
public final class OperationWriter {

    /**
     * Where the registries of a compilation are listed for the runtime, relative to the class output; each registers
     * itself when its class is initialized.
     */
    public static final String INDEX = "META-INF/warden/generated/dev.warden.runtime.OperationRegistry";
    /** Where they are listed for {@code ServiceLoader} on the class path. */
    public static final String SERVICES = "META-INF/services/dev.warden.runtime.OperationRegistry";

    static final ClassName SECURED_OPERATION = ClassName.get(Naming.RUNTIME, "SecuredOperation");
    static final ClassName OPERATION_REGISTRY = ClassName.get(Naming.RUNTIME, "OperationRegistry");

    /** The generated class of a type: {@code OrderServiceOperations}, {@code Shop_OrderServiceOperations}. */
    public static ClassName registryClass(OperationTypeModel type) {
        ClassName typeName = ClassName.get(type.element());
        return ClassName.get(typeName.packageName(), String.join("_", typeName.simpleNames()) + "Operations");
    }

    /** The constants of the operations, by operation name: {@code placeOrder} to {@code PLACE_ORDER}. */
    public static Map<String, String> constants(OperationTypeModel type) {
        Map<String, String> constants = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String name : type.byName().keySet()) {
            String constant = Naming.constantName(name);
            while (!used.add(constant)) {
                constant = constant + "_";
            }
            constants.put(name, constant);
        }
        return constants;
    }

    /** The file for a type whose operations validated. */
    public JavaFile write(OperationTypeModel type) {
        ClassName registry = registryClass(type);
        ClassName target = ClassName.get(type.element());
        TypeSpec.Builder spec = TypeSpec.classBuilder(registry)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(OPERATION_REGISTRY)
                .addAnnotation(ModuleWriter.generated())
                .addJavadoc("The operations of {@link $T} that {@code @AllowedRoles} protects, one constant each:\n",
                        target)
                .addJavadoc("{@code $T.$L.check(context)} throws unless the context may run it.\n", registry,
                        constants(type).values().iterator().next())
                .addJavadoc("\n<p>Listed in {@code $L}\nand registered when the class is initialized, so that\n", INDEX)
                .addJavadoc("{@code Operations} finds them by type and method name, on the class path and in a named module.\n")
                .addOriginatingElement(type.element());
        CodeBlock.Builder all = CodeBlock.builder();
        for (Map.Entry<String, String> constant : constants(type).entrySet()) {
            List<OperationModel> methods = type.byName().get(constant.getKey());
            OperationModel first = methods.get(0);
            CodeBlock.Builder roles = CodeBlock.builder();
            for (String role : first.roles().qualifiedRoles()) {
                roles.add(", $S", role);
            }
            spec.addField(FieldSpec.builder(SECURED_OPERATION, constant.getValue(), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code $L}$L: for module roles $L, from {@code @AllowedRoles} on $L.\n",
                            constant.getKey(), methods.size() > 1 ? " (" + methods.size() + " overloads)" : "",
                            String.join(", ", first.roles().qualifiedRoles()),
                            first.ownAnnotation() ? "the method" : "the type")
                    .initializer("$T.of($T.class, $S$L)", SECURED_OPERATION, target, constant.getKey(), roles.build())
                    .build());
            all.add(", $N", constant.getValue());
        }
        spec.addStaticBlock(CodeBlock.of("$T.register($T.class, new $T());\n", ApplicationWriter.GENERATED_SERVICES,
                OPERATION_REGISTRY, registry));
        spec.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("For {@link java.util.ServiceLoader}; use the constants instead.\n")
                .addStatement("super($T.class$L)", target, all.build())
                .build());
        return JavaFile.builder(registry.packageName(), spec.build()).skipJavaLangImports(true).build();
    }
}
