package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.util.Objects;

/** A custom token declared in {@code @AppSecurity(tokens = @Token(name = "Region", type = String.class))}. */
public record TokenShape(String name, ValueKind kind, TypeName javaType) {
    public TokenShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(javaType, "javaType");
    }
}
