package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * How an entity is stored: its table, and the column (or link) of each member. Read from
 * {@code @SecuredEntity(table)} and, when present, the JPA annotations {@code @Table}, {@code @Column},
 * {@code @JoinColumn}, {@code @JoinTable}, {@code @OneToMany(mappedBy)}, {@code @ManyToMany},
 * {@code @Transient} and {@code @Id} (by name, from {@code jakarta.persistence} or {@code javax.persistence},
 * so there is no dependency on JPA); otherwise snake_case names, and a member named {@code id} is the key.
 *
 * @param table the table name
 * @param key the index of the key member, or -1 when the entity has none
 * @param columns the column of each member by member index; {@code null} for members without a column
 *     (calculated, transient, to-many)
 * @param toMany how each to-many association is stored, by member index
 * @param locations where each name was given, for messages, by member index ({@code -1} for the table)
 * @param ordinalEnums the enum members of a JPA {@code @Entity} stored as their ordinal (JPA's default, no
 *     {@code @Enumerated} or {@code @Enumerated(ORDINAL)}), by member index; other enums are stored as their names
 * @param converted the members with a JPA {@code @Convert} attribute converter, by member index: their column holds
 *     what the converter makes of the value, which the processor cannot compute
 * @param unsupported the JPA mappings Warden cannot follow yet, each with where it is declared: the generated SQL
 *     would not fit the schema Hibernate creates, so they are compile errors
 */
