package dev.warden.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * One order for the elements a round gives, whichever compiler runs the processor: javac gives
 * {@code getElementsAnnotatedWith} in the order of the source files on its command line (which a build tool may
 * change from one run to the next), the Eclipse compiler in another. Warden reads them in this order instead:
 * packages and top-level types by qualified name, members and nested types in declaration order inside their type.
 * So which of two {@code @AppSecurity} types is the application, which module an example in a hint comes from,
 * and the order of whatever the generated code lists do not depend on the compiler or the file order.
 */
public final class ElementOrder {

    private static final Comparator<Element> ORDER = Comparator.comparing(ElementOrder::key);

    private ElementOrder() {}

    /** The elements in this order. */
    public static <E extends Element> Set<E> sorted(Collection<? extends E> elements) {
        List<E> list = new ArrayList<>(elements);
        list.sort(ORDER);
        return new LinkedHashSet<>(list);
    }

    /** The sort key: the package, the top-level type's name, then each enclosed element's position. */
    static String key(Element element) {
        Deque<String> parts = new ArrayDeque<>();
        Element current = element;
        while (current != null) {
            if (current instanceof PackageElement pkg) {
                parts.push(pkg.getQualifiedName().toString());
                break;
            }
            Element parent = current.getEnclosingElement();
            int index = parent == null || parent instanceof PackageElement ? -1
                    : parent.getEnclosedElements().indexOf(current);
            if (current instanceof TypeElement && index < 0) {
                parts.push(current.getSimpleName().toString());
            } else {
                parts.push(String.format(Locale.ROOT, "%06d", Math.max(index, 0)) + current.getSimpleName());
            }
            current = parent;
        }
        return String.join("/", parts);
    }
}
