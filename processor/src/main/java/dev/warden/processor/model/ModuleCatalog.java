package dev.warden.processor.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds modules and the application declaration, both among the sources being compiled and in class files
 * on the class path (a module compiled earlier into a jar). For the class path it reads the small index the
 * processor writes next to the classes of every module and application: {@code META-INF/warden/modules/NAME}
 * holds the module's package, {@code META-INF/warden/application} the application type.
 */
public final class ModuleCatalog {

    /** Where the processor records a module's package, relative to the class output. */
    public static final String MODULE_INDEX = "META-INF/warden/modules/";
    /** Where the processor records the application type, relative to the class output. */
    public static final String APPLICATION_INDEX = "META-INF/warden/application";

    private final Elements elements;
    private final Filer filer;
    private final AnnotationReader reader;
    private final List<ModuleModel> sourceModules = new ArrayList<>();
    private final Map<String, ModuleModel> byPackage = new HashMap<>();
    private final Map<String, Optional<ModuleModel>> byName = new LinkedHashMap<>();

    public ModuleCatalog(Elements elements, Filer filer) {
        this.elements = elements;
        this.filer = filer;
        this.reader = new AnnotationReader(elements);
    }

    /** Records a module declared in the sources. */
    public ModuleModel addSource(PackageElement pkg) {
        ModuleModel module = read(pkg, true).orElseThrow();
        sourceModules.add(module);
        byPackage.putIfAbsent(module.packageName(), module);
        byName.putIfAbsent(module.name(), Optional.of(module));
        return module;
    }

    /** Every module declared in the sources so far, duplicates included, in the order seen. */
    public List<ModuleModel> sourceModules() {
        return List.copyOf(sourceModules);
    }

    /** The module a package belongs to: its own {@code @Module}, else the nearest enclosing package's. */
    public Optional<ModuleModel> moduleOfPackage(String packageName) {
        String name = packageName;
        while (true) {
            ModuleModel known = byPackage.get(name);
            if (known != null) {
                return Optional.of(known);
            }
            PackageElement pkg = name.isEmpty() ? null : elements.getPackageElement(name);
            if (pkg != null) {
                Optional<ModuleModel> found = read(pkg, false);
                if (found.isPresent()) {
                    byPackage.put(name, found.get());
                    byName.putIfAbsent(found.get().name(), found);
                    return found;
                }
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(0, dot);
        }
    }

    /** The module with this name, from the sources or from the class path index. */
    public Optional<ModuleModel> moduleNamed(String name) {
        Optional<ModuleModel> known = byName.get(name);
        if (known != null) {
            return known;
        }
        Optional<ModuleModel> found = readIndex(MODULE_INDEX + name)
                .map(elements::getPackageElement)
                .flatMap(pkg -> read(pkg, false))
                .filter(module -> module.name().equals(name));
        byName.put(name, found);
        found.ifPresent(module -> byPackage.putIfAbsent(module.packageName(), module));
        return found;
    }

    /** All module names known so far (for "did you mean"). */
    public List<String> knownModuleNames() {
        List<String> names = new ArrayList<>();
        byName.forEach((name, module) -> module.ifPresent(m -> names.add(name)));
        return names;
    }

    /** The application type recorded on the class path by an earlier compilation, if any. */
    public Optional<TypeElement> applicationOnClassPath() {
        return readIndex(APPLICATION_INDEX).map(elements::getTypeElement);
    }

    private Optional<ModuleModel> read(PackageElement pkg, boolean fromSources) {
        Optional<AnnotationMirror> annotation = reader.find(pkg, WardenAnnotations.MODULE);
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror mirror = annotation.get();
        SourceLocation location = SourceLocation.of(pkg, mirror, WardenAnnotations.MODULE, 0);
        List<NameRef> roles = new ArrayList<>();
        List<AnnotationValue> values = reader.array(mirror, "roles");
        for (int i = 0; i < values.size(); i++) {
            Object role = values.get(i).getValue();
            roles.add(new NameRef(role instanceof String s ? s : "", location.at("roles", i, values.get(i))));
        }
        return Optional.of(new ModuleModel(reader.string(mirror, "name"),
                pkg.getQualifiedName().toString(), roles, location, fromSources,
                location.at("name", reader.value(mirror, "name")), location.at("roles", reader.value(mirror, "roles"))));
    }

    private Optional<String> readIndex(String path) {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", path);
            try (InputStream in = file.openInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: a file manager may reject the name (javac wraps that in a ClientCodeException).
            return Optional.empty();
        }
    }
}
