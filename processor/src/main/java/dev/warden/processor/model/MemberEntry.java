package dev.warden.processor.model;


/** One {@code @Member(name, access)} entry of a rule. */
public record MemberEntry(NameRef name, Access access, SourceLocation location) {}
