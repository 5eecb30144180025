package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.TokenModel;
import dev.warden.processor.model.UserRoleModel;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Types;

/**
 * Writes the application model, {@code ShopApplicationSecurity}: the security level, the user roles with
 * the module roles they map to and the user roles they may manage, the anonymous role, the user id type and the
 * custom tokens.
 */
public final class ApplicationWriter {

    /**
     * Where the application model is listed for the runtime, relative to the class output: the name of the generated
     * class, which registers itself when it is initialized. The runtime's {@code GeneratedServices} reads it.
     */
    public static final String INDEX = "META-INF/warden/generated/dev.warden.runtime.ApplicationModel";
    /** Where it is listed for {@code ServiceLoader} on the class path. */
    public static final String SERVICES = "META-INF/services/dev.warden.runtime.ApplicationModel";

    static final ClassName GENERATED_SERVICES = ClassName.get(Naming.RUNTIME + ".internal", "GeneratedServices");

    private final Types types;

    public ApplicationWriter(Types types) {
        this.types = types;
    }

    public JavaFile write(AppModel app, Element originating) {
        CodeBlock.Builder definition = CodeBlock.builder()
                .add("builder($S)\n", app.simpleName())
                .indent().indent()
                .add(".level($T.$L)\n", Naming.SECURITY_LEVEL, app.level().name())
                .add(".userIdType($T.class)", boxedErasure(app.userIdType()));
        for (UserRoleModel role : app.userRoles()) {
            definition.add("\n.userRole($S", role.name());
            for (NameRef moduleRole : role.moduleRoles()) {
                definition.add(", $S", moduleRole.text());
            }
            definition.add(")");
        }
        for (UserRoleModel role : app.userRoles()) {
            if (!role.manageableRoles().isEmpty()) {
                definition.add("\n.manageableRoles($S", role.name());
                for (String managed : role.manageableRoleNames()) {
                    definition.add(", $S", managed);
                }
                definition.add(")");
            }
        }
        app.anonymousRole().ifPresent(a -> definition.add("\n.anonymousRole($S)", a.text()));
        for (TokenModel token : app.tokens()) {
            definition.add("\n.token($S, $T.class)", token.name(), boxedErasure(token.type()));
        }
        definition.unindent().unindent();

        TypeSpec type = TypeSpec.classBuilder(Naming.applicationClass(app))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(Naming.APPLICATION_MODEL)
                .addAnnotation(ModuleWriter.generated())
                .addJavadoc("The security model of {@link $L}, generated from its {@code @AppSecurity}.\n", app.simpleName())
                .addJavadoc("\n<p>Listed in {@code $L}\nand registered when the class is initialized, so that\n", INDEX)
                .addJavadoc("{@code ApplicationModel.defaultModel()} finds it on the class path and in a named module.\n")
                .addOriginatingElement(originating)
                .addField(FieldSpec.builder(Naming.applicationClass(app), "INSTANCE", Modifier.PUBLIC, Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("The application model, for passing to {@code SecurityContext.open(app, user)}.\n")
                        .initializer("new $T()", Naming.applicationClass(app))
                        .build())
                .addStaticBlock(CodeBlock.of("$T.register($T.class, INSTANCE);\n", GENERATED_SERVICES,
                        Naming.APPLICATION_MODEL))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("For {@link java.util.ServiceLoader}, which finds the registered {@link #INSTANCE}"
                                + " instead; use that.\n")
                        .addStatement("super($L)", definition.build())
                        .build())
                .build();
        return JavaFile.builder(app.packageName(), type).skipJavaLangImports(true).build();
    }

    private TypeName boxedErasure(javax.lang.model.type.TypeMirror type) {
        javax.lang.model.type.TypeMirror boxed = type.getKind().isPrimitive()
                ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                : types.erasure(type);
        return TypeName.get(boxed);
    }
}
