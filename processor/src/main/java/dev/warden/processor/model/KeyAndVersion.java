package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * How the rows of an entity are versioned and how the keys of new rows are made, read from the JPA annotations
 * {@code @Version} and {@code @GeneratedValue} (with {@code @SequenceGenerator} on the key, the entity or its package),
 * by name, as {@link TableMapping} reads the others.
 *
 * @param version the index of the {@code @Version} member, or -1 when there is none
 * @param versionLocation the {@code @Version} annotation, or null
 * @param generation how the key of a new object is made, when {@code @GeneratedValue} says so
 */
public record KeyAndVersion(int version, SourceLocation versionLocation, Optional<Generation> generation) {

    /** JPA's {@code GenerationType}s, and one for a generator Warden does not know. */
    public enum Strategy { IDENTITY, SEQUENCE, UUID, AUTO, TABLE, CUSTOM }

    /**
     * A key's {@code @GeneratedValue}.
     *
     * @param strategy the strategy written ({@code AUTO} is kept as written: what it means depends on the key's type)
     * @param sequence for a sequence, its name as Hibernate creates it; null otherwise
     * @param location the {@code @GeneratedValue} annotation
     */
    public record Generation(Strategy strategy, String sequence, SourceLocation location) {}

    private static final String[] JPA = {"jakarta.persistence.", "javax.persistence."};

    /** Reads the version and the key generation of an entity. */
    public static KeyAndVersion of(EntityModel entity, TableMapping mapping, AnnotationReader reader) {
        int version = -1;
        SourceLocation versionLocation = null;
        for (int i = 0; i < entity.members().size() && version < 0; i++) {
            for (Element e : annotatedElements(entity.members().get(i))) {
                Optional<AnnotationMirror> found = jpa(reader, e, "Version");
                if (found.isPresent()) {
                    version = i;
                    versionLocation = SourceLocation.of(e, found.get(), AnnotationReader.typeName(found.get()), 0);
                    break;
                }
            }
        }
        Optional<Generation> generation = Optional.empty();
        if (mapping.key() >= 0) {
            for (Element e : annotatedElements(entity.members().get(mapping.key()))) {
                Optional<AnnotationMirror> generated = jpa(reader, e, "GeneratedValue");
                if (generated.isPresent()) {
                    generation = Optional.of(generation(entity, mapping.table(), e, generated.get(), reader));
                    break;
                }
            }
        }
        return new KeyAndVersion(version, versionLocation, generation);
    }

    private static Generation generation(EntityModel entity, String table, Element key, AnnotationMirror generated,
            AnnotationReader reader) {
        SourceLocation location = SourceLocation.of(key, generated, AnnotationReader.typeName(generated), 0);
        Strategy strategy = switch (reader.enumConstant(generated, "strategy")) {
            case "IDENTITY" -> Strategy.IDENTITY;
            case "SEQUENCE" -> Strategy.SEQUENCE;
            case "UUID" -> Strategy.UUID;
            case "TABLE" -> Strategy.TABLE;
            default -> Strategy.AUTO;
        };
        String generator = reader.string(generated, "generator");
        if (strategy == Strategy.IDENTITY || strategy == Strategy.UUID) {
            return new Generation(strategy, null, location);
        }
        // a named generator declared on the key, the entity or its package; else an unnamed one on the key or entity
        for (Element scope : scopes(key, entity)) {
            Optional<AnnotationMirror> tableGenerator = jpa(reader, scope, "TableGenerator");
            if (tableGenerator.isPresent()
                    && (generator.isEmpty() || reader.string(tableGenerator.get(), "name").equals(generator))) {
                return new Generation(Strategy.TABLE, null, location);
            }
            Optional<AnnotationMirror> sequence = jpa(reader, scope, "SequenceGenerator");
            if (sequence.isPresent() && (generator.isEmpty() || reader.string(sequence.get(), "name").equals(generator))) {
                String name = reader.string(sequence.get(), "sequenceName");
                if (name.isEmpty()) {
                    name = generator.isEmpty() ? table + "_seq" : generator;
                }
                String schema = reader.string(sequence.get(), "schema");
                return new Generation(Strategy.SEQUENCE, schema.isEmpty() ? name : schema + "." + name, location);
            }
        }
        if (!generator.isEmpty() || strategy == Strategy.TABLE) {
            // a Hibernate @GenericGenerator, an @IdGeneratorType, or a generator table
            return new Generation(strategy == Strategy.TABLE ? Strategy.TABLE : Strategy.CUSTOM, null, location);
        }
        // SEQUENCE or AUTO without a generator: Hibernate's sequence <table>_seq (for a whole-number key)
        return new Generation(strategy, table + "_seq", location);
    }

    private static List<Element> scopes(Element key, EntityModel entity) {
        List<Element> scopes = new ArrayList<>();
        scopes.add(key);
        scopes.add(entity.element());
        Element outer = entity.element().getEnclosingElement();
        while (outer != null && !(outer instanceof PackageElement)) {
            outer = outer.getEnclosingElement();
        }
        if (outer != null) {
            scopes.add(outer);
        }
        return scopes;
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

    /** Whether a member carries JPA's {@code @Version}, on its field or its getter. */
    public static boolean isVersion(MemberModel member) {
        for (Element e : annotatedElements(member)) {
            for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
                String name = AnnotationReader.typeName(mirror);
                if (name.equals("jakarta.persistence.Version") || name.equals("javax.persistence.Version")) {
                    return true;
                }
            }
        }
        return false;
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
}
