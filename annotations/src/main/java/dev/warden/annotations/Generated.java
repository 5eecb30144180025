package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that the Warden processor generated ({@code OrderPolicy}, {@code SecuredOrder}, {@code OrderTable},
 * {@code SalesModule}, the application model, {@code OrderServiceOperations}). Not for hand-written code.
 *
 * <p>Warden's own annotation rather than {@code javax.annotation.processing.Generated}, so that generated code needs
 * no {@code requires java.compiler} in a named module. Its retention is {@code CLASS}: it is in the class files, where
 * coverage tools look for it (JaCoCo leaves out classes annotated with a {@code CLASS} or {@code RUNTIME} annotation
 * whose simple name contains {@code Generated}), and it is not visible to reflection, so no module needs it at run
 * time ({@code requires static dev.warden.annotations} is enough).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generated {
    /**
     * The generator.
     *
     * @return the processor's class name, {@code dev.warden.processor.WardenProcessor}
     */
    String value();
}
