package dev.warden.processor.model;

/** A name written in an annotation (a role, a member), with where it was written. */
public record NameRef(String text, SourceLocation location) {}
