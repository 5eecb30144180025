package dev.warden.processor.constraint;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** Facts about the Java types that members and tokens have. */
final class JavaTypes {
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
    static final ClassName BIG_INTEGER = ClassName.get("java.math", "BigInteger");
    static final ClassName INSTANT = ClassName.get("java.time", "Instant");
    static final ClassName LOCAL_DATE_TIME = ClassName.get("java.time", "LocalDateTime");
    static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
    static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
    static final ClassName ZONED_DATE_TIME = ClassName.get("java.time", "ZonedDateTime");
    static final ClassName DATE = ClassName.get("java.util", "Date");

    private JavaTypes() {}

    /** The temporal types that {@code [%CurrentDateTime%]} and friends convert to. */
    enum Temporal { INSTANT, LOCAL_DATE_TIME, LOCAL_DATE, OFFSET_DATE_TIME, ZONED_DATE_TIME, DATE }

    /** The type without annotations and, for a primitive, boxed. */
    static TypeName boxed(TypeName type) {
        TypeName plain = type.withoutAnnotations();
        return plain.isPrimitive() ? plain.box() : plain;
    }

    static boolean isPrimitive(TypeName type) {
        return type.withoutAnnotations().isPrimitive();
    }

    static boolean sameBoxedType(TypeName a, TypeName b) {
        return boxed(a).equals(boxed(b));
    }

    /** A primitive number, boolean or char, or its box: compared with Java's operators after unboxing. */
    static boolean isPrimitiveLike(TypeName type) {
        TypeName plain = type.withoutAnnotations();
        return plain.isPrimitive() || plain.isBoxedPrimitive();
    }

    /** The primitive type of a primitive or box, else null. */
    static TypeName primitive(TypeName type) {
        TypeName plain = type.withoutAnnotations();
        if (plain.isPrimitive()) {
            return plain;
        }
        return plain.isBoxedPrimitive() ? plain.unbox() : null;
    }

    static Temporal temporal(TypeName type) {
        TypeName plain = boxed(type);
        if (plain.equals(INSTANT)) {
            return Temporal.INSTANT;
        } else if (plain.equals(LOCAL_DATE_TIME)) {
            return Temporal.LOCAL_DATE_TIME;
        } else if (plain.equals(LOCAL_DATE)) {
            return Temporal.LOCAL_DATE;
        } else if (plain.equals(OFFSET_DATE_TIME)) {
            return Temporal.OFFSET_DATE_TIME;
        } else if (plain.equals(ZONED_DATE_TIME)) {
            return Temporal.ZONED_DATE_TIME;
        } else if (plain.equals(DATE)) {
            return Temporal.DATE;
        }
        return null;
    }

    /** The kind of a type that is not an enum or an entity. */
    static ValueKind kindOf(TypeName type) {
        TypeName plain = boxed(type);
        TypeName primitive = primitive(type);
        if (plain.equals(STRING)) {
            return ValueKind.STRING;
        }
        if (primitive != null) {
            if (primitive.equals(TypeName.BOOLEAN)) {
                return ValueKind.BOOLEAN;
            } else if (primitive.equals(TypeName.DOUBLE) || primitive.equals(TypeName.FLOAT)) {
                return ValueKind.DECIMAL;
            } else if (primitive.equals(TypeName.CHAR)) {
                return ValueKind.OTHER;
            }
            return ValueKind.INTEGER;
        }
        if (plain.equals(BIG_DECIMAL)) {
            return ValueKind.DECIMAL;
        }
        if (plain.equals(BIG_INTEGER)) {
            return ValueKind.INTEGER;
        }
        if (temporal(plain) != null) {
            return ValueKind.TEMPORAL;
        }
        return ValueKind.OTHER;
    }

    /**
     * Whether a number literal of value {@code value} can be written as a constant of this numeric type;
     * null when it can, else why not.
     */
    static String literalProblem(TypeName type, BigDecimal value) {
        TypeName primitive = primitive(type);
        if (primitive == null) {
            TypeName plain = boxed(type);
            return plain.equals(BIG_DECIMAL) || plain.equals(BIG_INTEGER) ? null : "unsupported";
        }
        if (primitive.equals(TypeName.INT)) {
            return fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (primitive.equals(TypeName.LONG)) {
            return fits(value, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (primitive.equals(TypeName.SHORT)) {
            return fits(value, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (primitive.equals(TypeName.BYTE)) {
            return fits(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (primitive.equals(TypeName.DOUBLE)) {
            double d = value.doubleValue();
            if (Double.isInfinite(d)) {
                return "too large";
            }
            return d == 0 && value.signum() != 0 ? "too small" : null;
        } else if (primitive.equals(TypeName.FLOAT)) {
            float f = value.floatValue();
            if (Float.isInfinite(f)) {
                return "too large";
            }
            return f == 0 && value.signum() != 0 ? "too small" : null;
        }
        return "unsupported";
    }

    private static String fits(BigDecimal value, long min, long max) {
        return value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0
                ? "out of range"
                : null;
    }

    /** A short, readable name for messages: {@code String}, {@code int}, {@code List<OrderLine>}. */
    static String display(TypeName type) {
        TypeName plain = type.withoutAnnotations();
        if (plain instanceof ClassName) {
            return String.join(".", ((ClassName) plain).simpleNames());
        }
        if (plain instanceof ParameterizedTypeName) {
            ParameterizedTypeName p = (ParameterizedTypeName) plain;
            return display(p.rawType()) + p.typeArguments().stream().map(JavaTypes::display)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (plain instanceof ArrayTypeName) {
            return display(((ArrayTypeName) plain).componentType()) + "[]";
        }
        return plain.toString();
    }

    /** The class to write as {@code X.class}: the boxed, raw type. */
    static TypeName classLiteralType(TypeName type) {
        TypeName plain = boxed(type);
        if (plain instanceof ParameterizedTypeName) {
            return ((ParameterizedTypeName) plain).rawType();
        }
        return plain;
    }

    /** "a String", "an int", "an Instant": the type with its article. */
    static String withArticle(TypeName type) {
        return withArticle(display(type));
    }

    static String withArticle(String word) {
        if (word.length() > 1 && word.charAt(0) == 'U' && Character.isUpperCase(word.charAt(1))) {
            return "a " + word; // a UUID
        }
        return ("AEIOUaeiou".indexOf(word.isEmpty() ? 'x' : word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** The simple name of a qualified class name. */
    static String simpleName(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        int dollar = qualifiedName.lastIndexOf('$');
        return qualifiedName.substring(Math.max(dot, dollar) + 1);
    }
}
