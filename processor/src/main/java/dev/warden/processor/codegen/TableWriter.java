package dev.warden.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warden.processor.constraint.CompiledSqlConstraint;
import dev.warden.processor.constraint.SqlParamSpec;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.TablePlan;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code OrderTable}: how {@code Order} is stored (table, key, the column of each member), each rule's
 * constraint as SQL (compiled at build time, every value a bound parameter), and how to make an object to read
 * into. The runtime's data access layer builds its statements from it.
 */
public final class TableWriter {

    private static final ClassName ENTITY_TABLE = ClassName.get(Naming.RUNTIME + ".sql", "EntityTable");
    private static final ClassName KEY_GENERATION = ENTITY_TABLE.nestedClass("KeyGeneration");
    static final ClassName SQL_PARAM = ClassName.get(Naming.RUNTIME + ".sql", "SqlParam");

    private final Naming naming;
    private final Types types;

    public TableWriter(Naming naming, Types types) {
        this.naming = naming;
        this.types = types;
    }

    /** The generated class name: {@code OrderTable}. */
    public ClassName tableClass(EntityModel entity) {
        ClassName policy = naming.policyClass(entity);
        String simple = policy.simpleName();
        return ClassName.get(policy.packageName(), simple.substring(0, simple.length() - "Policy".length()) + "Table");
    }

    public JavaFile write(EntityPlan plan, TablePlan table) {
        EntityModel entity = plan.entity();
        ClassName tableClass = tableClass(entity);
        ClassName entityType = naming.entityClass(entity.qualifiedName());
        ClassName policy = naming.policyClass(entity);
        ClassName memberEnum = policy.nestedClass("Member");
        List<String> constants = PolicyWriter.memberConstants(entity);

        CodeBlock.Builder init = CodeBlock.builder();
        if (entity.record()) {
            init.add("$T.builder($T.RULES, $S, $T.$L)\n", ENTITY_TABLE, policy, table.mapping().table(), memberEnum,
                    constants.get(table.mapping().key()));
        } else {
            init.add("$T.builder($T.RULES, $S, $T.$L, $T::new)\n", ENTITY_TABLE, policy, table.mapping().table(),
                    memberEnum, constants.get(table.mapping().key()), entityType);
        }
        init.indent().indent();
        for (TablePlan.Column column : table.columns()) {
            init.add(".column($T.$L, $S, $T.class)\n", memberEnum, constants.get(column.member()), column.name(),
                    TypeName.get(column.javaType()));
        }
        table.discriminator().ifPresent(d -> init.add(".discriminator($S, $S)\n", d.column(), d.value()));
        for (TablePlan.Column column : table.columns()) {
            if (table.mapping().ordinalEnums().contains(column.member())) {
                init.add(".ordinal($T.$L)\n", memberEnum, constants.get(column.member()));
            }
        }
        if (table.version() >= 0) {
            init.add(".version($T.$L)\n", memberEnum, constants.get(table.version()));
        }
        table.keyGeneration().ifPresent(g -> init.add(".keyGeneration(new $T($T.$L, $L))\n", KEY_GENERATION,
                KEY_GENERATION.nestedClass("Strategy"), g.strategy(),
                g.sequence() == null ? "null" : CodeBlock.of("$S", g.sequence())));
        for (Map.Entry<Integer, CompiledSqlConstraint> rule : table.constraints().entrySet()) {
            List<CodeBlock> params = rule.getValue().params().stream().map(TableWriter::param).toList();
            // The parameters follow on the same line when they fit, else one per line.
            CodeBlock call = CodeBlock.of(".constraint($L, $S$L)", rule.getKey(), rule.getValue().sql(),
                    CodeBlock.join(params.stream().map(p -> CodeBlock.of(", $L", p)).toList(), ""));
            if (call.toString().length() + 6 <= CompactSource.MAX_LINE) {
                init.add("$L\n", call);
            } else {
                init.add(".constraint($L, $S", rule.getKey(), rule.getValue().sql());
                for (CodeBlock param : params) {
                    init.add(",\n        $L", param);
                }
                init.add(")\n");
            }
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(tableClass)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(ModuleWriter.generated())
                .addOriginatingElement(entity.element())
                .addJavadoc("How {@link $T} is stored in table {@code $L}, with its rules' constraints as SQL.\n",
                        entityType, table.mapping().table())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (entity.record()) {
            init.add(".reader($T::read)\n", tableClass);
            type.addMethod(recordReader(entity, table, entityType));
        }
        init.add(".build()").unindent().unindent();
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ENTITY_TABLE, entityType), "TABLE",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer(init.build())
                .build());
        return JavaFile.builder(entity.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    /** A record is made by its canonical constructor, with the values read and defaults for the others. */
    private MethodSpec recordReader(EntityModel entity, TablePlan table, ClassName entityType) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        boolean first = true;
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            if (member.element().getKind() != ElementKind.RECORD_COMPONENT) {
                continue;
            }
            int index = i;
            boolean stored = table.columns().stream().anyMatch(c -> c.member() == index);
            arguments.add(first ? "\n$L" : ",\n$L", stored ? valueOf(member, i) : CodeBlock.of("$L", defaultValue(member.type())));
            first = false;
        }
        return MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(entityType)
                .addParameter(Object[].class, "values")
                .addStatement("return new $T($>$L$<)", entityType, arguments.build())
                .build();
    }

    private CodeBlock valueOf(MemberModel member, int i) {
        TypeMirror type = member.type();
        if (type.getKind().isPrimitive()) {
            return CodeBlock.of("values[$L] == null ? $L : ($T) values[$L]", i, defaultValue(type),
                    TypeName.get(types.boxedClass(types.getPrimitiveType(type.getKind())).asType()), i);
        }
        return CodeBlock.of("($T) values[$L]", TypeName.get(types.erasure(type)), i);
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

    private static CodeBlock param(SqlParamSpec param) {
        TypeName type = param.javaType();
        return switch (param.kind()) {
            case CONSTANT -> CodeBlock.of("$T.constant($L, $T.class)", SQL_PARAM, constant(param.constant()), type);
            case CURRENT_USER -> CodeBlock.of("$T.currentUser()", SQL_PARAM);
            case DATE_TIME -> dateTime(param);
            case ZONE -> CodeBlock.of("$T.zone()", SQL_PARAM);
            case CUSTOM_TOKEN -> CodeBlock.of("$T.token($S, $T.class)", SQL_PARAM, param.name(), type);
            case USER_ROLE -> CodeBlock.of("$T.userRole($S)", SQL_PARAM, param.name());
        };
    }

    /** {@code SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(-3, ChronoUnit.DAYS)}. */
    private static CodeBlock dateTime(SqlParamSpec param) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.dateTime($T.$L, $T.class)", SQL_PARAM,
                ClassName.get("dev.warden.runtime", "TimeToken"), param.timeTokenConstant(), param.javaType());
        for (SqlParamSpec.Offset offset : param.offsets()) {
            code.add(".plus($L, $T.$L)", offset.amount(), ClassName.get("java.time.temporal", "ChronoUnit"),
                    offset.period().chronoUnit());
        }
        return code.build();
    }

    private static CodeBlock constant(Object value) {
        if (value instanceof String text) {
            return CodeBlock.of("$S", text);
        }
        if (value instanceof java.math.BigDecimal number) {
            return CodeBlock.of("new $T($S)", java.math.BigDecimal.class, number.toPlainString());
        }
        return CodeBlock.of("$L", value);
    }
}
