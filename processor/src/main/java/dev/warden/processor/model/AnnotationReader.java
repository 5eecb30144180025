package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, so that it works the same for sources and class files and never
 * loads a {@code Class} (which fails for types being compiled).
 */
public final class AnnotationReader {

    private final Elements elements;

    public AnnotationReader(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of this type directly on the element. */
    public Optional<AnnotationMirror> find(Element element, String annotationType) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (typeName(mirror).equals(annotationType)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    public boolean has(Element element, String annotationType) {
        return find(element, annotationType).isPresent();
    }

    /**
     * All occurrences of a repeatable annotation on the element, in source order, whether written once
     * (the annotation itself) or several times (inside its container).
     */
    public List<AnnotationMirror> findRepeated(Element element, String annotationType, String containerType) {
        List<AnnotationMirror> found = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = typeName(mirror);
            if (name.equals(annotationType)) {
                found.add(mirror);
            } else if (name.equals(containerType)) {
                for (AnnotationValue nested : array(mirror, "value")) {
                    found.add((AnnotationMirror) nested.getValue());
                }
            }
        }
        return found;
    }

    /** The value of an attribute, the default when it is not written. */
    public AnnotationValue value(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("@" + typeName(mirror) + " has no attribute " + attribute);
    }

    /** The value of an attribute only when it is written explicitly. */
    public Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    public String string(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute).getValue();
        return value instanceof String s ? s : "";
    }

    public boolean bool(AnnotationMirror mirror, String attribute) {
        return Boolean.TRUE.equals(value(mirror, attribute).getValue());
    }

    /** The constant name of an enum-valued attribute. */
    public String enumConstant(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute).getValue();
        return value instanceof VariableElement constant ? constant.getSimpleName().toString() : "";
    }

    /** A {@code Class}-valued attribute, or empty when it does not resolve. */
    public Optional<TypeMirror> type(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute).getValue();
        return value instanceof TypeMirror type ? Optional.of(type) : Optional.empty();
    }

    /** The elements of an array attribute; a single value written without braces is one element. */
    public List<AnnotationValue> array(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = value(mirror, attribute);
        if (value.getValue() instanceof List<?> list) {
            List<AnnotationValue> items = new ArrayList<>();
            for (Object item : list) {
                items.add((AnnotationValue) item);
            }
            return items;
        }
        return List.of(value);
    }

    public static String typeName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