public record TableMapping(
        String table,
        int key,
        List<String> columns,
        Map<Integer, ToMany> toMany,
        Map<Integer, SourceLocation> locations,
        Set<Integer> ordinalEnums,
        Set<Integer> converted,
        List<Unsupported> unsupported) {

    /**
     * A JPA mapping Warden does not follow.
     *
     * @param annotation the annotation's simple name, e.g. {@code EmbeddedId}
     * @param declaredOn what it is on, for the message: {@code member 'address'} or {@code the entity}
     * @param location the annotation
     */
    public record Unsupported(String annotation, String declaredOn, SourceLocation location) {}

    /**
     * A to-many association's storage: one-to-many through a foreign key in the target's table
     * ({@code joinTable == null}), or many-to-many through a link table.
     *
     * @param joinTable the link table, or {@code null} for one-to-many
     * @param ownerColumn the column referencing the owner's key (in the target table, or in the link table)
     * @param targetColumn the link table's column referencing the target's key, {@code null} for one-to-many
     * @param mappedBy for one-to-many, the to-one member of the target that {@code ownerColumn} belongs to, if named
     */
    public record ToMany(String joinTable, String ownerColumn, String targetColumn, String mappedBy) {}

    public TableMapping {
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
        toMany = Map.copyOf(toMany);
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        ordinalEnums = Set.copyOf(ordinalEnums);
        converted = Set.copyOf(converted);
        unsupported = List.copyOf(unsupported);
    }

    public Optional<String> keyColumn() {
        return key < 0 ? Optional.empty() : Optional.ofNullable(columns.get(key));
    }

    private static final String[] JPA = {"jakarta.persistence.", "javax.persistence."};

    /** Reads the mapping of one entity. */
    public static TableMapping of(EntityModel entity, AnnotationReader reader) {
        Map<Integer, SourceLocation> locations = new LinkedHashMap<>();
        String table = entity.table();
        if (table.isEmpty()) {
            Optional<AnnotationMirror> jpaTable = jpa(reader, entity.element(), "Table");
            table = jpaTable.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty()).orElse(snakeCase(entity.simpleName()));
            jpaTable.ifPresent(m -> locations.put(-1, SourceLocation.of(entity.element(), m, AnnotationReader.typeName(m), 0)));
        } else {
            locations.put(-1, entity.location().at("table", null));
        }
        int key = -1;
        List<String> columns = new ArrayList<>();
        Map<Integer, ToMany> toMany = new LinkedHashMap<>();
        Set<Integer> ordinalEnums = new TreeSet<>();
        Set<Integer> converted = new TreeSet<>();
        boolean jpaEntity = jpa(reader, entity.element(), "Entity").isPresent();
        List<Unsupported> unsupported = new ArrayList<>();
        jpa(reader, entity.element(), "IdClass").ifPresent(m -> unsupported.add(new Unsupported("IdClass", "the entity",
                SourceLocation.of(entity.element(), m, AnnotationReader.typeName(m), 0))));
        inheritance(entity, reader).ifPresent(unsupported::add);
        for (int i = 0; i < entity.members().size(); i++) {
            MemberModel member = entity.members().get(i);
            List<Element> annotated = annotatedElements(member);
            // the entity model decides the key (JPA @Id, else a member named id), so references and paths agree
            if (key < 0 && member.key()) {
                key = i;
            }
            for (Element e : annotated) {
                jpa(reader, e, "EmbeddedId").ifPresent(m -> unsupported.add(new Unsupported("EmbeddedId",
                        "member '" + member.name() + "'", SourceLocation.of(e, m, AnnotationReader.typeName(m), 0))));
            }
            // An embeddable's columns and an element collection's table are not this member's column: like a
            // transient member it has none, so a constraint that compares it is an error (E070) and WardenData leaves
            // it alone; the entity itself stays usable (an existing application's entities often have them).
            boolean transientMember = NO_COLUMN_OF_THEIR_OWN.stream()
                    .anyMatch(annotation -> first(reader, annotated, annotation).isPresent());
            String column = null;
            if (member.isCalculated() || transientMember) {
                column = null;
            } else if (member.kind() == MemberModel.MemberKind.TO_MANY) {
                toMany.put(i, toMany(entity, member, annotated, reader));
            } else {
                String annotation = member.kind() == MemberModel.MemberKind.TO_ONE ? "JoinColumn" : "Column";
                // the field or the getter, whichever carries the annotation: its diagnostics go there
                Optional<Element> carrier = annotated.stream().filter(e -> jpa(reader, e, annotation).isPresent()).findFirst();
                Optional<AnnotationMirror> named = carrier.flatMap(e -> jpa(reader, e, annotation));
                column = named.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty())
                        .orElse(member.kind() == MemberModel.MemberKind.TO_ONE
                                ? snakeCase(member.name()) + "_id" : snakeCase(member.name()));
                named.ifPresent(m -> locations.put(columns.size(),
                        SourceLocation.of(carrier.get(), m, AnnotationReader.typeName(m), 0)));
                if (first(reader, annotated, "Convert").isPresent()) {
                    converted.add(i);
                } else if (jpaEntity && isEnum(member) && first(reader, annotated, "Enumerated")
                        .map(m -> reader.enumConstant(m, "value")).orElse("ORDINAL").equals("ORDINAL")) {
                    ordinalEnums.add(i);
                }
            }
            columns.add(column);
        }
        return new TableMapping(table, key, columns, toMany, locations, ordinalEnums, converted, unsupported);
    }

    /**
     * JOINED inheritance for an entity below the root (its inherited columns are in the parent's table), and
     * TABLE_PER_CLASS anywhere in a hierarchy (a parent's rows are spread over its subclasses' tables).
     */
    private static Optional<Unsupported> inheritance(EntityModel entity, AnnotationReader reader) {
        boolean below = false;
        for (Element t = entity.element(); t instanceof TypeElement type;
                t = type.getSuperclass() instanceof DeclaredType s ? s.asElement() : null) {
            Optional<AnnotationMirror> inheritance = jpa(reader, t, "Inheritance");
            if (inheritance.isPresent()) {
                String strategy = reader.enumConstant(inheritance.get(), "strategy");
                if (strategy.equals("TABLE_PER_CLASS") || (strategy.equals("JOINED") && below)) {
                    AnnotationMirror m = inheritance.get();
                    return Optional.of(new Unsupported("Inheritance(strategy = " + strategy + ")",
                            t == entity.element() ? "the entity" : "its superclass " + t.getSimpleName(),
                            t == entity.element() ? SourceLocation.of(t, m, AnnotationReader.typeName(m), 0)
                                    : entity.location()));
                }
            }
            below = true;
        }
        return Optional.empty();
    }

    private static boolean isEnum(MemberModel member) {
        return member.type() instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM;
    }

    private static ToMany toMany(EntityModel owner, MemberModel member, List<Element> annotated, AnnotationReader reader) {
        Optional<AnnotationMirror> joinTable = first(reader, annotated, "JoinTable");
        boolean manyToMany = joinTable.isPresent() || first(reader, annotated, "ManyToMany").isPresent();
        String ownerDefault = snakeCase(owner.simpleName()) + "_id";
        if (manyToMany) {
            String targetSimple = member.targetEntity().substring(member.targetEntity().lastIndexOf('.') + 1);
            String table = joinTable.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty())
                    .orElse(snakeCase(owner.simpleName()) + "_" + snakeCase(member.name()));
            String ownerColumn = joinTable.flatMap(m -> firstJoinColumn(reader, m, "joinColumns")).orElse(ownerDefault);
            String targetColumn = joinTable.flatMap(m -> firstJoinColumn(reader, m, "inverseJoinColumns"))
                    .orElse(snakeCase(targetSimple) + "_id");
            return new ToMany(table, ownerColumn, targetColumn, null);
        }
        Optional<String> joinColumn = first(reader, annotated, "JoinColumn").map(m -> reader.string(m, "name"))
                .filter(n -> !n.isEmpty());
        Optional<String> mappedBy = first(reader, annotated, "OneToMany").map(m -> reader.string(m, "mappedBy"))
                .filter(n -> !n.isEmpty());
        if (first(reader, annotated, "JoinColumn").isEmpty() && mappedBy.isEmpty()
                && first(reader, annotated, "OneToMany").isPresent()) {
            // A unidirectional @OneToMany without @JoinColumn: JPA's default join table, owner_pets(owner_id, pets_id).
            return new ToMany(snakeCase(owner.simpleName()) + "_" + snakeCase(member.name()), ownerDefault,
                    snakeCase(member.name()) + "_id", null);
        }
        return new ToMany(null, joinColumn.orElse(mappedBy.map(m -> snakeCase(m) + "_id").orElse(ownerDefault)), null,
                mappedBy.orElse(null));
    }

    private static Optional<String> firstJoinColumn(AnnotationReader reader, AnnotationMirror joinTable, String attribute) {
        List<AnnotationValue> values = reader.array(joinTable, attribute);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String name = reader.string((AnnotationMirror) values.get(0).getValue(), "name");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The JPA annotations of a member that has no column in its entity's table. */
    private static final List<String> NO_COLUMN_OF_THEIR_OWN = List.of("Transient", "Embedded", "ElementCollection");

    private static Optional<AnnotationMirror> first(AnnotationReader reader, List<Element> elements, String simpleName) {
        return elements.stream().map(e -> jpa(reader, e, simpleName)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<AnnotationMirror> jpa(AnnotationReader reader, Element element, String simpleName) {
        for (String prefix : JPA) {
            Optional<AnnotationMirror> found = reader.find(element, prefix + simpleName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The field and the getter of a member (JPA annotations may be on either). */
    private static List<Element> annotatedElements(MemberModel member) {
        List<Element> elements = new ArrayList<>();
        elements.add(member.element());
        Element enclosing = member.element().getEnclosingElement();
        if (enclosing instanceof TypeElement type && member.element().getKind() != ElementKind.METHOD) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(member.getter()) && method.getParameters().isEmpty()) {
                    elements.add(method);
                }
            }
        }
        return elements;
    }

    /** {@code accountManager} to {@code account_manager}, {@code OrderLine} to {@code order_line}, {@code URL} to {@code url}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(name.charAt(i - 1))))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
