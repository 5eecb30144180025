package dev.warden.processor.diagnostics;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic.Kind;

/**
 * The two places the Eclipse compiler's {@code Messager} cannot put a message, put there through that compiler's
 * own problem objects: one element of an array value ({@code moduleRoles = {"Shop.Manager", "Billing.Clerck"}} on
 * several lines: its {@code Messager} gives the line of {@code moduleRoles}), and anything on a record or a record
 * component (it has no location for an element of kind {@code RECORD} or for a record's fields at all). javac places both through the Trees API.
 *
 * <p>It works only with the batch compiler's messager ({@code ecj}, the Maven and Gradle plugins that run it), read
 * by reflection, since the processor does not depend on the Eclipse compiler. Whatever does not go exactly as
 * expected (another compiler, another version of its internals, a source it cannot scan) makes
 * {@link #print} answer {@code false}, and the caller prints through {@code Messager} as usual: this never throws.
 */
final class EclipsePositions {

    private static final String BATCH_MESSAGER = "org.eclipse.jdt.internal.compiler.apt.dispatch.BatchMessagerImpl";

    private final Object compiler;
    private final Object environment;
    private final Method createProblem;
    private final Method addProblem;
    private final Method setErrorRaised;

    private EclipsePositions(Object compiler, Object environment, Method createProblem, Method addProblem,
            Method setErrorRaised) {
        this.compiler = compiler;
        this.environment = environment;
        this.createProblem = createProblem;
        this.addProblem = addProblem;
        this.setErrorRaised = setErrorRaised;
    }

