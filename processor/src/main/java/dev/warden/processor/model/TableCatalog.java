package dev.warden.processor.model;

import dev.warden.processor.constraint.SqlSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The storage of every entity a constraint may reach, for compiling constraints to SQL: entities of this
 * compilation from their models, others read from the class path on demand.
 */
public final class TableCatalog implements SqlSchema {

    /** An entity the SQL needs to reach has no key member. */
    public static final class MissingKeyException extends RuntimeException {
        private final String entity;

        public MissingKeyException(String entity) {
            super(entity + " has no key member");
            this.entity = entity;
        }

        /** The qualified name of the entity without a key. */
        public String entity() {
            return entity;
        }
    }

    private final Elements elements;
    private final ModelBuilder builder;
    private final AnnotationReader reader;
    private final Map<String, EntityModel> models = new HashMap<>();
    private final Map<String, TableMapping> mappings = new HashMap<>();
    private final TableNaming naming;

    public TableCatalog(Elements elements, ModelBuilder builder) {
        this(elements, builder, TableNaming.SNAKE);
    }

    /** A catalogue that names what the mappings do not name with {@code naming}. */
    public TableCatalog(Elements elements, ModelBuilder builder, TableNaming naming) {
        this.elements = elements;
        this.builder = builder;
        this.reader = new AnnotationReader(elements);
        this.naming = naming;
    }

    /** The naming of what the mappings do not name. */
    public TableNaming naming() {
        return naming;
    }

    /** Makes an entity of the current compilation known. */
    public void register(EntityModel entity) {
        models.put(entity.qualifiedName(), entity);
        mappings.remove(entity.qualifiedName());
    }

    /** The mapping of an entity of this compilation. */
    public TableMapping mappingOf(EntityModel entity) {
        return mappings.computeIfAbsent(entity.qualifiedName(), name -> TableMapping.of(entity, reader, naming,
                this::model, builder::embeddableMembers));
    }

    /** The model of an entity of this compilation or the class path. */
    public Optional<EntityModel> entity(String qualifiedName) {
        return model(qualifiedName);
    }

    private Optional<EntityModel> model(String qualifiedName) {
        EntityModel known = models.get(qualifiedName);
        if (known != null) {
            return Optional.of(known);
        }
        TypeElement type = elements.getTypeElement(qualifiedName);
        if (type == null || !builder.isSecuredEntity(type)) {
            return Optional.empty();
        }
        ModelBuilder.Result result = builder.entity(type);
        if (result.isDeferred()) {
            return Optional.empty();
        }
        models.put(qualifiedName, result.entity());
        return Optional.of(result.entity());
    }

    private TableMapping mapping(String qualifiedName) {
        return model(qualifiedName).map(this::mappingOf)
                .orElseThrow(() -> new IllegalStateException("not a secured entity: " + qualifiedName));
    }

    @Override
    public String table(String entityQualifiedName) {
        return mapping(entityQualifiedName).table();
    }

    @Override
    public String keyColumn(String entityQualifiedName) {
        return mapping(entityQualifiedName).keyColumn()
                .orElseThrow(() -> new MissingKeyException(entityQualifiedName));
    }

    @Override
    public String column(String entityQualifiedName, String member) {
        int dot = member.indexOf('.');
        if (dot >= 0) {
            return embeddedColumn(entityQualifiedName, member).map(TableMapping.EmbeddedColumn::column).orElse(null);
        }
        EntityModel entity = model(entityQualifiedName).orElseThrow();
        int index = entity.memberIndex(member);
        return index < 0 ? null : mapping(entityQualifiedName).columns().get(index);
    }

    /** The column of {@code address.city}: the attribute {@code city} of the embedded member {@code address}. */
    private Optional<TableMapping.EmbeddedColumn> embeddedColumn(String entityQualifiedName, String path) {
        int dot = path.indexOf('.');
        int index = model(entityQualifiedName).orElseThrow().memberIndex(path.substring(0, dot));
        Map<String, TableMapping.EmbeddedColumn> columns = mapping(entityQualifiedName).embedded().get(index);
        return columns == null ? Optional.empty() : Optional.ofNullable(columns.get(path.substring(dot + 1)));
    }

    @Override
    public EnumStorage enumStorage(String entityQualifiedName, String member) {
        if (member.indexOf('.') >= 0) {
            return embeddedColumn(entityQualifiedName, member).filter(TableMapping.EmbeddedColumn::ordinalEnum)
                    .isPresent() ? EnumStorage.ORDINAL : EnumStorage.NAME;
        }
        int index = model(entityQualifiedName).orElseThrow().memberIndex(member);
        return mapping(entityQualifiedName).ordinalEnums().contains(index) ? EnumStorage.ORDINAL : EnumStorage.NAME;
    }

    @Override
    public boolean converted(String entityQualifiedName, String member) {
        if (member.indexOf('.') >= 0) {
            return embeddedColumn(entityQualifiedName, member).filter(TableMapping.EmbeddedColumn::converted).isPresent();
        }
        int index = model(entityQualifiedName).orElseThrow().memberIndex(member);
        return mapping(entityQualifiedName).converted().contains(index);
    }

    @Override
    public ToMany toMany(String entityQualifiedName, String member) {
        EntityModel entity = model(entityQualifiedName).orElseThrow();
        int index = entity.memberIndex(member);
        TableMapping.ToMany link = mapping(entityQualifiedName).toMany().get(index);
        if (link == null) {
            return null;
        }
        if (link.mappedBy() != null) {
            // @OneToMany(mappedBy = "invoice"): the child's to-one member holds the foreign key, in its own column.
            String child = entity.members().get(index).targetEntity();
            String column = column(child, link.mappedBy());
            if (column != null) {
                return ToMany.oneToMany(column);
            }
        }
        return new ToMany(link.joinTable(), link.ownerColumn(), link.targetColumn());
    }
}
