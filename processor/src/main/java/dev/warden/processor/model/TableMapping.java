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
 * @param embedded the columns of each {@code @Embedded} member's attributes in the entity's table, by member index
 *     and then attribute name (the member itself has no column of its own)
 */
public record TableMapping(
        String table,
        int key,
        List<String> columns,
        Map<Integer, ToMany> toMany,
        Map<Integer, SourceLocation> locations,
        Set<Integer> ordinalEnums,
        Set<Integer> converted,
        List<Unsupported> unsupported,
        Map<Integer, Map<String, EmbeddedColumn>> embedded) {

    /**
     * The column of an embeddable's attribute, in the table of the entity that embeds it.
     *
     * @param column the column: {@code @AttributeOverride} on the embedded member, else the attribute's
     *     {@code @Column(name)}, else the naming's default for the attribute's own name ({@code city})
     * @param ordinalEnum an enum stored as its ordinal (JPA's default)
     * @param converted stored through a JPA {@code @Convert} attribute converter
     * @param location where the name was given, or the embedded member
     */
    public record EmbeddedColumn(String column, boolean ordinalEnum, boolean converted, SourceLocation location) {}

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
        Map<Integer, Map<String, EmbeddedColumn>> copy = new LinkedHashMap<>();
        embedded.forEach((member, byName) -> copy.put(member, Collections.unmodifiableMap(new LinkedHashMap<>(byName))));
        embedded = Collections.unmodifiableMap(copy);
    }

    public Optional<String> keyColumn() {
        return key < 0 ? Optional.empty() : Optional.ofNullable(columns.get(key));
    }

    private static final String[] JPA = {"jakarta.persistence.", "javax.persistence."};

    /** Reads the mapping of one entity with Warden's own naming ({@link TableNaming#SNAKE}). */
    public static TableMapping of(EntityModel entity, AnnotationReader reader) {
        return of(entity, reader, TableNaming.SNAKE, target -> Optional.empty(), type -> List.of());
    }

    /**
     * Reads the mapping of one entity.
     *
     * @param naming the names of what the mapping does not name
     * @param entities the model of an entity by qualified name, for the default names that refer to its table and
     *     key column
     * @param embeddableMembers the members of an {@code @Embeddable} type
     */
    public static TableMapping of(EntityModel entity, AnnotationReader reader, TableNaming naming,
            java.util.function.Function<String, Optional<EntityModel>> entities,
            java.util.function.Function<TypeElement, List<MemberModel>> embeddableMembers) {
        Map<Integer, SourceLocation> locations = new LinkedHashMap<>();
        String table = tableOf(entity, reader, naming);
        if (entity.table().isEmpty()) {
            jpa(reader, entity.element(), "Table").ifPresent(m -> locations.put(-1,
                    SourceLocation.of(entity.element(), m, AnnotationReader.typeName(m), 0)));
        } else {
            locations.put(-1, entity.location().at("table", null));
        }
        java.util.function.Function<String, String> keyColumns = qualifiedName -> entities.apply(qualifiedName)
                .map(e -> keyColumnOf(e, reader, naming)).orElse(naming.column("id"));
        java.util.function.Function<String, String> tables = qualifiedName -> entities.apply(qualifiedName)
                .map(e -> tableOf(e, reader, naming))
                .orElse(naming.table(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1)));
        int key = -1;
        List<String> columns = new ArrayList<>();
        Map<Integer, ToMany> toMany = new LinkedHashMap<>();
        Set<Integer> ordinalEnums = new TreeSet<>();
        Set<Integer> converted = new TreeSet<>();
        Map<Integer, Map<String, EmbeddedColumn>> embedded = new LinkedHashMap<>();
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
                secondaryTable(reader, e, member).ifPresent(unsupported::add);
            }
            // An element collection's table is not this member's column: like a transient member it has none, so a
            // constraint that compares it is an error (E070) and WardenData leaves it alone; the entity itself stays
            // usable (an existing application's entities often have them). An embedded member has no column of its
            // own either, but each attribute of its embeddable has one in the entity's table.
            boolean transientMember = NO_COLUMN_OF_THEIR_OWN.stream()
                    .anyMatch(annotation -> first(reader, annotated, annotation).isPresent());
            Optional<TypeElement> embeddable = transientMember ? Optional.empty() : embeddable(member, reader);
            String column = null;
            if (member.isCalculated() || transientMember) {
                column = null;
            } else if (embeddable.isPresent()) {
                embedded.put(i, embeddedColumns(member, annotated, embeddable.get(), reader, naming, jpaEntity,
                        embeddableMembers));
            } else if (member.kind() == MemberModel.MemberKind.TO_MANY) {
                toMany.put(i, toMany(entity, table, member, annotated, reader, naming, keyColumns, tables));
            } else {
                boolean toOne = member.kind() == MemberModel.MemberKind.TO_ONE;
                String annotation = toOne ? "JoinColumn" : "Column";
                // the field or the getter, whichever carries the annotation: its diagnostics go there
                Optional<Element> carrier = annotated.stream().filter(e -> jpa(reader, e, annotation).isPresent()).findFirst();
                Optional<AnnotationMirror> named = carrier.flatMap(e -> jpa(reader, e, annotation));
                column = named.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty()).map(naming::physical)
                        .orElseGet(() -> toOne ? naming.joinColumn(member.name(), keyColumns.apply(member.targetEntity()))
                                : naming.column(member.name()));
                named.ifPresent(m -> locations.put(columns.size(),
                        SourceLocation.of(carrier.get(), m, AnnotationReader.typeName(m), 0)));
                if (first(reader, annotated, "Convert").isPresent()) {
                    converted.add(i);
                } else if (jpaEntity && isOrdinalEnum(member, annotated, reader)) {
                    ordinalEnums.add(i);
                }
            }
            columns.add(column);
        }
        return new TableMapping(table, key, columns, toMany, locations, ordinalEnums, converted, unsupported, embedded);
    }

    /**
     * The column of an entity's key member, for the foreign keys that reference it: its {@code @Column(name)}, else
     * the naming's default; {@code id} for an entity without a key (which no foreign key can reference anyway).
     */
    public static String keyColumnOf(EntityModel entity, AnnotationReader reader, TableNaming naming) {
        Optional<MemberModel> key = entity.keyMember();
        if (key.isEmpty()) {
            return "id";
        }
        return first(reader, annotatedElements(key.get()), "Column").map(m -> reader.string(m, "name"))
                .filter(n -> !n.isEmpty()).map(naming::physical).orElse(naming.column(key.get().name()));
    }

    /**
     * The table of an entity: {@code @SecuredEntity(table)}, else JPA {@code @Table(name, schema, catalog)}, else
     * the naming's default for the entity's name.
     */
    public static String tableOf(EntityModel entity, AnnotationReader reader, TableNaming naming) {
        if (!entity.table().isEmpty()) {
            return entity.table();
        }
        Optional<AnnotationMirror> jpaTable = jpa(reader, entity.element(), "Table");
        String table = jpaTable.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty()).map(naming::physical)
                .orElse(naming.table(naming == TableNaming.SNAKE ? entity.simpleName() : entityName(entity, reader)));
        return qualified(reader, jpaTable, naming, table);
    }

    /** The JPA entity name: {@code @Entity(name)}, else the simple class name. */
    private static String entityName(EntityModel entity, AnnotationReader reader) {
        return jpa(reader, entity.element(), "Entity").map(m -> explicitString(reader, m, "name")).filter(n -> !n.isEmpty())
                .orElse(entity.simpleName());
    }

    /** A string attribute written on the annotation, else empty (whatever the annotation's declared default). */
    private static String explicitString(AnnotationReader reader, AnnotationMirror mirror, String attribute) {
        return reader.explicitValue(mirror, attribute).map(v -> v.getValue() instanceof String s ? s : "").orElse("");
    }

    /** {@code catalog.schema.table}, as {@code @Table} or {@code @JoinTable} give the schema and catalog. */
    private static String qualified(AnnotationReader reader, Optional<AnnotationMirror> table, TableNaming naming,
            String name) {
        if (table.isEmpty()) {
            return name;
        }
        String schema = explicitString(reader, table.get(), "schema");
        String catalog = explicitString(reader, table.get(), "catalog");
        String qualified = schema.isEmpty() ? name : naming.physical(schema) + "." + name;
        return catalog.isEmpty() ? qualified : naming.physical(catalog) + "." + qualified;
    }

    /** A {@code @Column(table = ...)}/{@code @JoinColumn(table = ...)}: the member is in a secondary table. */
    private static Optional<Unsupported> secondaryTable(AnnotationReader reader, Element element, MemberModel member) {
        for (String annotation : List.of("Column", "JoinColumn")) {
            Optional<AnnotationMirror> found = jpa(reader, element, annotation);
            if (found.isPresent() && !explicitString(reader, found.get(), "table").isEmpty()) {
                return Optional.of(new Unsupported(annotation + "(table = \"" + explicitString(reader, found.get(), "table")
                        + "\")", "member '" + member.name() + "'",
                        SourceLocation.of(element, found.get(), AnnotationReader.typeName(found.get()), 0)));
            }
        }
        return Optional.empty();
    }

    private static boolean isOrdinalEnum(MemberModel member, List<Element> annotated, AnnotationReader reader) {
        return isEnum(member) && first(reader, annotated, "Enumerated")
                .map(m -> reader.enumConstant(m, "value")).orElse("ORDINAL").equals("ORDINAL");
    }

    /**
     * The embeddable a member embeds: its type is an {@code @Embeddable}, or the member is {@code @Embedded}; empty
     * for every other member.
     */
    public static Optional<TypeElement> embeddable(MemberModel member, AnnotationReader reader) {
        if (member.kind() != MemberModel.MemberKind.ATTRIBUTE || member.isCalculated()
                || !(member.type() instanceof DeclaredType declared)
                || !(declared.asElement() instanceof TypeElement type)) {
            return Optional.empty();
        }
        List<Element> annotated = annotatedElements(member);
        if (NO_COLUMN_OF_THEIR_OWN.stream().anyMatch(a -> first(reader, annotated, a).isPresent())) {
            return Optional.empty();
        }
        return jpa(reader, type, "Embeddable").isPresent() || first(reader, annotated, "Embedded").isPresent()
                ? Optional.of(type) : Optional.empty();
    }

    /**
     * The columns of the embeddable's attributes: basic attributes only; a nested embeddable or an association in
     * the embeddable has none here, so a constraint that compares it is E070.
     */
    private static Map<String, EmbeddedColumn> embeddedColumns(MemberModel member, List<Element> annotated,
            TypeElement embeddable, AnnotationReader reader, TableNaming naming, boolean jpaEntity,
            java.util.function.Function<TypeElement, List<MemberModel>> embeddableMembers) {
        Map<String, AnnotationMirror> overrides = new LinkedHashMap<>();
        Map<String, Element> overriddenOn = new LinkedHashMap<>();
        for (Element e : annotated) {
            for (String prefix : JPA) {
                for (AnnotationMirror override : reader.findRepeated(e, prefix + "AttributeOverride",
                        prefix + "AttributeOverrides")) {
                    overrides.putIfAbsent(reader.string(override, "name"), override);
                    overriddenOn.putIfAbsent(reader.string(override, "name"), e);
                }
            }
        }
        Map<String, EmbeddedColumn> columns = new LinkedHashMap<>();
        for (MemberModel attribute : embeddableMembers.apply(embeddable)) {
            List<Element> attributeAnnotated = annotatedElements(attribute);
            if (attribute.kind() != MemberModel.MemberKind.ATTRIBUTE || attribute.isCalculated()
                    || first(reader, attributeAnnotated, "Transient").isPresent()
                    || first(reader, attributeAnnotated, "ElementCollection").isPresent()
                    || embeddable(attribute, reader).isPresent()) {
                continue;
            }
            AnnotationMirror override = overrides.get(attribute.name());
            Optional<AnnotationMirror> overrideColumn = Optional.ofNullable(override)
                    .flatMap(m -> reader.explicitValue(m, "column")).map(v -> (AnnotationMirror) v.getValue())
                    .filter(m -> !reader.string(m, "name").isEmpty());
            Optional<AnnotationMirror> column = first(reader, attributeAnnotated, "Column")
                    .filter(m -> !reader.string(m, "name").isEmpty());
            String name = overrideColumn.or(() -> column).map(m -> naming.physical(reader.string(m, "name")))
                    .orElse(naming.column(attribute.name()));
            SourceLocation location = override != null
                    ? SourceLocation.of(overriddenOn.get(attribute.name()), override, AnnotationReader.typeName(override), 0)
                    : member.location();
            columns.put(attribute.name(), new EmbeddedColumn(name,
                    jpaEntity && isOrdinalEnum(attribute, attributeAnnotated, reader),
                    first(reader, attributeAnnotated, "Convert").isPresent(), location));
        }
        return columns;
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

    private static ToMany toMany(EntityModel owner, String ownerTable, MemberModel member, List<Element> annotated,
            AnnotationReader reader, TableNaming naming, java.util.function.Function<String, String> keyColumns,
            java.util.function.Function<String, String> tables) {
        Optional<AnnotationMirror> joinTable = first(reader, annotated, "JoinTable");
        boolean manyToMany = joinTable.isPresent() || first(reader, annotated, "ManyToMany").isPresent();
        String targetSimple = member.targetEntity().substring(member.targetEntity().lastIndexOf('.') + 1);
        String ownerName = entityName(owner, reader);
        String ownerKey = keyColumns.apply(owner.qualifiedName());
        String targetKey = keyColumns.apply(member.targetEntity());
        // JPA's link table is named after the owner's table and the target's
        String targetTable = unqualified(tables.apply(member.targetEntity()));
        String ownerDefault = naming == TableNaming.SNAKE ? snakeCase(owner.simpleName()) + "_id"
                : naming.joinTableOwnerColumn(ownerName, ownerKey);
        if (manyToMany) {
            String table = joinTable.map(m -> reader.string(m, "name")).filter(n -> !n.isEmpty()).map(naming::physical)
                    .orElse(naming.joinTable(owner.simpleName(), unqualified(ownerTable), member.name(), targetTable));
            table = qualified(reader, joinTable, naming, table);
            String ownerColumn = joinTable.flatMap(m -> firstJoinColumn(reader, m, "joinColumns")).map(naming::physical)
                    .orElse(ownerDefault);
            String targetColumn = joinTable.flatMap(m -> firstJoinColumn(reader, m, "inverseJoinColumns"))
                    .map(naming::physical)
                    .orElse(naming.joinTableTargetColumn(member.name(), targetSimple, targetKey, true));
            return new ToMany(table, ownerColumn, targetColumn, null);
        }
        Optional<String> joinColumn = first(reader, annotated, "JoinColumn").map(m -> reader.string(m, "name"))
                .filter(n -> !n.isEmpty()).map(naming::physical);
        Optional<String> mappedBy = first(reader, annotated, "OneToMany").map(m -> reader.string(m, "mappedBy"))
                .filter(n -> !n.isEmpty());
        if (first(reader, annotated, "JoinColumn").isEmpty() && mappedBy.isEmpty()
                && first(reader, annotated, "OneToMany").isPresent()) {
            // A unidirectional @OneToMany without @JoinColumn: JPA's default join table, owner_pets(owner_id, pets_id).
            return new ToMany(naming.joinTable(owner.simpleName(), unqualified(ownerTable), member.name(), targetTable),
                    ownerDefault, naming.joinTableTargetColumn(member.name(), targetSimple, targetKey, false), null);
        }
        return new ToMany(null, joinColumn.orElse(mappedBy.map(m -> naming.joinColumn(m, ownerKey)).orElse(ownerDefault)),
                null, mappedBy.orElse(null));
    }

    /** {@code ticket} for {@code support.ticket}: a link table's default name is built from the table's own name. */
    private static String unqualified(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
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
    private static final List<String> NO_COLUMN_OF_THEIR_OWN = List.of("Transient", "ElementCollection");

    static Optional<AnnotationMirror> first(AnnotationReader reader, List<Element> elements, String simpleName) {
        return elements.stream().map(e -> jpa(reader, e, simpleName)).flatMap(Optional::stream).findFirst();
    }

    static Optional<AnnotationMirror> jpa(AnnotationReader reader, Element element, String simpleName) {
        for (String prefix : JPA) {
            Optional<AnnotationMirror> found = reader.find(element, prefix + simpleName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The field and the getter of a member (JPA annotations may be on either). */
    static List<Element> annotatedElements(MemberModel member) {
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