    /** The positions of the Eclipse batch compiler behind this messager, or {@code null} for any other. */
    static EclipsePositions of(Messager messager) {
        try {
            Class<?> type = messager.getClass();
            if (!type.getName().equals(BATCH_MESSAGER)) {
                return null;
            }
            Field compilerField = type.getDeclaredField("_compiler");
            compilerField.setAccessible(true);
            Field environmentField = type.getDeclaredField("_processingEnv");
            environmentField.setAccessible(true);
            Object compiler = compilerField.get(messager);
            Object environment = environmentField.get(messager);
            Method createProblem = type.getSuperclass().getMethod("createProblem", Kind.class, CharSequence.class,
                    Element.class, AnnotationMirror.class, javax.lang.model.element.AnnotationValue.class);
            Method addProblem = null;
            for (Method method : compiler.getClass().getMethods()) {
                if (method.getName().equals("addExtraProblems") && method.getParameterCount() == 1) {
                    addProblem = method;
                }
            }
            Method setErrorRaised = environment.getClass().getMethod("setErrorRaised", boolean.class);
            return addProblem == null ? null
                    : new EclipsePositions(compiler, environment, createProblem, addProblem, setErrorRaised);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Prints the message where javac would, if the target is one that {@code Messager} misplaces.
     *
     * @return whether it printed; if not, nothing was printed
     */
    boolean print(Kind kind, String text, MessagerTarget target) {
        try {
            Element element = target.element();
            boolean component = element.getKind() == ElementKind.FIELD
                    && element.getEnclosingElement().getKind() == ElementKind.RECORD;
            Element recordElement = component ? element.getEnclosingElement() : element;
            boolean record = recordElement.getKind() == ElementKind.RECORD;
            if (!record && target.index() < 0) {
                return false;
            }
            Object problem;
            Object result;
            int start;
            if (record) {
                // the compiler gives a problem without file or position for a record: both come from its declaration
                Object declaration = field(field(field(recordElement, "_binding"), "scope"), "referenceContext");
                problem = createProblem.invoke(null, kind, text, recordElement, null, null);
                result = invoke(declaration, "compilationResult");
                problem.getClass().getMethod("setOriginatingFileName", char[].class)
                        .invoke(problem, (Object) field(result, "fileName"));
                start = component ? componentPosition(declaration, element, target)
                        : recordPosition(declaration, target);
            } else {
                problem = createProblem.invoke(null, kind, text, element, target.annotation(), target.value());
                Object context = problem == null ? null : field(problem, "_referenceContext");
                if (context == null) {
                    return false;
                }
                result = invoke(context, "compilationResult");
                start = (Integer) invoke(problem, "getSourceStart");
            }
            char[] contents = (char[]) invoke(field(result, "compilationUnit"), "getContents");
            if (start >= 0 && target.index() >= 0) {
                start = SourceScanner.arrayElement(contents, start, target.index());
            }
            if (start < 0 || start >= contents.length) {
                return false;
            }
            int lineStart = start;
            int line = 1;
            for (int i = 0; i < start; i++) {
                if (contents[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problem.getClass().getMethod("setSourceStart", int.class).invoke(problem, start);
            problem.getClass().getMethod("setSourceEnd", int.class).invoke(problem,
                    SourceScanner.elementEnd(contents, start));
            problem.getClass().getMethod("setSourceLineNumber", int.class).invoke(problem, line);
            problem.getClass().getField("column").setInt(problem, start - lineStart + 1);
            if (kind == Kind.ERROR) {
                setErrorRaised.invoke(environment, true);
            }
            addProblem.invoke(compiler, problem);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Where on the record's declaration the target is: its annotation, that annotation's attribute, or its name. */
    private static int recordPosition(Object declaration, MessagerTarget target) throws ReflectiveOperationException {
        if (target.annotation() == null) {
            return (Integer) field(declaration, "sourceStart");
        }
        Object binding = field(target.annotation(), "_binding");
        Object annotation = null;
        Object[] annotations = (Object[]) field(declaration, "annotations");
        for (int i = 0; annotations != null && annotation == null && i < annotations.length; i++) {
            annotation = findAnnotation(annotations[i], binding);
        }
        if (annotation == null) {
            return -1;
        }
        int start = (Integer) field(annotation, "sourceStart");
        if (target.value() != null) {
            Object method = invoke(target.value(), "getMethodBinding");
            for (Object pair : (Object[]) invoke(annotation, "memberValuePairs")) {
                if (field(pair, "binding") == method) {
                    return (Integer) field(pair, "sourceStart");
                }
            }
        }
        return start;
    }

    /** Where on a record component's declaration the target is: its annotation, or its name. */
    private static int componentPosition(Object declaration, Element field, MessagerTarget target)
            throws ReflectiveOperationException {
        for (Object component : (Object[]) field(declaration, "recordComponents")) {
            if (!field.getSimpleName().contentEquals(new String((char[]) field(component, "name")))) {
                continue;
            }
            Object[] annotations = (Object[]) field(component, "annotations");
            if (target.annotation() != null && annotations != null) {
                Object binding = field(target.annotation(), "_binding");
                for (Object annotation : annotations) {
                    Object found = findAnnotation(annotation, binding);
                    if (found != null) {
                        return (Integer) field(found, "sourceStart");
                    }
                }
                return -1;
            }
            return (Integer) field(component, "sourceStart");
        }
        return -1;
    }

    /** The annotation (this one or one nested in its values) whose compiler binding is this one, or null. */
    private static Object findAnnotation(Object annotation, Object binding) throws ReflectiveOperationException {
        if (invoke(annotation, "getCompilerAnnotation") == binding) {
            return annotation;
        }
        for (Object pair : (Object[]) invoke(annotation, "memberValuePairs")) {
            Object value = field(pair, "value");
            Object[] items = hasField(value, "expressions") ? (Object[]) field(value, "expressions")
                    : new Object[] {value};
            for (int i = 0; items != null && i < items.length; i++) {
                if (items[i] != null && hasMethod(items[i], "getCompilerAnnotation")) {
                    Object found = findAnnotation(items[i], binding);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static Object field(Object object, String name) throws ReflectiveOperationException {
        return object.getClass().getField(name).get(object);
    }

    private static boolean hasField(Object object, String name) {
        try {
            object.getClass().getField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static boolean hasMethod(Object object, String name) {
        try {
            object.getClass().getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object invoke(Object object, String method) throws ReflectiveOperationException {
        return object.getClass().getMethod(method).invoke(object);
    }
}
