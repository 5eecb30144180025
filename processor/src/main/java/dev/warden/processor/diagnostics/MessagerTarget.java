package dev.warden.processor.diagnostics;

import dev.warden.processor.model.AnnotationReader;
import dev.warden.processor.model.SourceLocation;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What to give {@code Messager} so that a compiler without javac's Trees API (the Eclipse compiler) puts the message
 * on the line javac's tree path does. That compiler places a message on an annotation found anywhere inside the
 * element's annotations, nested ones included, and on a value only when it is one of that annotation's own
 * attributes; it cannot place one on a package or a record component at all. So:
 * <ul>
 *   <li>the annotation is the innermost annotation the location's attribute path goes through
 *       ({@code @Member(name = "txt")} inside {@code @AccessRule(members = {...})}), and the value that annotation's
 *       own attribute on the path ({@code name}), never a value of an outer annotation;</li>
 *   <li>one of several repeated annotations is that annotation, not their container;</li>
 *   <li>a record component (which the Eclipse compiler gives as a {@code PARAMETER} enclosed by the record, or
 *       of its canonical constructor) is the component's field, which carries its annotations;</li>
 *   <li>a package is its {@code package-info} type, where that compiler keeps the package's annotations.</li>
 * </ul>
 *
 * @param element the element to report on
 * @param annotation the annotation on it, or {@code null}
 * @param value a value of {@code annotation}'s own attributes, or {@code null}
 * @param index the element of that value's array the location is about, or {@code -1} for the whole value
 */
record MessagerTarget(Element element, AnnotationMirror annotation, AnnotationValue value, int index) {

    /** The target for a location; never fails (a location it cannot refine is given as it is). */
    static MessagerTarget of(SourceLocation location, Elements elements) {
        Element element = location.element();
        try {
            element = reportable(element, elements);
            AnnotationMirror annotation = repeated(location.annotation(), location.annotationType(),
                    location.occurrence());
            if (annotation == null || location.steps().isEmpty()) {
                return new MessagerTarget(element, annotation, annotation == location.annotation()
                        ? location.value() : null, -1);
            }
            AnnotationValue value = null;
            int index = -1;
            for (SourceLocation.Step step : location.steps()) {
                AnnotationValue attribute = explicitValue(annotation, step.attribute());
                if (attribute == null) {
                    break;
                }
                value = attribute;
                Object inner = attribute.getValue();
                if (step.index() >= 0 && inner instanceof List<?> items) {
                    inner = step.index() < items.size() && items.get(step.index()) instanceof AnnotationValue item
                            ? item.getValue() : null;
                }
                if (!(inner instanceof AnnotationMirror nested)) {
                    index = step.index();
                    break;
                }
                annotation = nested;
                value = null;
            }
            return new MessagerTarget(element, annotation, value, index);
        } catch (RuntimeException | LinkageError e) {
            return new MessagerTarget(location.element(), location.annotation(), location.value(), -1);
        }
    }

    /** The element itself, or the one that carries its annotations where the compiler can place a message. */
    private static Element reportable(Element element, Elements elements) {
        // the Eclipse compiler finds a record component's annotation on a PARAMETER enclosed by the record itself
        Element enclosing = element.getEnclosingElement();
        Element record = enclosing == null ? null
                : enclosing.getKind() == ElementKind.RECORD ? enclosing
                : enclosing.getKind() == ElementKind.CONSTRUCTOR
                        && enclosing.getEnclosingElement().getKind() == ElementKind.RECORD
                        ? enclosing.getEnclosingElement() : null;
        if (record != null && (element.getKind() == ElementKind.RECORD_COMPONENT
                || element.getKind() == ElementKind.PARAMETER)) {
            for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
                if (field.getSimpleName().equals(element.getSimpleName())) {
                    return field;
                }
            }
        } else if (element instanceof PackageElement pkg && !pkg.isUnnamed()) {
            TypeElement packageInfo = elements.getTypeElement(pkg.getQualifiedName() + ".package-info");
            if (packageInfo != null && packageInfo.getKind() != ElementKind.PACKAGE) {
                return packageInfo;
            }
        }
        return element;
    }

    /**
     * The {@code occurrence}-th annotation of a repeated annotation type when the mirror is their container
     * ({@code @AccessRules}, which is not written in the source): the compiler finds only what is written.
     */
    private static AnnotationMirror repeated(AnnotationMirror annotation, String type, int occurrence) {
        if (annotation == null || type == null || AnnotationReader.typeName(annotation).equals(type)) {
            return annotation;
        }
        AnnotationValue contained = explicitValue(annotation, "value");
        if (contained != null && contained.getValue() instanceof List<?> items && occurrence < items.size()
                && items.get(occurrence) instanceof AnnotationValue item
                && item.getValue() instanceof AnnotationMirror inner && AnnotationReader.typeName(inner).equals(type)) {
            return inner;
        }
        return annotation;
    }

    /** The value written for an attribute of the annotation, or {@code null} when the default applies. */
    private static AnnotationValue explicitValue(AnnotationMirror annotation, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
