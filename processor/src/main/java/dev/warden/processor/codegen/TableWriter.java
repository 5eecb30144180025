package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.MemberModel.MemberKind;
import dev.warden.processor.model.TableMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Writes {@code OrderTable}: how {@code Order} is stored (table, columns, key), each rule's constraint as SQL
 * (compiled at build time, with every value a bound parameter), and how to turn a row into an object and
 * back without reflection. The runtime's data access layer builds its queries from it.
 */
public final class TableWriter {

    private static final ClassName ENTITY_TABLE = ClassName.get(Naming.RUNTIME + ".sql", "EntityTable");
    static final ClassName SQL_TEMPLATE = ClassName.get(Naming.RUNTIME + ".sql", "SqlTemplate");
    static final ClassName SQL_PARAM = ClassName.get(Naming.RUNTIME + ".sql", "SqlParam");

    private final Naming naming;
    private final Types types;
    private final Function<String, Optional<EntityModel>> entities;
    private final Function<EntityModel, TableMapping> mappings;
    private final List<MethodSpec> extraMethods = new java.util.ArrayList<>();

    public TableWriter(Naming naming, Types types, Function<String, Optional<EntityModel>> entities,
            Function<EntityModel, TableMapping> mappings) {
        this.naming = naming;
        this.types = types;
        this.entities = entities;
        this.mappings = mappings;
    }

    /** The generated class name: {@code OrderTable}. */
    public ClassName tableClass(EntityModel entity) {
        ClassName policy = naming.policyClass(entity);
        String simple = policy.simpleName();
        return ClassName.get(policy.packageName(), simple.substring(0, simple.length() - "Policy".length()) + "Table");
    }

