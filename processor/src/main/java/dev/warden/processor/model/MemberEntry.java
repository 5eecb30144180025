package dev.warden.processor.model;

import dev.warden.annotations.Access;

/** One {@code @Member(name, access)} entry of a rule. */
public record MemberEntry(NameRef name, Access access, SourceLocation location) {}
