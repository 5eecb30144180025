package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;

/** What kind of value a member or token holds, as far as constraints are concerned. */
public enum ValueKind {
    /** {@code String}: = != (and &lt; &lt;= &gt; &gt;= lexicographically), contains(), starts-with(), ends-with(). */
    STRING,
    /** int, long, short, byte, their boxes, {@code BigInteger}. */
    INTEGER,
    /** double, float, their boxes, {@code BigDecimal}. */
    DECIMAL,
    /** boolean, {@code Boolean}. */
    BOOLEAN,
    /** A Java enum; compared with a string literal naming a constant. */
    ENUM,
    /** {@code Instant}, {@code LocalDateTime}, {@code LocalDate}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Date}. */
    TEMPORAL,
    /** Another entity (to-one) or a collection of one (to-many). */
    ASSOCIATION,
    /** Anything else (UUID, Character, ...): only = and != with a value of the same type, and empty. */
    OTHER;

    /**
     * The kind of a member of this Java type, for every type that is not an enum or an entity (those need to
     * know what the type is declared as, which the caller knows): STRING, INTEGER, DECIMAL, BOOLEAN,
     * TEMPORAL or OTHER.
     */
    public static ValueKind ofSimpleType(TypeName type) {
        return JavaTypes.kindOf(type);
    }
}