    public JavaFile write(EntityModel entity, Map<Integer, CompiledSql> constraints) {
        TableMapping mapping = mappings.apply(entity);
        ClassName table = tableClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName policy = naming.policyClass(entity);
        String object = Naming.variableName(entity.simpleName());

        CodeBlock.Builder init = CodeBlock.builder()
                .add("$T.<$T>builder($T.rules(), $S, $L)\n", ENTITY_TABLE, entityType, policy, mapping.table(), mapping.key())
                .indent().indent();
        for (int i = 0; i < entity.members().size(); i++) {
            String column = mapping.columns().get(i);
            if (column != null) {
                init.add(".column($L, $S, $T.class)  // $L\n", i, column, columnType(entity.members().get(i)),
                        entity.members().get(i).name());
            }
        }
        entity.ownerMember().ifPresent(owner -> init.add(".owner($L)\n", entity.members().indexOf(owner)));
        for (Map.Entry<Integer, CompiledSql> rule : constraints.entrySet()) {
            init.add(".constraint($L, $L)\n", rule.getKey(), rule.getValue().template());
        }
        init.add(".reader($T::read)\n", table).add(".writer($T::value)\n", table).add(".build()").unindent().unindent();

        extraMethods.clear();
        MethodSpec reader = reader(entity, mapping, entityType, object);
        TypeSpec type = TypeSpec.classBuilder(table)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("How {@link $T} is stored in table {@code $L}, and its rules' constraints as SQL, for the\n",
                        entityType, mapping.table())
                .addJavadoc("secure data access layer. Every value in the SQL is a bound parameter.\n")
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ENTITY_TABLE, entityType), "TABLE",
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The table, its columns and the rules' constraints as SQL.\n")
                        .initializer(init.build())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(reader)
                .addMethods(List.copyOf(extraMethods))
                .addMethod(writer(entity, mapping, entityType, object))
                .build();
        return JavaFile.builder(entity.packageName(), type).skipJavaLangImports(true).build();
    }

    private MethodSpec reader(EntityModel entity, TableMapping mapping, ClassName entityType, String object) {
        MethodSpec.Builder read = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(entityType)
                .addParameter(Object[].class, "values")
                .addJavadoc("$L {@code $L} from column values by member index ({@code null} where not selected).\n",
                        "AEIOU".indexOf(entity.simpleName().charAt(0)) >= 0 ? "An" : "A", entity.simpleName());
        if (entity.record()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            List<MemberModel> members = entity.members();
            boolean first = true;
            for (int i = 0; i < members.size(); i++) {
                MemberModel member = members.get(i);
                if (member.isCalculated() && member.element().getKind() != ElementKind.RECORD_COMPONENT) {
                    continue;
                }
                arguments.add(first ? "\n$L" : ",\n$L", valueOf(member, mapping.columns().get(i), i));
                first = false;
            }
            return read.addStatement("return new $T($>$L$<)", entityType, arguments.build()).build();
        }
        read.addStatement("$T $L = new $T()", entityType, object, entityType);
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            if (mapping.columns().get(i) == null || member.setter() == null) {
                continue;
            }
            read.beginControlFlow("if (values[$L] != null)", i)
                    .addStatement("$L.$L($L)", object, member.setter(), valueOf(member, mapping.columns().get(i), i))
                    .endControlFlow();
        }
        return read.addStatement("return $L", object).build();
    }

    /** The expression for member {@code i} from {@code values[i]}, a reference object for a to-one. */
    private CodeBlock valueOf(MemberModel member, String column, int i) {
        if (column == null) {
            return CodeBlock.of("$L", defaultValue(member.type()));
        }
        if (member.kind() == MemberKind.TO_ONE) {
            return reference(member, CodeBlock.of("values[$L]", i));
        }
        TypeMirror type = member.type();
        if (type.getKind().isPrimitive()) {
            return CodeBlock.of("values[$L] == null ? $L : ($T) values[$L]", i, defaultValue(type), boxed(type), i);
        }
        return CodeBlock.of("($T) values[$L]", TypeName.get(types.erasure(type)), i);
    }

    /** A reference to the associated object holding only its key, or null when the key is null. */
    private CodeBlock reference(MemberModel member, CodeBlock key) {
        Optional<EntityModel> target = entities.apply(member.targetEntity());
        ClassName targetType = naming.entityClass(member.targetEntity());
        if (target.isEmpty() || target.get().keyMember().isEmpty()) {
            return CodeBlock.of("null");
        }
        MemberModel targetKey = target.get().keyMember().get();
        TypeName keyType = boxed(targetKey.type());
        if (target.get().record()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            boolean first = true;
            for (MemberModel component : target.get().members()) {
                if (component.element().getKind() != ElementKind.RECORD_COMPONENT) {
                    continue;
                }
                CodeBlock value = component == targetKey ? CodeBlock.of("($T) $L", keyType, key)
                        : CodeBlock.of("$L", defaultValue(component.type()));
                arguments.add(first ? "$L" : ", $L", value);
                first = false;
            }
            return CodeBlock.of("$L == null ? null : new $T($L)", key, targetType, arguments.build());
        }
        if (targetKey.setter() != null && hasNoArgConstructor(target.get())) {
            String method = member.name() + "Reference";
            String variable = Naming.variableName(targetType.simpleName());
            extraMethods.add(MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(targetType)
                    .addParameter(keyType, "key")
                    .addJavadoc("A {@code $L} that stands for the associated object: only its key is set.\n",
                            targetType.simpleName())
                    .addStatement("$T $L = new $T()", targetType, variable, targetType)
                    .addStatement("$L.$L(key)", variable, targetKey.setter())
                    .addStatement("return $L", variable)
                    .build());
            return CodeBlock.of("$L == null ? null : $L(($T) $L)", key, method, keyType, key);
        }
        return CodeBlock.of("null /* $L cannot be created from its key: it needs a no-argument constructor and $L(...) */",
                targetType.simpleName(), "set" + Naming.capitalize(targetKey.name()));
    }

    private MethodSpec writer(EntityModel entity, TableMapping mapping, ClassName entityType, String object) {
        MethodSpec.Builder value = MethodSpec.methodBuilder("value")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Object.class)
                .addParameter(entityType, object)
                .addParameter(int.class, "member")
                .addJavadoc("The column value of a member: the member's value, or the key of an associated object.\n")
                .beginControlFlow("switch (member)");
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            if (mapping.columns().get(i) == null) {
                continue;
            }
            String read = object + "." + member.getter() + "()";
            if (member.kind() == MemberKind.TO_ONE) {
                Optional<MemberModel> targetKey = entities.apply(member.targetEntity()).flatMap(EntityModel::keyMember);
                if (targetKey.isEmpty()) {
                    value.addStatement("case $L: return null", i);
                } else {
                    value.addStatement("case $L: return $L == null ? null : $L.$L()", i, read, read, targetKey.get().getter());
                }
            } else {
                value.addStatement("case $L: return $L", i, read);
            }
        }
        return value.addStatement("default: throw new $T($S + member)", IllegalArgumentException.class,
                        "no column for member ")
                .endControlFlow()
                .build();
    }

    private TypeName columnType(MemberModel member) {
        if (member.kind() == MemberKind.TO_ONE) {
            return entities.apply(member.targetEntity()).flatMap(EntityModel::keyMember)
                    .map(key -> boxed(key.type())).orElse(ClassName.get(Object.class));
        }
        return boxed(member.type());
    }

    private TypeName boxed(TypeMirror type) {
        return TypeName.get(type.getKind().isPrimitive()
                ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                : types.erasure(type));
    }

    private static String defaultValue(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> "false";
            case CHAR -> "'\\0'";
            case LONG -> "0L";
            case FLOAT -> "0f";
            case DOUBLE -> "0d";
            case BYTE, SHORT, INT -> "0";
            default -> "null";
        };
    }

    private static boolean hasNoArgConstructor(EntityModel entity) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(entity.element().getEnclosedElements());
        return constructors.isEmpty() || constructors.stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    }
}
