package dev.warden.processor.model;

import dev.warden.processor.model.MemberModel.MemberKind;
import dev.warden.processor.model.MemberModel.ReadOnlyReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns annotated elements into the model. It records what is written, leniently: deciding whether it is
 * valid is the validation layer's job. The only thing it refuses is a type that does not resolve yet
 * (perhaps generated later in this compilation), which it reports as {@link Result#deferredOn()} so the
 * processor can retry the entity in the next round.
 */
public final class ModelBuilder {

    /** An entity model, or the name of a type that must be generated before the entity can be read. */
    public record Result(EntityModel entity, String deferredOn) {
        public boolean isDeferred() {
            return deferredOn != null;
        }
    }

    private final Elements elements;
    private final Types types;
    private final AnnotationReader reader;
    private final ModuleCatalog modules;

    public ModelBuilder(Elements elements, Types types, ModuleCatalog modules) {
        this.elements = elements;
        this.types = types;
        this.reader = new AnnotationReader(elements);
        this.modules = modules;
    }

    // ---------------------------------------------------------------- application

    /** Reads {@code @AppSecurity} from its type. */
    public AppModel application(TypeElement type, boolean fromSources) {
        AnnotationMirror mirror = reader.find(type, WardenAnnotations.APP_SECURITY).orElseThrow();
        SourceLocation location = SourceLocation.of(type, mirror, WardenAnnotations.APP_SECURITY, 0);

        List<UserRoleModel> userRoles = new ArrayList<>();
        List<AnnotationValue> roleValues = reader.array(mirror, "userRoles");
        for (int i = 0; i < roleValues.size(); i++) {
            AnnotationMirror role = (AnnotationMirror) roleValues.get(i).getValue();
            SourceLocation roleLocation = location.at("userRoles", i, roleValues.get(i));
            List<NameRef> moduleRoles = names(role, "moduleRoles", roleLocation);
            userRoles.add(new UserRoleModel(reader.string(role, "name"), moduleRoles,
                    roleLocation.at("name", reader.value(role, "name")),
                    attributeLocation(roleLocation, role, "moduleRoles"), names(role, "manageableRoles", roleLocation)));
        }

        List<TokenModel> tokens = new ArrayList<>();
        List<AnnotationValue> tokenValues = reader.array(mirror, "tokens");
        for (int i = 0; i < tokenValues.size(); i++) {
            AnnotationMirror token = (AnnotationMirror) tokenValues.get(i).getValue();
            SourceLocation tokenLocation = location.at("tokens", i, tokenValues.get(i));
            tokens.add(new TokenModel(reader.string(token, "name"),
                    reader.type(token, "type").orElse(null),
                    tokenLocation.at("name", reader.value(token, "name")),
                    tokenLocation.at("type", reader.value(token, "type"))));
        }

        String anonymous = reader.string(mirror, "anonymousRole");
        Optional<NameRef> anonymousRole = anonymous.isEmpty()
                ? Optional.empty()
                : Optional.of(new NameRef(anonymous, location.at("anonymousRole", reader.value(mirror, "anonymousRole"))));

        TypeMirror userIdType = reader.type(mirror, "userIdType")
                .orElseGet(() -> elements.getTypeElement("java.lang.Long").asType());
        String level = reader.enumConstant(mirror, "level");
        return new AppModel(
                type.getQualifiedName().toString(),
                packageOf(type).getQualifiedName().toString(),
                type.getSimpleName().toString(),
                level.isEmpty() ? SecurityLevel.PRODUCTION : SecurityLevel.valueOf(level),
                attributeLocation(location, mirror, "level"),
                userRoles,
                anonymousRole,
                userIdType,
                location.at("userIdType", reader.value(mirror, "userIdType")),
                tokens,
                location,
                fromSources);
    }

    // ---------------------------------------------------------------- entities

    /** Reads a {@code @SecuredEntity} type with its members and rules. */
    public Result entity(TypeElement type) {
        Optional<String> unresolved = firstUnresolvedType(type);
        if (unresolved.isPresent()) {
            return new Result(null, unresolved.get());
        }
        AnnotationMirror mirror = reader.find(type, WardenAnnotations.SECURED_ENTITY).orElseThrow();
        PackageElement pkg = packageOf(type);
        boolean isRecord = type.getKind() == ElementKind.RECORD;
        List<MemberModel> members = isRecord ? recordMembers(type) : beanMembers(type);
        EntityModel entity = new EntityModel(
                type,
                type.getQualifiedName().toString(),
                pkg.getQualifiedName().toString(),
                type.getSimpleName().toString(),
                isRecord,
                reader.string(mirror, "table"),
                reader.bool(mirror, "persistent"),
                modules.moduleOfPackage(pkg.getQualifiedName().toString()),
                members,
                rules(type),
                securedSuperclass(type),
                SourceLocation.of(type, mirror, WardenAnnotations.SECURED_ENTITY, 0));
        return new Result(entity, null);
    }

    /** Whether a type is a secured entity (in the sources or on the class path). */
    public boolean isSecuredEntity(TypeElement type) {
        return reader.has(type, WardenAnnotations.SECURED_ENTITY);
    }

    /**
     * The rules of an entity: its own {@code @AccessRule}s, then those of each annotation on it whose annotation type
     * carries {@code @AccessRule}s (reusable rules), numbered on in that order.
     */
    private List<RuleModel> rules(TypeElement type) {
        List<RuleModel> rules = new ArrayList<>(rulesOn(type, 0, null));
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
            String name = annotationType.getQualifiedName().toString();
            if (name.startsWith("dev.warden.annotations.") || name.startsWith("java.lang.")) {
                continue;
            }
            if (reader.has(annotationType, WardenAnnotations.ACCESS_RULE)
                    || reader.has(annotationType, WardenAnnotations.ACCESS_RULES)) {
                RuleModel.ReusedFrom reused = new RuleModel.ReusedFrom(annotationType.getSimpleName().toString(),
                        SourceLocation.of(type, annotation, name, 0));
                rules.addAll(rulesOn(annotationType, rules.size(), reused));
            }
        }
        return rules;
    }

    /** Whether a type is an annotation type that carries reusable {@code @AccessRule}s. */
    public boolean isReusableRule(TypeElement type) {
        return type.getKind() == ElementKind.ANNOTATION_TYPE;
    }

    private List<RuleModel> rulesOn(TypeElement type, int numbered, RuleModel.ReusedFrom reused) {
        List<RuleModel> rules = new ArrayList<>();
        List<AnnotationMirror> mirrors =
                reader.findRepeated(type, WardenAnnotations.ACCESS_RULE, WardenAnnotations.ACCESS_RULES);
        for (int i = 0; i < mirrors.size(); i++) {
            AnnotationMirror rule = mirrors.get(i);
            SourceLocation location = SourceLocation.of(type, rule, WardenAnnotations.ACCESS_RULE, i);
            List<MemberEntry> entries = new ArrayList<>();
            List<AnnotationValue> memberValues = reader.array(rule, "members");
            for (int m = 0; m < memberValues.size(); m++) {
                AnnotationMirror member = (AnnotationMirror) memberValues.get(m).getValue();
                SourceLocation entryLocation = location.at("members", m, memberValues.get(m));
                entries.add(new MemberEntry(
                        new NameRef(reader.string(member, "name"), entryLocation.at("name", reader.value(member, "name"))),
                        access(reader.enumConstant(member, "access")),
                        entryLocation));
            }
            rules.add(new RuleModel(
                    numbered + i + 1,
                    names(rule, "roles", location),
                    reader.bool(rule, "create"),
                    reader.bool(rule, "delete"),
                    access(reader.enumConstant(rule, "defaultAccess")),
                    entries,
                    reader.string(rule, "constraint"),
                    location,
                    attributeLocation(location, rule, "roles"),
                    attributeLocation(location, rule, "constraint"),
                    attributeLocation(location, rule, "defaultAccess"),
                    reused));
        }
        return rules;
    }

    /**
     * The members of a JPA {@code @Embeddable} type, read as an entity's are: record components, or JavaBean
     * properties with a public getter.
     */
    public List<MemberModel> embeddableMembers(TypeElement type) {
        return type.getKind() == ElementKind.RECORD ? recordMembers(type) : beanMembers(type);
    }

    private List<MemberModel> recordMembers(TypeElement type) {
        List<MemberModel> members = new ArrayList<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            String name = component.getSimpleName().toString();
            // javac copies annotations written on a component to its field and accessor: read the component only.
            boolean calculated = reader.has(component, WardenAnnotations.CALCULATED);
            members.add(member(name, component.asType(), name, null,
                    calculated ? ReadOnlyReason.CALCULATED : ReadOnlyReason.RECORD_COMPONENT,
                    List.of(component), component));
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (reader.has(method, WardenAnnotations.CALCULATED) && isAccessorShaped(method)
                    && type.getRecordComponents().stream().noneMatch(c -> c.getSimpleName().equals(method.getSimpleName()))) {
                String name = method.getSimpleName().toString();
                members.add(member(name, method.getReturnType(), name, null, ReadOnlyReason.CALCULATED,
                        List.of(method), method));
            }
        }
        return members;
    }

    /**
     * JavaBean properties with a public getter, from the topmost superclass down, each in declaration
     * order. A property has a field of the same name when one is declared anywhere in the hierarchy.
     */
    private List<MemberModel> beanMembers(TypeElement type) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals("java.lang.Object"); t = superclass(t)) {
            hierarchy.add(0, t);
        }
        Map<String, VariableElement> fields = new LinkedHashMap<>();
        Map<String, ExecutableElement> getters = new LinkedHashMap<>();
        Map<String, ExecutableElement> setters = new LinkedHashMap<>();
        for (TypeElement t : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
                if (!field.getModifiers().contains(Modifier.STATIC)) {
                    fields.put(field.getSimpleName().toString(), field);
                }
            }
            for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
                propertyOfGetter(method).ifPresent(p -> getters.putIfAbsent(p, method));
                propertyOfSetter(method).ifPresent(p -> setters.putIfAbsent(p, method));
            }
        }
        // Order: fields first (declaration order), then getter-only properties.
        List<String> order = new ArrayList<>();
        fields.keySet().stream().filter(getters::containsKey).forEach(order::add);
        getters.keySet().stream().filter(p -> !order.contains(p)).forEach(order::add);

        List<MemberModel> members = new ArrayList<>();
        for (String name : order) {
            ExecutableElement getter = getters.get(name);
            VariableElement field = fields.get(name);
            ExecutableElement setter = setters.get(name);
            if (setter != null && !types.isSameType(
                    types.erasure(setter.getParameters().get(0).asType()), types.erasure(getter.getReturnType()))) {
                setter = null;
            }
            List<Element> annotated = new ArrayList<>();
            if (field != null) {
                annotated.add(field);
            }
            annotated.add(getter);
            boolean calculated = annotated.stream().anyMatch(e -> reader.has(e, WardenAnnotations.CALCULATED));
            ReadOnlyReason readOnly;
            if (calculated || (field == null && setter == null)) {
                readOnly = ReadOnlyReason.CALCULATED;
            } else if (field != null && field.getModifiers().contains(Modifier.FINAL)) {
                readOnly = ReadOnlyReason.FINAL_FIELD;
            } else if (setter == null) {
                readOnly = ReadOnlyReason.GETTER_ONLY;
            } else {
                readOnly = null;
            }
            members.add(member(name, getter.getReturnType(), getter.getSimpleName().toString(),
                    setter == null ? null : setter.getSimpleName().toString(), readOnly, annotated,
                    field != null ? field : getter));
        }
        return members;
    }

    private MemberModel member(String name, TypeMirror type, String getter, String setter, ReadOnlyReason readOnly,
            List<? extends Element> annotated, Element declaring) {
        Shape shape = shapeOf(type);
        SourceLocation ownerLocation = null;
        for (Element element : annotated) {
            Optional<AnnotationMirror> mirror = reader.find(element, WardenAnnotations.OWNER);
            if (mirror.isPresent() && ownerLocation == null) {
                ownerLocation = SourceLocation.of(element, mirror.get(), WardenAnnotations.OWNER, 0);
            }
        }
        boolean owner = ownerLocation != null;
        List<SystemMarker> markers = new ArrayList<>();
        for (SystemMarker.Kind kind : SystemMarker.Kind.values()) {
            for (Element element : annotated) {
                Optional<AnnotationMirror> mirror = reader.find(element, kind.annotationType());
                if (mirror.isPresent()) {
                    String token = kind == SystemMarker.Kind.PRESET ? reader.string(mirror.get(), "token") : null;
                    markers.add(new SystemMarker(kind, token,
                            SourceLocation.of(element, mirror.get(), kind.annotationType(), 0)));
                    break;
                }
            }
        }
        boolean key = name.equals("id") || annotated.stream().anyMatch(this::hasJpaId);
        List<MemberAccessModel> rights = new ArrayList<>();
        for (Element element : annotated) {
            rights.addAll(memberAccess(element));
        }
        return new MemberModel(name, type, shape.kind, shape.container, shape.copy, getter, setter, readOnly, owner,
                key, shape.target, rights, declaring, SourceLocation.of(declaring), ownerLocation, markers);
    }

    /** What a member's type makes it: an attribute, or an association in some container, and how to copy it. */
    private record Shape(MemberKind kind, MemberModel.Container container, MemberModel.ValueCopy copy, String target) {
        static Shape attribute(MemberModel.ValueCopy copy) {
            return new Shape(MemberKind.ATTRIBUTE, MemberModel.Container.NONE, copy, null);
        }
    }

    /** The erasures of the mutable container types secured proxies can copy (see the runtime's Copies). */
    private static final java.util.Set<String> COPYABLE_CONTAINERS = java.util.Set.of(
            "java.lang.Iterable", "java.util.Collection", "java.util.List", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.SortedSet", "java.util.NavigableSet", "java.util.TreeSet", "java.util.Map", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.SortedMap", "java.util.NavigableMap", "java.util.TreeMap");

    private Shape shapeOf(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
            Optional<TypeElement> target = securedEntityType(component);
            if (target.isPresent()) {
                return new Shape(MemberKind.TO_MANY, MemberModel.Container.ARRAY, MemberModel.ValueCopy.COPY,
                        qualifiedName(target.get()));
            }
            return isObject(component) ? unknown() : Shape.attribute(MemberModel.ValueCopy.COPY);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Shape.attribute(MemberModel.ValueCopy.NONE);
        }
        Optional<TypeElement> toOne = securedEntityType(type);
        if (toOne.isPresent()) {
            return new Shape(MemberKind.TO_ONE, MemberModel.Container.NONE, MemberModel.ValueCopy.NONE,
                    qualifiedName(toOne.get()));
        }
        String erasure = qualifiedName((TypeElement) types.asElement(types.erasure(type)));
        boolean copyable = COPYABLE_CONTAINERS.contains(erasure);
        if (erasure.equals("java.util.Optional")) {
            Optional<TypeMirror> element = typeArgument(type, 0);
            if (element.isEmpty() || isObject(element.get())) {
                return unknown();
            }
            return securedEntityType(element.get())
                    .map(t -> new Shape(MemberKind.TO_ONE, MemberModel.Container.OPTIONAL, MemberModel.ValueCopy.NONE,
                            qualifiedName(t)))
                    .orElse(Shape.attribute(MemberModel.ValueCopy.NONE));
        }
        if (isSubtype(type, "java.util.Map")) {
            Optional<TypeMirror> value = supertypeArgument(type, "java.util.Map", 1);
            if (value.isEmpty() || isObject(value.get())) {
                return unknown();
            }
            MemberModel.ValueCopy copy = copyable ? MemberModel.ValueCopy.COPY : MemberModel.ValueCopy.UNSUPPORTED;
            return securedEntityType(value.get())
                    .map(t -> new Shape(MemberKind.TO_MANY, MemberModel.Container.MAP, copy, qualifiedName(t)))
                    .orElse(Shape.attribute(copy));
        }
        if (isSubtype(type, "java.lang.Iterable")) {
            Optional<TypeMirror> element = supertypeArgument(type, "java.lang.Iterable", 0);
            if (element.isEmpty() || isObject(element.get())) {
                return unknown();
            }
            MemberModel.ValueCopy copy = copyable ? MemberModel.ValueCopy.COPY : MemberModel.ValueCopy.UNSUPPORTED;
            MemberModel.Container container = isSubtype(type, "java.util.Collection")
                    ? MemberModel.Container.COLLECTION : MemberModel.Container.ITERABLE;
            return securedEntityType(element.get())
                    .map(t -> new Shape(MemberKind.TO_MANY, container, copy, qualifiedName(t)))
                    .orElse(Shape.attribute(copy));
        }
        if (isSubtype(type, "java.util.Date") || isSubtype(type, "java.util.Calendar")) {
            return Shape.attribute(MemberModel.ValueCopy.COPY);
        }
        return Shape.attribute(MemberModel.ValueCopy.NONE);
    }

    private static Shape unknown() {
        return new Shape(MemberKind.ATTRIBUTE, MemberModel.Container.UNKNOWN, MemberModel.ValueCopy.NONE, null);
    }

    private boolean isSubtype(TypeMirror type, String qualifiedName) {
        TypeElement supertype = elements.getTypeElement(qualifiedName);
        return supertype != null && types.isSubtype(types.erasure(type), types.erasure(supertype.asType()));
    }

    private static boolean isObject(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
    }

    /** A type argument of a declared type, with a wildcard's upper bound; empty for a raw type or {@code ?}. */
    private static Optional<TypeMirror> typeArgument(TypeMirror type, int index) {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() <= index) {
            return Optional.empty();
        }
        TypeMirror argument = arguments.get(index);
        if (argument.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((javax.lang.model.type.WildcardType) argument).getExtendsBound();
            return Optional.ofNullable(bound);
        }
        return argument.getKind() == TypeKind.TYPEVAR ? Optional.empty() : Optional.of(argument);
    }

    /**
     * A type argument of the parameterization of a generic supertype ({@code Iterable}, {@code Map}) that a type
     * has, following its supertypes: the {@code OrderLine} of {@code List<OrderLine>} or of
     * {@code class Lines extends ArrayList<OrderLine>}.
     */
    private Optional<TypeMirror> supertypeArgument(TypeMirror type, String supertype, int index) {
        java.util.Deque<TypeMirror> pending = new java.util.ArrayDeque<>(List.of(type));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            TypeMirror next = pending.removeFirst();
            if (next.getKind() != TypeKind.DECLARED || !seen.add(next.toString())) {
                continue;
            }
            if (((TypeElement) ((DeclaredType) next).asElement()).getQualifiedName().contentEquals(supertype)) {
                return typeArgument(next, index);
            }
            pending.addAll(types.directSupertypes(next));
        }
        return Optional.empty();
    }

    private static String qualifiedName(TypeElement type) {
        return type.getQualifiedName().toString();
    }

    /** The {@code @MemberAccess} annotations on one element. */
    public List<MemberAccessModel> memberAccess(Element element) {
        List<MemberAccessModel> rights = new ArrayList<>();
        List<AnnotationMirror> mirrors =
                reader.findRepeated(element, WardenAnnotations.MEMBER_ACCESS, WardenAnnotations.MEMBER_ACCESSES);
        for (int i = 0; i < mirrors.size(); i++) {
            AnnotationMirror mirror = mirrors.get(i);
            SourceLocation location = SourceLocation.of(element, mirror, WardenAnnotations.MEMBER_ACCESS, i);
            rights.add(new MemberAccessModel(names(mirror, "roles", location),
                    access(reader.enumConstant(mirror, "value")), location.at("value", reader.value(mirror, "value"))));
        }
        return rights;
    }

    /**
     * Whether JPA's {@code @Id} marks the member. It does not target record components, so javac keeps it only on a
     * component's field and accessor: for a component, the accessor is read.
     */
    private boolean hasJpaId(Element element) {
        if (element instanceof RecordComponentElement component && component.getAccessor() != null
                && hasJpaId(component.getAccessor())) {
            return true;
        }
        return reader.has(element, "jakarta.persistence.Id") || reader.has(element, "javax.persistence.Id");
    }

    // ---------------------------------------------------------------- helpers

    private List<NameRef> names(AnnotationMirror mirror, String attribute, SourceLocation location) {
        List<NameRef> names = new ArrayList<>();
        List<AnnotationValue> values = reader.array(mirror, attribute);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i).getValue();
            names.add(new NameRef(value instanceof String s ? s : "", location.at(attribute, i, values.get(i))));
        }
        return names;
    }

    private SourceLocation attributeLocation(SourceLocation annotation, AnnotationMirror mirror, String attribute) {
        return reader.explicitValue(mirror, attribute)
                .map(value -> annotation.at(attribute, value))
                .orElse(annotation);
    }

    private static Access access(String constant) {
        return constant.isEmpty() ? Access.NONE : Access.valueOf(constant);
    }

    private static Optional<String> propertyOfGetter(ExecutableElement method) {
        if (!isAccessorShaped(method) || !method.getModifiers().contains(Modifier.PUBLIC)) {
            return Optional.empty();
        }
        String name = method.getSimpleName().toString();
        if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
            return Optional.of(decapitalize(name.substring(3)));
        }
        TypeKind returns = method.getReturnType().getKind();
        boolean isBoolean = returns == TypeKind.BOOLEAN || method.getReturnType().toString().equals("java.lang.Boolean");
        if (isBoolean && name.startsWith("is") && name.length() > 2) {
            return Optional.of(decapitalize(name.substring(2)));
        }
        return Optional.empty();
    }

    private static Optional<String> propertyOfSetter(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        if (method.getModifiers().contains(Modifier.STATIC) || !method.getModifiers().contains(Modifier.PUBLIC)
                || method.getParameters().size() != 1 || !name.startsWith("set") || name.length() <= 3) {
            return Optional.empty();
        }
        return Optional.of(decapitalize(name.substring(3)));
    }

    private static boolean isAccessorShaped(ExecutableElement method) {
        return !method.getModifiers().contains(Modifier.STATIC)
                && method.getParameters().isEmpty()
                && method.getReturnType().getKind() != TypeKind.VOID
                && method.getTypeParameters().isEmpty();
    }

    /** {@code Total} to {@code total}, but {@code URL} stays {@code URL}, as {@code java.beans.Introspector} does. */
    static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The secured entity a type is: the type itself, or, for a subclass that is not a secured entity itself, its
     * nearest secured superclass (a member of such a type is an association to that entity).
     */
    private Optional<TypeElement> securedEntityType(TypeMirror type) {
        if (type.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((javax.lang.model.type.WildcardType) type).getExtendsBound();
            return bound == null ? Optional.empty() : securedEntityType(bound);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        for (TypeElement t = (TypeElement) ((DeclaredType) type).asElement(); t != null; t = superclass(t)) {
            if (isSecuredEntity(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private Optional<String> securedSuperclass(TypeElement type) {
        for (TypeElement t = superclass(type); t != null; t = superclass(t)) {
            if (isSecuredEntity(t)) {
                return Optional.of(t.getQualifiedName().toString());
            }
        }
        return Optional.empty();
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) superclass).asElement();
    }

    /** The first type used by the entity's members that does not resolve (an error type), if any. */
    private Optional<String> firstUnresolvedType(TypeElement type) {
        for (TypeElement t = type; t != null; t = superclass(t)) {
            if (t.getSuperclass().getKind() == TypeKind.ERROR) {
                return Optional.of(t.getSuperclass().toString());
            }
            // A record component needs no check of its own: its private field has the same type.
            for (Element member : t.getEnclosedElements()) {
                TypeMirror memberType = member instanceof ExecutableElement method ? method.getReturnType() : member.asType();
                if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD) {
                    Optional<String> error = findError(memberType);
                    if (error.isPresent()) {
                        return error;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findError(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return Optional.of(type.toString());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                Optional<String> error = findError(argument);
                if (error.isPresent()) {
                    return error;
                }
            }
        }
        return Optional.empty();
    }

    private PackageElement packageOf(Element element) {
        return elements.getPackageOf(element);
    }

    /**
     * Whether an element declares a member of a secured entity (a getter, the property's field, a record
     * component or its accessor), where member annotations such as {@code @MemberAccess} take effect.
     */
    public boolean declaresMember(Element element) {
        Element enclosing = element.getEnclosingElement();
        if (!(enclosing instanceof TypeElement type) || !isSecuredEntity(type)) {
            return false;
        }
        String name = element.getSimpleName().toString();
        if (type.getKind() == ElementKind.RECORD) {
            return type.getRecordComponents().stream().anyMatch(c -> c.getSimpleName().contentEquals(name))
                    || reader.has(element, WardenAnnotations.CALCULATED);
        }
        if (element instanceof ExecutableElement method) {
            return propertyOfGetter(method).isPresent();
        }
        return element.getKind() == ElementKind.FIELD && beanMembers(type).stream().anyMatch(m -> m.name().equals(name));
    }
}
