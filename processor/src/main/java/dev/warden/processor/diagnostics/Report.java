package dev.warden.processor.diagnostics;

import dev.warden.processor.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/** The diagnostics found by validation, in the order found. Writes nothing itself. */
public final class Report {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** Adds a diagnostic. */
    public Report add(Message message, SourceLocation location, String hint, Object... arguments) {
        return addWithDetail(message, location, hint, null, arguments);
    }

    /**
     * Adds a diagnostic with detail lines. (Not an overload of {@link #add(Message, SourceLocation, String,
     * Object...)}: with a String as first argument, Java would pick the detail variant and shift every
     * argument by one.)
     */
    public Report addWithDetail(Message message, SourceLocation location, String hint, String detail,
            Object... arguments) {
        diagnostics.add(new Diagnostic(message, message.format(arguments), hint, detail, location));
        return this;
    }

    /**
     * Adds a warning that {@code @SuppressWarnings} on {@code scope}, or on an element enclosing it, silences
     * as well as one where it is reported.
     */
    public Report addSuppressibleOn(Element scope, Message message, SourceLocation location, String hint,
            Object... arguments) {
        diagnostics.add(new Diagnostic(message, message.format(arguments), hint, null, location, List.of(scope)));
        return this;
    }

    /** Adds a diagnostic made elsewhere. */
    public Report add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        return this;
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** The number of errors so far. */
    public int errorCount() {
        return (int) diagnostics.stream().filter(d -> d.kind() == DiagnosticKind.ERROR).count();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.kind() == DiagnosticKind.ERROR);
    }

    /** Whether any error was reported on this element. */
    public boolean hasErrorsOn(Element element) {
        return diagnostics.stream().anyMatch(d -> d.kind() == DiagnosticKind.ERROR && d.location().element().equals(element));
    }
}
