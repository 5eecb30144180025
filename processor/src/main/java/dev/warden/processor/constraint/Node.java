package dev.warden.processor.constraint;

/** Anything in a parsed constraint: it knows where it was written. */
public interface Node {
    /** Where this node was written in the constraint text. */
    Span span();
}
