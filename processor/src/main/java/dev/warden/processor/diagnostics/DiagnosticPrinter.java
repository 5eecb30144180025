package dev.warden.processor.diagnostics;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.warden.processor.model.SourceLocation;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * Prints diagnostics on the exact annotation value they are about. On javac it finds the value's tree
 * through the Trees API, which also works for one of several repeated annotations (javac's {@code Messager}
 * would place those on the class); elsewhere (the Eclipse compiler), or when the tree cannot be found, it falls back
 * to {@code Messager} with the element, annotation mirror and value that compiler can place ({@link MessagerTarget}).
 */
public final class DiagnosticPrinter {

    private final Messager messager;
    private final Trees trees;
    private final Elements elements;
    private final EclipsePositions eclipse;

    public DiagnosticPrinter(ProcessingEnvironment env) {
        this.messager = env.getMessager();
        this.elements = env.getElementUtils();
        this.trees = treesOf(env);
        this.eclipse = trees == null ? EclipsePositions.of(messager) : null;
    }

    /** Prints every diagnostic of the report that is not suppressed. */
    public void print(Report report) {
        for (Diagnostic diagnostic : report.diagnostics()) {
            print(diagnostic);
        }
    }

    /** Prints one diagnostic unless it is a warning suppressed where it is reported. */
    public void print(Diagnostic diagnostic) {
        if (Suppressions.isSuppressed(diagnostic)) {
            return;
        }
        Kind kind = diagnostic.kind() == DiagnosticKind.ERROR ? Kind.ERROR : Kind.WARNING;
        String text = diagnostic.render();
        SourceLocation location = diagnostic.location();
        if (trees != null && printWithTrees(kind, text, location)) {
            return;
        }
        MessagerTarget target = MessagerTarget.of(location, elements);
        if (eclipse != null && eclipse.print(kind, text, target)) {
            return;
        }
        if (target.annotation() != null && target.value() != null) {
            messager.printMessage(kind, text, target.element(), target.annotation(), target.value());
        } else if (target.annotation() != null) {
            messager.printMessage(kind, text, target.element(), target.annotation());
        } else {
            messager.printMessage(kind, text, target.element());
        }
    }

    private boolean printWithTrees(Kind kind, String text, SourceLocation location) {
        try {
            Element element = location.element();
            TreePath path = trees.getPath(treeElement(element));
            if (path == null) {
                return false;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            Tree target = path.getLeaf();
            if (location.annotationType() != null) {
                Tree annotation = findAnnotation(path, location.annotationType(), location.occurrence());
                if (annotation == null) {
                    return false;
                }
                target = annotation;
                for (SourceLocation.Step step : location.steps()) {
                    Tree deeper = step(target, step);
                    if (deeper == null) {
                        break;
                    }
                    target = deeper;
                }
            }
            trees.printMessage(kind, text, target, unit);
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Record components have no tree of their own in javac 17: their field carries the annotations. */
    private static Element treeElement(Element element) {
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
            TypeElement record = (TypeElement) element.getEnclosingElement();
            for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
                if (field.getSimpleName().equals(element.getSimpleName())) {
                    return field;
                }
            }
        }
        return element;
    }

    private Tree findAnnotation(TreePath path, String annotationType, int occurrence) {
        List<? extends AnnotationTree> annotations = annotationsOf(path.getLeaf());
        int seen = 0;
        for (AnnotationTree annotation : annotations) {
            Element type = trees.getElement(new TreePath(path, annotation.getAnnotationType()));
            String name = type instanceof TypeElement t ? t.getQualifiedName().toString() : annotation.getAnnotationType().toString();
            if (name.equals(annotationType) || annotationType.endsWith("." + name)) {
                if (seen++ == occurrence) {
                    return annotation;
                }
            }
        }
        return null;
    }

    private static List<? extends AnnotationTree> annotationsOf(Tree tree) {
        ModifiersTree modifiers = null;
        if (tree instanceof ClassTree c) {
            modifiers = c.getModifiers();
        } else if (tree instanceof MethodTree m) {
            modifiers = m.getModifiers();
        } else if (tree instanceof VariableTree v) {
            modifiers = v.getModifiers();
        } else if (tree instanceof PackageTree p) {
            return p.getAnnotations();
        } else if (tree instanceof CompilationUnitTree u && u.getPackage() != null) {
            return u.getPackage().getAnnotations();
        }
        return modifiers == null ? List.of() : modifiers.getAnnotations();
    }

    /** One step into an annotation tree: the attribute's value, and the array element if an index is given. */
    private static Tree step(Tree tree, SourceLocation.Step step) {
        if (!(tree instanceof AnnotationTree annotation)) {
            return null;
        }
        ExpressionTree value = null;
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment
                    && assignment.getVariable() instanceof IdentifierTree name
                    && name.getName().contentEquals(step.attribute())) {
                value = assignment.getExpression();
            } else if (!(argument instanceof AssignmentTree) && step.attribute().equals("value")) {
                value = argument;
            }
        }
        if (value == null || step.index() < 0) {
            return value;
        }
        if (value instanceof NewArrayTree array) {
            List<? extends ExpressionTree> items = array.getInitializers();
            return items != null && step.index() < items.size() ? items.get(step.index()) : array;
        }
        return value;
    }

    private static Trees treesOf(ProcessingEnvironment env) {
        try {
            return Trees.instance(env);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
