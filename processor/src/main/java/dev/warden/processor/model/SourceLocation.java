package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where something was declared: an element, optionally one annotation on it and one value inside that
 * annotation. Besides the mirrors (which {@code Messager} understands), it keeps the path to the value in
 * source terms (annotation type, its occurrence among repeated annotations, attribute names and array
 * indices), because javac cannot place a message on one of several repeated annotations from mirrors alone.
 *
 * @param element the annotated element
 * @param annotation the annotation, or {@code null} for the element itself
 * @param value the annotation value, or {@code null} for the whole annotation
 * @param annotationType the qualified name of the annotation type, or {@code null}
 * @param occurrence which occurrence of {@code annotationType} on the element, counting from 0
 * @param steps the attribute path inside the annotation, outermost first
 */
public record SourceLocation(
        Element element,
        AnnotationMirror annotation,
        AnnotationValue value,
        String annotationType,
        int occurrence,
        List<Step> steps) {

    /**
     * One step into an annotation: an attribute, and for an array attribute the index of an element
     * ({@code -1} for the whole value).
     */
    public record Step(String attribute, int index) {}

    public SourceLocation {
        steps = List.copyOf(steps);
    }

    /** The element itself. */
    public static SourceLocation of(Element element) {
        return new SourceLocation(element, null, null, null, 0, List.of());
    }

    /** An annotation on the element, the {@code occurrence}-th of its type. */
    public static SourceLocation of(Element element, AnnotationMirror annotation, String annotationType, int occurrence) {
        return new SourceLocation(element, annotation, null, annotationType, occurrence, List.of());
    }

    /** A value inside this location's annotation, one attribute (and array index) deeper. */
    public SourceLocation at(String attribute, int index, AnnotationValue attributeValue) {
        List<Step> deeper = new ArrayList<>(steps);
        deeper.add(new Step(attribute, index));
        return new SourceLocation(element, annotation, attributeValue != null ? attributeValue : value,
                annotationType, occurrence, deeper);
    }

    /** A value inside this location's annotation, the whole attribute. */
    public SourceLocation at(String attribute, AnnotationValue attributeValue) {
        return at(attribute, -1, attributeValue);
    }
}
