package dev.warden.processor.model;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Whether the processors that change the types under compilation (against JSR 269: Lombok adds getters, setters and
 * constructors to the classes themselves) are done with a type, so that its members can be read. Asked as MapStruct
 * asks ({@code org.mapstruct.ap.spi.AstModifyingAnnotationProcessor}): the implementations of that interface on the
 * processor path when it is there (for example {@code lombok-mapstruct-binding}), and Lombok itself when it is on the
 * processor path, through the flag its own binding reads. With Warden before Lombok on the processor path, Lombok
 * has not run yet in the first round: the processor then reads the entities in a later round.
 */
public final class AstModifications {
    private static final String MAPSTRUCT_SPI = "org.mapstruct.ap.spi.AstModifyingAnnotationProcessor";
    private static final String LOMBOK_DATA = "lombok.launch.AnnotationProcessorHider$AstModificationNotifierData";

    private final List<Predicate<TypeMirror>> modifiers;
    /** Lombok's answer, asked only about types that carry a Lombok annotation; null without Lombok. */
    private final Predicate<TypeMirror> lombok;

    private AstModifications(List<Predicate<TypeMirror>> modifiers, Predicate<TypeMirror> lombok) {
        this.modifiers = List.copyOf(modifiers);
        this.lombok = lombok;
    }

    /** The processors that change types, found on the class path that loaded Warden's processor. */
    public static AstModifications discover(ClassLoader loader) {
        List<Predicate<TypeMirror>> modifiers = new ArrayList<>();
        boolean mapStructSeesLombok = false;
        try {
            Class<?> spi = Class.forName(MAPSTRUCT_SPI, false, loader);
            Method isTypeComplete = spi.getMethod("isTypeComplete", TypeMirror.class);
            for (Object modifier : ServiceLoader.load(spi, loader)) {
                mapStructSeesLombok |= modifier.getClass().getName().startsWith("lombok.");
                modifiers.add(type -> ask(isTypeComplete, modifier, type));
            }
        } catch (ReflectiveOperationException | LinkageError | java.util.ServiceConfigurationError absent) {
            // MapStruct's interface is not on the processor path
        }
        return new AstModifications(modifiers, mapStructSeesLombok ? null : lombok(loader).orElse(null));
    }

    /**
     * Lombok's own answer: {@code isTypeComplete(TypeMirror)} where its version has it, else whether it has started
     * ({@code lombokInvoked}, set when javac starts Lombok, before it changes any type of the round). Under ecj,
     * where Lombok runs as an agent, and with {@code -Dlombok.disable}, every type is complete.
     */
    private static java.util.Optional<Predicate<TypeMirror>> lombok(ClassLoader loader) {
        Class<?> data;
        try {
            data = Class.forName(LOMBOK_DATA, true, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return java.util.Optional.empty();
        }
        Method perType = null;
        try {
            perType = data.getMethod("isTypeComplete", TypeMirror.class);
        } catch (NoSuchMethodException older) {
            // older Lombok: the flag only
        }
        Method isTypeComplete = perType;
        return java.util.Optional.of(type -> {
            if (System.getProperty("lombok.disable") != null
                    || !type.getClass().getName().startsWith("com.sun.tools.javac.")) {
                return true;
            }
            try {
                return isTypeComplete != null ? (Boolean) isTypeComplete.invoke(null, type)
                        : data.getField("lombokInvoked").getBoolean(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return true; // a Lombok Warden cannot ask: read the type as it is
            }
        });
    }

    private static boolean ask(Method isTypeComplete, Object modifier, TypeMirror type) {
        try {
            return (Boolean) isTypeComplete.invoke(modifier, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether no processor that changes types will change this one any more. Lombok is asked only about a type with a
     * Lombok annotation on it or its fields: Lombok may be on the class path without running, and then says no type
     * is complete.
     */
    public boolean isComplete(TypeElement type) {
        for (Predicate<TypeMirror> modifier : modifiers) {
            if (!modifier.test(type.asType())) {
                return false;
            }
        }
        return lombok == null || !hasLombokAnnotation(type) || lombok.test(type.asType());
    }

    private static boolean hasLombokAnnotation(TypeElement type) {
        if (isLombok(type)) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && isLombok(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLombok(Element element) {
        return element.getAnnotationMirrors().stream()
                .anyMatch(mirror -> AnnotationReader.typeName(mirror).startsWith("lombok."));
    }
}
