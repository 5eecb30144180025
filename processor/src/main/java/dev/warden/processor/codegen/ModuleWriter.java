package dev.warden.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.model.ModuleModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SalesModule}: the module's descriptor, which numbers its roles for the bitmasks of the
 * generated policies, and one constant per role.
 */
public final class ModuleWriter {

    /** The name of the descriptor constant in the generated class. */
    public static final String DESCRIPTOR = "DESCRIPTOR";

    public JavaFile write(ModuleModel module, Element originating) {
        TypeSpec.Builder type = TypeSpec.classBuilder(Naming.moduleClass(module))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated())
                .addJavadoc("The roles of module {@code $L}, declared with {@code @Module} on package {@code $L}.\n",
                        module.name(), module.packageName())
                .addJavadoc("\n<p>Each role is one bit; a user's roles in this module are the OR of the bits of the module\n")
                .addJavadoc("roles their user roles map to.\n")
                .addOriginatingElement(originating);

        CodeBlock.Builder roleNames = CodeBlock.builder();
        List<String> roles = module.roleNames();
        for (String role : roles) {
            roleNames.add(", $S", role);
        }
        type.addField(FieldSpec.builder(Naming.MODULE_DESCRIPTOR, DESCRIPTOR, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The module as the runtime sees it: its name and its roles in bit order.\n")
                .initializer("new $T($S$L)", Naming.MODULE_DESCRIPTOR, module.name(), roleNames.build())
                .build());
        Set<String> used = new HashSet<>(Set.of(DESCRIPTOR));
        for (int i = 0; i < roles.size(); i++) {
            type.addField(FieldSpec.builder(long.class, roleConstant(roles.get(i), used), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("Module role {@code $L}.\n", module.qualify(roles.get(i)))
                    .initializer("1L << $L", i)
                    .build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return JavaFile.builder(module.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    /** The constant for a role in the generated module class; callers must use the same names. */
    public static String roleConstant(ModuleModel module, String role) {
        Set<String> used = new HashSet<>(Set.of(DESCRIPTOR));
        String result = null;
        for (String declared : module.roleNames()) {
            String name = roleConstant(declared, used);
            if (declared.equals(role)) {
                result = name;
            }
        }
        return result;
    }

    private static String roleConstant(String role, Set<String> used) {
        String name = Naming.constantName(role);
        while (!used.add(name)) {
            name = name + "_ROLE";
        }
        return name;
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(Naming.GENERATED).addMember("value", "$S", Naming.PROCESSOR).build();
    }
}
