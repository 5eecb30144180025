package dev.warden.processor.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A Warden annotation found where it has no effect: an {@code @AccessRule} on a type that is not a
 * {@code @SecuredEntity}, or a member annotation on something that is not a member of one.
 *
 * @param kind what is wrong with the placement
 * @param annotationName the simple name of the annotation, {@code "MemberAccess"}
 * @param location the element it is on (or the annotation itself)
 */
public record StrayAnnotation(Kind kind, String annotationName, SourceLocation location) {

    /** The containers of the repeatable annotations, by the qualified name of what they contain. */
    private static final Map<String, String> CONTAINERS = Map.of(
            WardenAnnotations.ACCESS_RULE, WardenAnnotations.ACCESS_RULES,
            WardenAnnotations.MEMBER_ACCESS, WardenAnnotations.MEMBER_ACCESSES);

    /** What is wrong with the placement. */
    public enum Kind {
        RULE_ON_NON_ENTITY,
        MEMBER_ANNOTATION_ON_NON_MEMBER
    }

    /**
     * Where to report it: the (first) misplaced annotation itself, so that the message is on the annotation
     * rather than on the declaration under it; the element when the annotation cannot be found on it.
     */
    public SourceLocation annotationLocation() {
        if (location.annotation() != null) {
            return location;
        }
        Element element = location.element();
        String type = "dev.warden.annotations." + annotationName;
        String container = CONTAINERS.get(type);
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = AnnotationReader.typeName(mirror);
            if (name.equals(type) || name.equals(container)) {
                return SourceLocation.of(element, mirror, type, 0);
            }
        }
        return location;
    }
}
