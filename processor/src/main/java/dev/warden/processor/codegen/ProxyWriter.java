package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.MemberModel.MemberKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code SecuredOrder}: an {@code Order} as one user may see it. Its rights are worked out once when
 * it is created and again after each write through it; every getter checks read access, every setter write
 * access and then the write check (security-model §4), undoing the change when the check fails.
 */
public final class ProxyWriter {

    private static final String CONTEXT = "context";
    private static final String RIGHTS = "rights";

    private final Naming naming;
    private final Types types;

    public ProxyWriter(Naming naming, Types types) {
        this.naming = naming;
        this.types = types;
    }

    public JavaFile write(EntityModel entity) {
        ClassName proxy = naming.proxyClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName policy = naming.policyClass(entity);
        String target = Naming.variableName(entity.simpleName());
        List<String> constants = PolicyWriter.memberConstants(entity);

        TypeSpec.Builder type = TypeSpec.classBuilder(proxy)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("A {@link $T} as the user of one security context may see and change it.\n", entityType)
                .addJavadoc("\n<p>Getters throw {@link $T} for members the user may not read, setters for members they\n",
                        Naming.ACCESS_DENIED)
                .addJavadoc("may not write, and a change that would take the object out of the user's access is undone\n")
                .addJavadoc("and refused. The rights are worked out when the proxy is made and after each write through it;\n")
                .addJavadoc("changes made to the wrapped object directly are not seen until then. Not thread-safe, like\n")
                .addJavadoc("the object it wraps.\n");

        type.addField(FieldSpec.builder(ParameterizedTypeName.get(Naming.ENTITY_RULES, entityType), "RULES",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.rules()", policy).build());
        for (int i = 0; i < constants.size(); i++) {
            type.addField(FieldSpec.builder(int.class, constants.get(i), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.Member.$L.ordinal()", policy, constants.get(i)).build());
        }
        type.addField(Naming.SECURITY_CONTEXT, CONTEXT, Modifier.PRIVATE, Modifier.FINAL);
        type.addField(entityType, target, Modifier.PRIVATE, Modifier.FINAL);
        type.addField(Naming.RIGHTS, RIGHTS, Modifier.PRIVATE);

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(Naming.SECURITY_CONTEXT, CONTEXT)
                .addParameter(entityType, target)
                .addParameter(Naming.RIGHTS, RIGHTS)
                .addStatement("this.$L = $L", CONTEXT, CONTEXT)
                .addStatement("this.$L = $L", target, target)
                .addStatement("this.$L = $L", RIGHTS, RIGHTS)
                .build());

        addFactories(type, entity, proxy, entityType, target);
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            type.addMethod(getter(member, constants.get(i), target));
            if (member.isWritable() && member.setter() != null) {
                type.addMethod(setter(entity, member, constants.get(i), target));
            }
        }
        addRightsMethods(type, entity, policy, target, constants);
        addObjectMethods(type, entity, proxy, target);
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private void addFactories(TypeSpec.Builder type, EntityModel entity, ClassName proxy, ClassName entityType,
            String target) {
        ClassName context = Naming.SECURITY_CONTEXT;
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addJavadoc("Wraps {@code $L} for the current user.\n", target)
                .addJavadoc("\n@throws $T when there is no security context or the user may not see it\n", Naming.ACCESS_DENIED)
                .addParameter(entityType, target)
                .addStatement("return of($T.current(), $L)", context, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addJavadoc("Wraps {@code $L} for the user of {@code context}.\n", target)
                .addJavadoc("\n@throws $T when the user may not see it\n", Naming.ACCESS_DENIED)
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .addStatement("$T.requireNonNull($L, $S)", Objects.class, CONTEXT, CONTEXT)
                .addStatement("$T.requireNonNull($L, $S)", Objects.class, target, target)
                .addStatement("$T $L = RULES.rights($L, $L)", Naming.RIGHTS, RIGHTS, CONTEXT, target)
                .beginControlFlow("if (!$L.visible())", RIGHTS)
                .addStatement("throw RULES.denial($L, $L, $T.VIEW, -1)", CONTEXT, target, Naming.OPERATION)
                .endControlFlow()
                .addStatement("return new $T($L, $L, $L)", proxy, CONTEXT, target, RIGHTS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("ifVisible")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), proxy))
                .addJavadoc("Wraps {@code $L} for the user of {@code context}, or returns empty when it is null or\n", target)
                .addJavadoc("the user may not see it.\n")
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .beginControlFlow("if ($L == null)", target)
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow()
                .addStatement("$T $L = RULES.rights($L, $L)", Naming.RIGHTS, RIGHTS, CONTEXT, target)
                .addStatement("return $L.visible() ? $T.of(new $T($L, $L, $L)) : $T.empty()", RIGHTS, Optional.class, proxy,
                        CONTEXT, target, RIGHTS, Optional.class)
                .build());
        String plural = target + "s";
        type.addMethod(MethodSpec.methodBuilder("visibleOf")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), proxy))
                .addJavadoc("The objects of {@code $L} the user of {@code context} may see, wrapped, in iteration order;\n", plural)
                .addJavadoc("the others are left out. An unmodifiable list, empty for {@code null}.\n")
                .addParameter(context, CONTEXT)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(entityType)),
                        plural)
                .beginControlFlow("if ($L == null)", plural)
                .addStatement("return $T.of()", List.class)
                .endControlFlow()
                .addStatement("$T<$T> visible = new $T<>($L.size())", List.class, proxy, ArrayList.class, plural)
                .beginControlFlow("for ($T $L : $L)", entityType, target, plural)
                .addStatement("ifVisible($L, $L).ifPresent(visible::add)", CONTEXT, target)
                .endControlFlow()
                .addStatement("return $T.unmodifiableList(visible)", Collections.class)
                .build());

        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addJavadoc("Checks that the user of {@code context} may create {@code $L}", target)
                .addParameter(context, CONTEXT)
                .addParameter(entityType, target)
                .addStatement("$T.requireNonNull($L, $S)", Objects.class, CONTEXT, CONTEXT)
                .addStatement("$T.requireNonNull($L, $S)", Objects.class, target, target)
                .beginControlFlow("if (!RULES.canCreate($L))", CONTEXT)
                .addStatement("throw RULES.denial($L, $L, $T.CREATE, -1)", CONTEXT, target, Naming.OPERATION)
                .endControlFlow();
        Optional<MemberModel> owner = entity.ownerMember().filter(m -> m.setter() != null && m.isWritable());
        if (owner.isPresent()) {
            create.addJavadoc(", fills in its owner {@code $L}", owner.get().name())
                    .beginControlFlow("if ($L.userId() != null)", CONTEXT)
                    .addStatement("$L.$L(($T) $L.userId())", target, owner.get().setter(), boxed(owner.get().type()), CONTEXT)
                    .endControlFlow();
        }
        create.addJavadoc(" and\nmakes sure that the new object is within the user's access under a rule that allows creating it\n")
                .addJavadoc("(the write check), then wraps it.\n")
                .addJavadoc("\n@throws $T when the user may not create it\n", Naming.ACCESS_DENIED)
                .beginControlFlow("if (!RULES.isCreateAllowed($L, $L))", CONTEXT, target)
                .addStatement("throw new $T(RULES.entityName(), null, $T.CREATE, $S)", Naming.ACCESS_DENIED, Naming.OPERATION,
                        "the new object would be outside the objects your create rules apply to (write check)")
                .endControlFlow()
                .addStatement("return new $T($L, $L, RULES.rights($L, $L))", proxy, CONTEXT, target, CONTEXT, target);
        type.addMethod(create.build());
        type.addMethod(MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addJavadoc("{@link #create($T, $T)} for the current user.\n", context, entityType)
                .addParameter(entityType, target)
                .addStatement("return create($T.current(), $L)", context, target)
                .build());
    }

    private MethodSpec getter(MemberModel member, String index, String target) {
        MethodSpec.Builder getter = MethodSpec.methodBuilder(member.getter())
                .addModifiers(Modifier.PUBLIC)
                .addStatement("checkRead($L)", index);
        String read = target + "." + member.getter() + "()";
        if (member.kind() == MemberKind.TO_ONE) {
            ClassName targetProxy = naming.proxyClass(member.targetEntity());
            return getter.returns(targetProxy)
                    .addJavadoc("The associated {@code $L} if the user may see it, else null.\n", member.name())
                    .addStatement("return $T.ifVisible($L, $L).orElse(null)", targetProxy, CONTEXT, read)
                    .build();
        }
        if (member.kind() == MemberKind.TO_MANY) {
            ClassName targetProxy = naming.proxyClass(member.targetEntity());
            return getter.returns(ParameterizedTypeName.get(ClassName.get(List.class), targetProxy))
                    .addJavadoc("The associated {@code $L} the user may see; the others are left out.\n", member.name())
                    .addStatement("return $T.visibleOf($L, $L)", targetProxy, CONTEXT, read)
                    .build();
        }
        return getter.returns(TypeName.get(member.type()))
                .addJavadoc("{@code $L}, if the user may read it.\n", member.name())
                .addStatement("return $L", read)
                .build();
    }

    private MethodSpec setter(EntityModel entity, MemberModel member, String index, String target) {
        TypeName type = TypeName.get(member.type());
        String value = java.util.Set.of(CONTEXT, RIGHTS, target, "previous", "element").contains(member.name())
                ? "newValue" : member.name();
        MethodSpec.Builder setter = MethodSpec.methodBuilder(member.setter())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(type, value)
                .addJavadoc("Sets {@code $L}, if the user may write it and the object stays within their access.\n",
                        member.name())
                .addStatement("checkWrite($L)", index);
        if (member.kind() == MemberKind.TO_ONE) {
            setter.beginControlFlow("if ($L != null && !$T.isVisible($L, $L))", value,
                            naming.policyClass(member.targetEntity()), CONTEXT, value)
                    .addStatement("throw new $T(RULES.entityName(), $S, $T.WRITE, $S)", Naming.ACCESS_DENIED, member.name(),
                            Naming.OPERATION, "the object to associate is not visible to you")
                    .endControlFlow();
        } else if (member.kind() == MemberKind.TO_MANY) {
            ClassName element = naming.entityClass(member.targetEntity());
            setter.beginControlFlow("if ($L != null)", value)
                    .beginControlFlow("for ($T element : $L)", element, value)
                    .beginControlFlow("if (element != null && !$T.isVisible($L, element))",
                            naming.policyClass(member.targetEntity()), CONTEXT)
                    .addStatement("throw new $T(RULES.entityName(), $S, $T.WRITE, $S)", Naming.ACCESS_DENIED, member.name(),
                            Naming.OPERATION, "one of the objects to associate is not visible to you")
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        return setter
                .addStatement("$T previous = $L.$L()", type, target, member.getter())
                .addStatement("$L.$L($L)", target, member.setter(), value)
                .addStatement("afterWrite($L, () -> $L.$L(previous))", index, target, member.setter())
                .build();
    }

    private void addRightsMethods(TypeSpec.Builder type, EntityModel entity, ClassName policy, String target,
            List<String> constants) {
        ClassName memberEnum = policy.nestedClass("Member");
        type.addMethod(MethodSpec.methodBuilder("canRead")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addJavadoc("Whether the user may read this member.\n")
                .addParameter(memberEnum, "member")
                .addStatement("return $L.canRead(member.ordinal())", RIGHTS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("canWrite")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addJavadoc("Whether the user may change this member.\n")
                .addParameter(memberEnum, "member")
                .addStatement("return $L.canWrite(member.ordinal())", RIGHTS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("canDelete")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addJavadoc("Whether the user may delete the object.\n")
                .addStatement("return $L.canDelete()", RIGHTS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("checkDelete")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Throws unless the user may delete the object.\n")
                .addJavadoc("\n@throws $T when the user may not delete it\n", Naming.ACCESS_DENIED)
                .beginControlFlow("if (!$L.canDelete())", RIGHTS)
                .addStatement("throw RULES.denial($L, $L, $T.DELETE, -1)", CONTEXT, target, Naming.OPERATION)
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("explain")
                .addModifiers(Modifier.PUBLIC)
                .returns(Naming.EXPLANATION)
                .addJavadoc("Which rules give the user which rights on this object.\n")
                .addStatement("return RULES.explain($L, $L)", CONTEXT, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("securityContext")
                .addModifiers(Modifier.PUBLIC)
                .returns(Naming.SECURITY_CONTEXT)
                .addJavadoc("The security context this proxy checks against.\n")
                .addStatement("return $L", CONTEXT)
                .build());

        MethodSpec.Builder readable = MethodSpec.methodBuilder("readableValues")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Map.class, String.class, Object.class))
                .addJavadoc("The members the user may read, by name, in declaration order: what a user interface or\n")
                .addJavadoc("JSON writer may show. Associations appear as secured proxies, limited to what the user may see.\n")
                .addStatement("$T<$T, $T> values = new $T<>()", Map.class, String.class, Object.class, LinkedHashMap.class);
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            readable.beginControlFlow("if ($L.canRead($L))", RIGHTS, constants.get(i))
                    .addStatement("values.put($S, $L())", member.name(), member.getter())
                    .endControlFlow();
        }
        type.addMethod(readable.addStatement("return $T.unmodifiableMap(values)", Collections.class).build());

        type.addMethod(MethodSpec.methodBuilder("checkRead")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(int.class, "member")
                .beginControlFlow("if (!$L.canRead(member))", RIGHTS)
                .addStatement("throw RULES.denial($L, $L, $T.READ, member)", CONTEXT, target, Naming.OPERATION)
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("checkWrite")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(int.class, "member")
                .beginControlFlow("if (!$L.canWrite(member))", RIGHTS)
                .addStatement("throw RULES.denial($L, $L, $T.WRITE, member)", CONTEXT, target, Naming.OPERATION)
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("afterWrite")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("The write check: after a change the user must still be allowed to write the member;\n")
                .addJavadoc("otherwise the change is undone and refused.\n")
                .addParameter(int.class, "member")
                .addParameter(Runnable.class, "undo")
                .addStatement("$T after = RULES.rights($L, $L)", Naming.RIGHTS, CONTEXT, target)
                .beginControlFlow("if (!after.canWrite(member))")
                .addStatement("undo.run()")
                .addStatement("throw new $T(RULES.entityName(), RULES.memberName(member), $T.WRITE, $S)",
                        Naming.ACCESS_DENIED, Naming.OPERATION,
                        "the change would take the object out of what you may change (write check); it was undone")
                .endControlFlow()
                .addStatement("$L = after", RIGHTS)
                .build());
    }

    private void addObjectMethods(TypeSpec.Builder type, EntityModel entity, ClassName proxy, String target) {
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(Object.class, "other")
                .addJavadoc("Two proxies are equal when they wrap the same object for the same context.\n")
                .addStatement("return other instanceof $T that && that.$L == $L && that.$L.equals($L)", proxy, target, target,
                        CONTEXT, CONTEXT)
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $T.identityHashCode($L)", System.class, target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("Names the entity only: member values are never printed, readable or not.\n")
                .addStatement("return $S", proxy.simpleName() + "[" + entity.simpleName() + "]")
                .build());
    }

    private TypeName boxed(TypeMirror type) {
        return type.getKind().isPrimitive()
                ? TypeName.get(types.boxedClass(types.getPrimitiveType(type.getKind())).asType())
                : TypeName.get(type);
    }
}
