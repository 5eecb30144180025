package dev.warden.processor.diagnostics;

import dev.warden.processor.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;

/**
 * One message to the user: what is wrong, where, and how to fix it.
 *
 * @param message the catalogue entry
 * @param text the formatted message
 * @param hint how to fix it, or {@code null}
 * @param detail extra lines shown under the message (a constraint with a caret line), or {@code null}
 * @param location where to report it
 * @param alsoSuppressedBy elements besides the location's whose {@code @SuppressWarnings} (or that of an element
 *     enclosing them) silence the warning: for one reported on a package, which cannot carry
 *     {@code @SuppressWarnings}
 */
public record Diagnostic(Message message, String text, String hint, String detail, SourceLocation location,
        List<Element> alsoSuppressedBy) {

    public Diagnostic {
        Objects.requireNonNull(message);
        Objects.requireNonNull(text);
        Objects.requireNonNull(location);
        alsoSuppressedBy = List.copyOf(alsoSuppressedBy);
    }

    /** A diagnostic that only {@code @SuppressWarnings} where it is reported silences. */
    public Diagnostic(Message message, String text, String hint, String detail, SourceLocation location) {
        this(message, text, hint, detail, location, List.of());
    }

    public DiagnosticKind kind() {
        return message.kind();
    }

    /** The full text as javac prints it: {@code [WARDEN-E001] text}, the detail, then the hint. */
    public String render() {
        StringBuilder out = new StringBuilder("[").append(message.code()).append("] ").append(text);
        if (detail != null && !detail.isEmpty()) {
            out.append('\n').append(detail);
        }
        if (hint != null && !hint.isEmpty()) {
            out.append("\n  hint: ").append(hint);
        }
        return out.toString();
    }
}
