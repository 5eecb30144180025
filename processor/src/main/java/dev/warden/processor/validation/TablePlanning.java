package dev.warden.processor.validation;

import dev.warden.processor.constraint.CheckedConstraint;
import dev.warden.processor.constraint.CompiledSqlConstraint;
import dev.warden.processor.constraint.SqlConstraintCompiler;
import dev.warden.processor.constraint.SqlSchema;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AnnotationReader;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.KeyAndVersion;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.MemberModel.MemberKind;
import dev.warden.processor.model.TableCatalog;
import dev.warden.processor.model.TableMapping;
import dev.warden.processor.plan.RulePlan;
import dev.warden.processor.plan.TablePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Works out how a valid persistent entity is stored, for its generated table: the mapping (checked by
 * {@link MappingValidation}), the column of each member, and each constraint compiled to SQL. When no table can be
 * generated (no key, a default name that is a reserved word, a constraint reaching an entity without a key), it
 * says why with warning W008 instead.
 */
final class TablePlanning {

    private static final String[] JPA = {"jakarta.persistence.", "javax.persistence."};

    private final TableCatalog tables;
    private final Types types;
    private final AnnotationReader reader;
    private final MappingValidation mappingValidation = new MappingValidation();

    TablePlanning(TableCatalog tables, Elements elements, Types types) {
        this.tables = tables;
        this.types = types;
        this.reader = new AnnotationReader(elements);
    }

