package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @AllowedRoles} of a type and its methods into an {@link OperationTypeModel}. Like
 * {@link ModelBuilder}, it records what is written and leaves judging it to validation; it only refuses a type whose
 * supertypes do not resolve yet (perhaps generated later), whose inherited methods it could not know.
 */
public final class OperationReader {

    /** A model, or the name of a type that must be generated first. */
    public record Result(OperationTypeModel model, String deferredOn) {
        public boolean isDeferred() {
            return deferredOn != null;
        }
    }

    /** Types whose methods never become operations through a type's {@code @AllowedRoles}. */
    private static final Set<String> PLATFORM_TYPES = Set.of("java.lang.Object", "java.lang.Record", "java.lang.Enum");

    private final Elements elements;
    private final AnnotationReader reader;
    private final ModuleCatalog modules;

    public OperationReader(Elements elements, ModuleCatalog modules) {
        this.elements = elements;
        this.reader = new AnnotationReader(elements);
        this.modules = modules;
    }

    /** Reads a type that carries {@code @AllowedRoles}, or has a method that does. */
    public Result read(TypeElement type) {
        Optional<String> unresolved = firstUnresolvedSupertype(type);
        if (unresolved.isPresent()) {
            return new Result(null, unresolved.get());
        }
        String displayName = displayName(type);
        Optional<AllowedRolesModel> typeRoles = annotation(type, displayName);
        List<AllowedRolesModel> methodRoles = new ArrayList<>();
        List<OperationModel> operations = new ArrayList<>();
        // The type's own methods in declaration order, then the public methods it inherits.
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Optional<AllowedRolesModel> own = annotation(method, displayName + "." + method.getSimpleName());
            own.ifPresent(methodRoles::add);
            Optional<AllowedRolesModel> roles = own.isPresent() ? own
                    : typeRoles.filter(t -> isCoveredByTypeAnnotation(method));
            roles.ifPresent(r -> operations.add(new OperationModel(method.getSimpleName().toString(), method, r,
                    own.isPresent(), overridden(type, method))));
        }
        if (typeRoles.isPresent()) {
            for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
                if (!method.getEnclosingElement().equals(type) && isCoveredByTypeAnnotation(method)) {
                    operations.add(new OperationModel(method.getSimpleName().toString(), method, typeRoles.get(), false,
                            List.of()));
                }
            }
        }
        return new Result(new OperationTypeModel(type, type.getQualifiedName().toString(),
                elements.getPackageOf(type).getQualifiedName().toString(), displayName, typeRoles, methodRoles,
                operations), null);
    }

    /**
     * Whether a member of an annotated type is protected by the type's annotation: public, not a method of
     * {@code Object}, {@code Record} or {@code Enum} nor an override of {@code equals}, {@code hashCode} or
     * {@code toString}, and without an {@code @AllowedRoles} of its own (a declared one is an operation already;
     * an inherited one stays the supertype's operation, which a look-up from the type finds).
     */
    private boolean isCoveredByTypeAnnotation(ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || reader.has(method, WardenAnnotations.ALLOWED_ROLES)) {
            return false;
        }
        TypeElement declaring = (TypeElement) method.getEnclosingElement();
        if (PLATFORM_TYPES.contains(declaring.getQualifiedName().toString())) {
            return false;
        }
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        boolean objectMethod = (name.equals("hashCode") || name.equals("toString")) && parameters == 0
                || name.equals("equals") && parameters == 1
                        && method.getParameters().get(0).asType().toString().equals("java.lang.Object");
        return !objectMethod;
    }

    /** The operations of the supertypes of {@code type} that a method it declares overrides. */
    private List<OperationModel.Overridden> overridden(TypeElement type, ExecutableElement method) {
        List<OperationModel.Overridden> found = new ArrayList<>();
        for (TypeElement supertype : supertypes(type)) {
            String name = displayName(supertype);
            Optional<AllowedRolesModel> typeRoles = annotation(supertype, name);
            for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
                if (!candidate.getSimpleName().equals(method.getSimpleName())
                        || !elements.overrides(method, candidate, type)) {
                    continue;
                }
                Optional<AllowedRolesModel> roles = annotation(candidate, name + "." + candidate.getSimpleName());
                if (roles.isEmpty() && typeRoles.isPresent() && isCoveredByTypeAnnotation(candidate)) {
                    roles = typeRoles;
                }
                roles.ifPresent(r -> found.add(new OperationModel.Overridden(name, r)));
            }
        }
        return found;
    }

    /** Every supertype of a type, transitively, superclasses first; without the platform's types. */
    private static List<TypeElement> supertypes(TypeElement type) {
        List<TypeElement> found = new ArrayList<>();
        List<TypeElement> queue = new ArrayList<>(List.of(type));
        for (int i = 0; i < queue.size(); i++) {
            TypeElement current = queue.get(i);
            List<TypeMirror> direct = new ArrayList<>(current.getInterfaces());
            direct.add(0, current.getSuperclass());
            for (TypeMirror supertype : direct) {
                if (supertype.getKind() == TypeKind.DECLARED) {
                    TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
                    if (!found.contains(element) && !PLATFORM_TYPES.contains(element.getQualifiedName().toString())) {
                        found.add(element);
                        queue.add(element);
                    }
                }
            }
        }
        return found;
    }

    private Optional<AllowedRolesModel> annotation(Element element, String target) {
        Optional<AnnotationMirror> found = reader.find(element, WardenAnnotations.ALLOWED_ROLES);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror mirror = found.get();
        SourceLocation location = SourceLocation.of(element, mirror, WardenAnnotations.ALLOWED_ROLES, 0);
        List<NameRef> roles = new ArrayList<>();
        List<AnnotationValue> values = reader.array(mirror, "value");
        for (int i = 0; i < values.size(); i++) {
            Object role = values.get(i).getValue();
            roles.add(new NameRef(role instanceof String s ? s : "", location.at("value", i, values.get(i))));
        }
        String packageName = elements.getPackageOf(element).getQualifiedName().toString();
        return Optional.of(new AllowedRolesModel(target, roles, modules.moduleOfPackage(packageName), packageName,
                location, location.at("value", reader.value(mirror, "value"))));
    }

    /** {@code OrderService}, or {@code Shop.OrderService} for a type nested in {@code Shop}. */
    private static String displayName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = e.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return name.toString();
    }

    /** The first supertype (transitively) that does not resolve, if any. */
    private static Optional<String> firstUnresolvedSupertype(TypeElement type) {
        List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
        supertypes.add(0, type.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            if (supertype.getKind() == TypeKind.ERROR) {
                return Optional.of(supertype.toString());
            }
            if (supertype.getKind() == TypeKind.DECLARED) {
                Optional<String> deeper = firstUnresolvedSupertype((TypeElement) ((DeclaredType) supertype).asElement());
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }
}
