package dev.warden.processor.diagnostics;

/** Whether a diagnostic fails the build. */
public enum DiagnosticKind {
    ERROR,
    WARNING
}
