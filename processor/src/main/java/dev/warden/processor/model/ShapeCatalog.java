package dev.warden.processor.model;

import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.ConstraintEnvironment;
import dev.warden.processor.constraint.EntityLookup;
import dev.warden.processor.constraint.EntityShape;
import dev.warden.processor.constraint.MemberShape;
import dev.warden.processor.constraint.TokenShape;
import dev.warden.processor.constraint.ValueKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Presents entities to the constraint language as {@link EntityShape}s: the members a constraint may name,
 * what kind of value each holds and how to read it. Entities compiled now come from their models; entities
 * on the class path (associations into a module compiled earlier) are read on demand.
 */
public final class ShapeCatalog implements EntityLookup {

    private final Elements elements;
    private final Types types;
    private final ModelBuilder builder;
    private final Map<String, EntityModel> models = new HashMap<>();
    private final Map<String, Optional<EntityShape>> shapes = new HashMap<>();
    /** The member model behind each member shape made here, for questions constraints do not ask. */
    private final Map<MemberShape, MemberModel> memberModels = new java.util.IdentityHashMap<>();

    private final AnnotationReader reader;

    public ShapeCatalog(Elements elements, Types types, ModelBuilder builder) {
        this.elements = elements;
        this.types = types;
        this.builder = builder;
        this.reader = new AnnotationReader(elements);
    }

    /** Makes an entity of the current compilation known, so associations to it resolve. */
    public void register(EntityModel entity) {
        models.put(entity.qualifiedName(), entity);
        shapes.remove(entity.qualifiedName());
    }

    @Override
    public Optional<EntityShape> find(String qualifiedName) {
        Optional<EntityShape> known = shapes.get(qualifiedName);
        if (known != null) {
            return known;
        }
        Optional<EntityShape> shape = Optional.ofNullable(models.get(qualifiedName)).or(() -> readFromTypes(qualifiedName))
                .map(this::shapeOf);
        shapes.put(qualifiedName, shape);
        return shape;
    }

    private Optional<EntityModel> readFromTypes(String qualifiedName) {
        TypeElement type = elements.getTypeElement(qualifiedName);
        if (type == null || !builder.isSecuredEntity(type)) {
            return Optional.empty();
        }
        ModelBuilder.Result result = builder.entity(type);
        return result.isDeferred() ? Optional.empty() : Optional.of(result.entity());
    }

    /** The shape of one entity. */
    public EntityShape shapeOf(EntityModel entity) {
        List<MemberShape> members = new ArrayList<>();
        for (MemberModel member : entity.members()) {
            MemberShape shape = switch (member.kind()) {
                case TO_ONE -> MemberShape.toOne(member.name(), TypeName.get(member.type()), member.getter(),
                        member.targetEntity());
                case TO_MANY -> MemberShape.toMany(member.name(), TypeName.get(member.type()), member.getter(),
                        member.targetEntity());
                case ATTRIBUTE -> TableMapping.embeddable(member, reader).map(type -> embedded(member, type))
                        .orElseGet(() -> attribute(member));
            };
            MemberShape made = member.isCalculated() ? shape.asCalculated() : shape;
            memberModels.put(made, member);
            members.add(made);
        }
        return new EntityShape(entity.qualifiedName(), entity.simpleName(), members,
                entity.keyMember().map(MemberModel::name).orElse(null));
    }

    /**
     * The member model a member shape was made from.
     *
     * @param shape a member shape of an entity shape from this catalogue
     * @return its model, or empty for a shape made elsewhere
     */
    public Optional<MemberModel> modelOf(MemberShape shape) {
        return Optional.ofNullable(memberModels.get(shape));
    }

    /**
     * A JPA {@code @Embedded} member: its embeddable's attributes are what {@code address/city} reaches; an
     * association or a nested embeddable in it is not among them.
     */
    private MemberShape embedded(MemberModel member, TypeElement embeddable) {
        List<MemberShape> attributes = new ArrayList<>();
        for (MemberModel attribute : builder.embeddableMembers(embeddable)) {
            if (attribute.kind() == MemberModel.MemberKind.ATTRIBUTE) {
                MemberShape shape = attribute(attribute);
                attributes.add(attribute.isCalculated() ? shape.asCalculated() : shape);
            }
        }
        MemberShape plain = attribute(member);
        return attributes.isEmpty() ? plain : plain.asEmbedded(attributes);
    }

    private MemberShape attribute(MemberModel member) {
        TypeMirror type = member.type();
        if (type.getKind() == TypeKind.DECLARED) {
            Element element = ((DeclaredType) type).asElement();
            if (element.getKind() == ElementKind.ENUM) {
                List<String> constants = new ArrayList<>();
                for (Element enclosed : element.getEnclosedElements()) {
                    if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
                        constants.add(enclosed.getSimpleName().toString());
                    }
                }
                return MemberShape.enumAttribute(member.name(), TypeName.get(types.erasure(type)), member.getter(), constants);
            }
        }
        TypeName name = TypeName.get(type.getKind() == TypeKind.DECLARED ? types.erasure(type) : type);
        return MemberShape.attribute(member.name(), ValueKind.ofSimpleType(name), name, member.getter());
    }

    /** What constraints may refer to besides members, from the application when it is known. */
    public ConstraintEnvironment environment(Optional<AppModel> app) {
        if (app.isEmpty()) {
            return new ConstraintEnvironment(this, null, Map.of(), null);
        }
        Map<String, TokenShape> tokens = new LinkedHashMap<>();
        for (TokenModel token : app.get().tokens()) {
            if (token.type() != null && isComparableTokenType(token.type())) {
                tokens.putIfAbsent(token.name(), new TokenShape(token.name(), kindOf(token.type()), boxed(token.type())));
            }
        }
        Set<String> userRoles = new LinkedHashSet<>();
        app.get().userRoles().forEach(r -> userRoles.add(r.name()));
        return new ConstraintEnvironment(this, boxed(app.get().userIdType()), tokens, userRoles);
    }

    /** Whether constraints can compare a token of this type. */
    public boolean isComparableTokenType(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return element.getKind() == ElementKind.ENUM || kindOf(type) != ValueKind.OTHER
                || element.getQualifiedName().contentEquals("java.util.UUID");
    }

    private ValueKind kindOf(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
            return ValueKind.ENUM;
        }
        return ValueKind.ofSimpleType(boxed(type));
    }

    private TypeName boxed(TypeMirror type) {
        TypeMirror boxed = type.getKind().isPrimitive()
                ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                : types.erasure(type);
        return TypeName.get(boxed);
    }
}
