package dev.warden.processor.model;

/**
 * A Warden annotation found where it has no effect: an {@code @AccessRule} on a type that is not a
 * {@code @SecuredEntity}, or a member annotation on something that is not a member of one.
 */
public record StrayAnnotation(Kind kind, String annotationName, SourceLocation location) {

    /** What is wrong with the placement. */
    public enum Kind {
        RULE_ON_NON_ENTITY,
        MEMBER_ANNOTATION_ON_NON_MEMBER
    }
}
