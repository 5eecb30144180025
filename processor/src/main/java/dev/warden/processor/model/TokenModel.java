package dev.warden.processor.model;

import javax.lang.model.type.TypeMirror;

/** A custom token declared with {@code @Token} in {@code @AppSecurity}. */
public record TokenModel(String name, TypeMirror type, SourceLocation location) {}
