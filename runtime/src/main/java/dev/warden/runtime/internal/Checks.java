package dev.warden.runtime.internal;

import java.lang.invoke.MethodType;
import java.util.Objects;

/** Argument checks shared by the runtime's builders. Not part of Warden's API. */
public final class Checks {
    private Checks() {}

    /**
     * Rejects a null or empty name.
     *
     * @param value the name
     * @param what what the name is of, for the message: {@code "module name"}
     * @return the name
     */
    public static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty");
        }
        return value;
    }

    /**
     * The wrapper type of a primitive type, or the type itself.
     *
     * @param type a type
     * @return {@code Long.class} for {@code long.class}, and so on
     */
    public static Class<?> boxed(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }
}