    /** The table plan of an entity whose rules validated; empty (with the reason reported) when there is none. */
    Optional<TablePlan> plan(EntityModel entity, List<RulePlan> rules, Report report) {
        TableMapping mapping = tables.mappingOf(entity);
        int errorsBefore = report.errorCount();
        if (!mappingValidation.validate(entity, mapping, report) || report.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (mapping.key() < 0) {
            return noTable(entity, entity.simpleName() + " has no key member", report);
        }
        if (!entity.record() && !entity.hasPublicNoArgConstructor()) {
            return noTable(entity, entity.simpleName() + " has no public constructor without parameters to read rows "
                    + "into", "add a public no-argument constructor, or @SecuredEntity(persistent = false)", report);
        }
        List<TablePlan.Column> columns = new ArrayList<>();
        for (int i = 0; i < entity.members().size(); i++) {
            String column = mapping.columns().get(i);
            MemberModel member = entity.members().get(i);
            if (column == null) {
                continue;
            }
            if (member.kind() == MemberKind.TO_ONE) {
                // The foreign key holds the associated object's key; an entity without a key cannot be referenced.
                Optional<MemberModel> targetKey = tables.entity(member.targetEntity()).flatMap(EntityModel::keyMember);
                targetKey.ifPresent(key -> columns.add(new TablePlan.Column(member(entity, member), column,
                        boxed(key.type()))));
            } else {
                columns.add(new TablePlan.Column(member(entity, member), column, boxed(member.type())));
            }
        }
        Map<Integer, CompiledSqlConstraint> constraints = new LinkedHashMap<>();
        for (RulePlan rule : rules) {
            Optional<CheckedConstraint> checked = rule.constraint();
            if (checked.isEmpty()) {
                continue;
            }
            try {
                constraints.put(rule.number(), SqlConstraintCompiler.compile(checked.get(), tables));
            } catch (TableCatalog.MissingKeyException missing) {
                return noTable(entity, simpleName(missing.entity()) + " has no key member", report);
            } catch (SqlSchema.UnsupportedMappingException unsupported) {
                EntityModel owner = tables.entity(unsupported.entity()).orElse(entity);
                // address.geo: a member of an embeddable, reported on the embedded member address
                String member = unsupported.member();
                int index = owner.memberIndex(member.indexOf('.') < 0 ? member : member.substring(0, member.indexOf('.')));
                report.add(Message.UNSUPPORTED_MAPPING, index < 0 ? entity.location() : owner.members().get(index).location(),
                        unsupported.hint(), unsupported.member(), owner.simpleName(), rule.number(), entity.simpleName(),
                        unsupported.getMessage());
                return Optional.empty();
            }
        }
        KeyAndVersion keyAndVersion = KeyAndVersion.of(entity, mapping, reader);
        int version = version(entity, mapping, keyAndVersion, report);
        Optional<TablePlan.KeyGeneration> keyGeneration = keyAndVersion.generation()
                .flatMap(generation -> keyGeneration(entity, entity.members().get(mapping.key()), generation, report));
        if (report.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new TablePlan(mapping, columns, constraints, discriminator(entity), version, keyGeneration));
    }

    /** The {@code @Version} member with a column, checked to be a whole number (E054); -1 when there is none. */
    private int version(EntityModel entity, TableMapping mapping, KeyAndVersion keyAndVersion, Report report) {
        int index = keyAndVersion.version();
        if (index < 0 || mapping.columns().get(index) == null) {
            return -1;
        }
        MemberModel member = entity.members().get(index);
        if (!isWholeNumber(member.type())) {
            report.add(Message.VERSION_TYPE, keyAndVersion.versionLocation(),
                    "declare it as a Long, Integer or Short (or long, int, short)", member.name(), entity.simpleName(),
                    member.type());
            return -1;
        }
        return index;
    }

    private static final java.util.regex.Pattern SEQUENCE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /**
     * How WardenData makes the key of a new object, for a key's {@code @GeneratedValue}: an identity column or a
     * sequence for a whole-number key ({@code AUTO} is Hibernate's sequence), a random UUID for a UUID key; E056 for
     * what it cannot follow (a generator table, a custom generator, a strategy the key's type cannot have).
     */
    private Optional<TablePlan.KeyGeneration> keyGeneration(EntityModel entity, MemberModel key,
            KeyAndVersion.Generation generation, Report report) {
        boolean whole = isWholeNumber(key.type());
        boolean uuid = types.erasure(key.type()).toString().equals("java.util.UUID");
        KeyAndVersion.Strategy strategy = generation.strategy();
        String problem = null;
        String hint = "use GenerationType.SEQUENCE or IDENTITY for a whole-number key, or UUID for a java.util.UUID "
                + "key, or give every new object its key and remove @GeneratedValue";
        switch (strategy) {
            case TABLE -> problem = "a generator table is Hibernate's to read and update";
            case CUSTOM -> problem = "a generator of its own runs inside Hibernate only";
            case IDENTITY, SEQUENCE -> problem = whole ? null : "it needs a whole-number key, not a " + key.type();
            case UUID -> problem = uuid ? null : "WardenData makes java.util.UUID keys only, not a " + key.type();
            case AUTO -> problem = whole || uuid ? null
                    : "for a key of type " + key.type() + " Hibernate's choice is not a sequence or a UUID";
        }
        if (problem == null && generation.sequence() != null && (whole || strategy == KeyAndVersion.Strategy.SEQUENCE)
                && !SEQUENCE_NAME.matcher(generation.sequence()).matches()) {
            problem = "its sequence '" + generation.sequence() + "' is not a plain SQL name";
            hint = "name the sequence with letters, digits and _ in @SequenceGenerator(sequenceName = ...)";
        }
        if (problem != null) {
            report.add(Message.KEY_GENERATION, generation.location(), hint, key.name(), entity.simpleName(),
                    "@GeneratedValue(strategy = " + strategy + ")", problem);
            return Optional.empty();
        }
        return Optional.of(switch (strategy) {
            case IDENTITY -> new TablePlan.KeyGeneration("IDENTITY", null);
            case UUID -> new TablePlan.KeyGeneration("UUID", null);
            default -> uuid ? new TablePlan.KeyGeneration("UUID", null)
                    : new TablePlan.KeyGeneration("SEQUENCE", generation.sequence());
        });
    }

    private boolean isWholeNumber(TypeMirror type) {
        String name = boxed(type).toString();
        return name.equals("java.lang.Long") || name.equals("java.lang.Integer") || name.equals("java.lang.Short");
    }

    private static int member(EntityModel entity, MemberModel member) {
        return entity.members().indexOf(member);
    }

    private static final String ADD_A_KEY =
            "add a key member (a member named id, or one marked with JPA @Id), or @SecuredEntity(persistent = false)";

    private static Optional<TablePlan> noTable(EntityModel entity, String reason, Report report) {
        return noTable(entity, reason, ADD_A_KEY, report);
    }

    private static Optional<TablePlan> noTable(EntityModel entity, String reason, String hint, Report report) {
        report.add(Message.NO_TABLE, entity.location(), hint, entity.simpleName(), reason);
        return Optional.empty();
    }

    /**
     * The discriminator of an entity in a JPA single-table hierarchy: declared with {@code @DiscriminatorColumn} on
     * the entity or a superclass, or {@code @DiscriminatorValue} on the entity; JPA's defaults are the column
     * {@code DTYPE} and the entity's name.
     */
    private Optional<TablePlan.Discriminator> discriminator(EntityModel entity) {
        Optional<AnnotationMirror> value = jpa(entity.element(), "DiscriminatorValue");
        Optional<AnnotationMirror> column = Optional.empty();
        for (TypeElement t = entity.element(); t != null && column.isEmpty(); t = superclass(t)) {
            column = jpa(t, "DiscriminatorColumn");
        }
        if (value.isEmpty() && column.isEmpty()) {
            return Optional.empty();
        }
        String columnName = column.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty()).orElse("DTYPE");
        String discriminator = value.map(m -> reader.string(m, "value")).filter(v -> !v.isEmpty())
                .orElse(entity.simpleName());
        return Optional.of(new TablePlan.Discriminator(columnName, discriminator));
    }

    private Optional<AnnotationMirror> jpa(TypeElement type, String simpleName) {
        for (String prefix : JPA) {
            Optional<AnnotationMirror> found = reader.find(type, prefix + simpleName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }

    private TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                : types.erasure(type);
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
