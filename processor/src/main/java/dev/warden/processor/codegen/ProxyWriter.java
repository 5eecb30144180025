package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.MemberModel.ValueCopy;
import dev.warden.processor.plan.EntityPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Writes {@code SecuredOrder}: an {@code Order} as one user may see it, on the runtime's {@code SecuredObject},
 * which holds the checks. The generated class has the factories and one getter and setter per member, each a
 * single statement: a getter reads through {@code readable(member)}, which checks the right first, and wraps
 * associations in their own proxies and copies mutable values; a setter hands the (copied) value to
 * {@code write(member, value)}.
 */
public final class ProxyWriter {

    private static final String CONTEXT = "context";
    private static final String RIGHTS = "rights";
    private static final ClassName SECURED_OBJECT = ClassName.get(Naming.RUNTIME, "SecuredObject");
    private static final ClassName COPIES = ClassName.get(Naming.RUNTIME + ".internal", "Copies");

    private final Naming naming;

    public ProxyWriter(Naming naming) {
        this.naming = naming;
    }

    public JavaFile write(EntityPlan plan) {
        EntityModel entity = plan.entity();
        ClassName proxy = naming.proxyClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName policy = naming.policyClass(entity);
        ClassName memberEnum = policy.nestedClass("Member");
        String target = Naming.variableName(entity.simpleName());
        List<String> constants = PolicyWriter.memberConstants(entity);

        TypeSpec.Builder type = TypeSpec.classBuilder(proxy)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(SECURED_OBJECT, entityType, memberEnum))
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("{@link $T} as the user of one security context may see and change it; see {@link $T}.\n",
                        entityType, SECURED_OBJECT)
                // named in full: an import used only by the Javadoc is an unused import to the Eclipse compiler
                .addJavadoc("\n<p>{@code of} wraps an object the user may see (else {@link $L}), {@code ifVisible} and\n",
                        Naming.ACCESS_DENIED.canonicalName())
                .addJavadoc("{@code visibleOf} keep only the objects the user may see, {@code create} runs the create check\n")
                .addJavadoc("(filling in the owner) first; the forms without a context use the current one.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(Naming.SECURITY_CONTEXT, CONTEXT)
                        .addParameter(entityType, target)
                        .addParameter(Naming.RIGHTS, RIGHTS)
                        .addStatement("super($T.RULES, $L, $L, $L)", policy, CONTEXT, target, RIGHTS)
                        .build());
        addFactories(type, proxy, entityType, policy, target);
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            type.addMethod(getter(member, memberEnum, constants.get(i)));
            if (PolicyWriter.isSettable(member)) {
                type.addMethod(setter(member, memberEnum, constants.get(i), target));
            }
        }
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private static void addFactories(TypeSpec.Builder type, ClassName proxy, ClassName entityType, ClassName policy,
            String target) {
        ClassName context = Naming.SECURITY_CONTEXT;
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .addStatement("return new $T($L, $L, $T.RULES.rightsToSee($L, $L))", proxy, CONTEXT, target, policy,
                        CONTEXT, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addParameter(entityType, target)
                .addStatement("return of($T.current(), $L)", context, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("ifVisible")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), proxy))
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .addStatement("return $T.RULES.ifVisible($L, $L, $T::new)", policy, CONTEXT, target, proxy)
                .build());
        String plural = target + "s";
        type.addMethod(MethodSpec.methodBuilder("visibleOf")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), proxy))
                .addParameter(context, CONTEXT)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class),
                        WildcardTypeName.subtypeOf(entityType)), plural)
                .addStatement("return $T.RULES.visibleOf($L, $L, $T::new)", policy, CONTEXT, plural, proxy)
                .build());
        type.addMethod(MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .addStatement("return new $T($L, $L, $T.RULES.checkCreate($L, $L))", proxy, CONTEXT, target, policy,
                        CONTEXT, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addParameter(entityType, target)
                .addStatement("return create($T.current(), $L)", context, target)
                .build());
    }

    private MethodSpec getter(MemberModel member, ClassName memberEnum, String constant) {
        CodeBlock read = CodeBlock.of("readable($T.$L).$L()", memberEnum, constant, member.getter());
        MethodSpec.Builder getter = MethodSpec.methodBuilder(member.getter()).addModifiers(Modifier.PUBLIC);
        if (!member.kind().isAssociation()) {
            return getter.returns(TypeName.get(member.type()))
                    .addStatement("return $L", member.copy() == ValueCopy.COPY ? copy(read) : read)
                    .build();
        }
        ClassName targetProxy = naming.proxyClass(member.targetEntity());
        TypeName proxies = ParameterizedTypeName.get(ClassName.get(List.class), targetProxy);
        return switch (member.container()) {
            case NONE -> getter.returns(targetProxy)
                    .addStatement("return $T.ifVisible(securityContext(), $L).orElse(null)", targetProxy, read)
                    .build();
            case OPTIONAL -> getter.returns(ParameterizedTypeName.get(ClassName.get(Optional.class), targetProxy))
                    .addStatement("return $T.ifVisible(securityContext(), orNull($L))", targetProxy, read)
                    .build();
            case COLLECTION, ITERABLE -> getter.returns(proxies)
                    .addStatement("return $T.visibleOf(securityContext(), $L)", targetProxy, read)
                    .build();
            case ARRAY -> getter.returns(proxies)
                    .addStatement("return $T.visibleOf(securityContext(), listOf($L))", targetProxy, read)
                    .build();
            case MAP -> getter.returns(ParameterizedTypeName.get(ClassName.get(Map.class),
                            TypeName.get(mapKey(member.type())), targetProxy))
                    .addStatement("return visibleValues($L, $T::ifVisible)", read, targetProxy)
                    .build();
            case UNKNOWN -> throw new IllegalStateException("validation lets no container of unknown elements through");
        };
    }

    private MethodSpec setter(MemberModel member, ClassName memberEnum, String constant, String target) {
        String parameter = Set.of(CONTEXT, RIGHTS, target).contains(member.name()) ? "newValue" : member.name();
        CodeBlock value = CodeBlock.of("$L", parameter);
        return MethodSpec.methodBuilder(member.setter())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeName.get(member.type()), parameter)
                .addStatement("write($T.$L, $L)", memberEnum, constant, member.copy() == ValueCopy.COPY ? copy(value) : value)
                .build();
    }

    private static CodeBlock copy(CodeBlock value) {
        return CodeBlock.of("$T.of($L)", COPIES, value);
    }

    /** The key type of a {@code Map<K, T>} member (or of the map type it extends). */
    private static TypeMirror mapKey(TypeMirror type) {
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 2) {
            return declared.getTypeArguments().get(0);
        }
        if (type instanceof ArrayType) {
            throw new IllegalArgumentException("not a map: " + type);
        }
        throw new IllegalStateException("validation lets only Map<K, T> members through as maps: " + type);
    }
}
