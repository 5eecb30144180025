package dev.warden.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code @SuppressWarnings("warden:<key>")} (or {@code "warden"} for all Warden warnings) on the element a
 * warning is reported on, or on any element enclosing it, or on one of the diagnostic's
 * {@linkplain Diagnostic#alsoSuppressedBy() other scopes}. Errors cannot be suppressed.
 */
final class Suppressions {

    private Suppressions() {}

    static boolean isSuppressed(Diagnostic diagnostic) {
        String key = diagnostic.message().suppressionKey();
        if (key == null) {
            return false;
        }
        List<Element> scopes = new ArrayList<>();
        scopes.add(diagnostic.location().element());
        scopes.addAll(diagnostic.alsoSuppressedBy());
        for (Element scope : scopes) {
            for (Element e = scope; e != null; e = e.getEnclosingElement()) {
                if (suppresses(e, "warden:" + key) || suppresses(e, "warden")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean suppresses(Element element, String wanted) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().toString().equals("java.lang.SuppressWarnings")) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : mirror.getElementValues().entrySet()) {
                Object value = entry.getValue().getValue();
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        if (wanted.equals(((AnnotationValue) item).getValue())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
