package dev.warden.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * A custom token declared with {@code @Token} in {@code @AppSecurity}.
 *
 * @param name the token name
 * @param type its type, {@code null} when it does not resolve
 * @param location the {@code name} value
 * @param typeLocation the {@code type} value
 */
public record TokenModel(String name, TypeMirror type, SourceLocation location, SourceLocation typeLocation) {}
