package dev.warden.spring.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * Where a value of the Warden user (the id, or a custom token) comes from in a Spring Security
 * {@link Authentication}. Written as text in the configuration:
 *
 * <ul>
 *   <li>{@code name}: {@link Authentication#getName()}, the username (for a JWT, its {@code sub} claim);</li>
 *   <li>{@code property:id}: a property of the principal, read through its getter ({@code getId()}, {@code isId()})
 *       or a record component or fluent accessor ({@code id()}); {@code property:account.id} follows a path, and a
 *       {@code Map} on the path is read by key;</li>
 *   <li>{@code claim:region} (or {@code attribute:region}, the same): a claim of a JWT or OpenID Connect principal
 *       ({@code ClaimAccessor}), an attribute of an OAuth2 principal ({@code OAuth2AuthenticatedPrincipal}, such as an
 *       {@code OAuth2User} or an introspected token), or the entry of a principal that is a {@code Map}.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AuthenticationValue {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final boolean OAUTH2_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.ClaimAccessor", AuthenticationValue.class.getClassLoader());
    /** Accessors by class and property name; an empty Optional where there is none. */
    private static final Map<Class<?>, Map<String, Optional<Method>>> ACCESSORS = new ConcurrentHashMap<>();

    private enum Kind { NAME, PROPERTY, CLAIM }

    private final Kind kind;
    private final List<String> path;
    private final String text;

    private AuthenticationValue(Kind kind, List<String> path, String text) {
        this.kind = kind;
        this.path = path;
        this.text = text;
    }

    /** The authentication's name: {@code name}. */
    public static AuthenticationValue name() {
        return new AuthenticationValue(Kind.NAME, List.of(), "name");
    }

    /**
     * A property of the principal, or a path of properties: {@code property:id}, {@code property:account.id}.
     *
     * @param path the property names, separated by dots
     * @return the source
     * @throws IllegalArgumentException when a name is not a Java identifier
     */
    public static AuthenticationValue property(String path) {
        Objects.requireNonNull(path, "path");
        List<String> names = List.of(path.split("\\.", -1));
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'property:" + path + "' is not a property path: write "
                        + "property:<name> or property:<name>.<name>, for example property:id");
            }
        }
        return new AuthenticationValue(Kind.PROPERTY, names, "property:" + path);
    }

    /**
     * A claim or attribute of the principal: {@code claim:region}.
     *
     * @param name the claim's name
     * @return the source
     * @throws IllegalArgumentException when the name is empty
     */
    public static AuthenticationValue claim(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("'claim:' names no claim: write claim:<name>, for example claim:sub");
        }
        return new AuthenticationValue(Kind.CLAIM, List.of(name), "claim:" + name);
    }

    /**
     * Reads the text form: {@code name}, {@code property:<path>}, {@code claim:<name>} or {@code attribute:<name>}.
     *
     * @param text the text; spaces around it are ignored
     * @return the source
     * @throws IllegalArgumentException when the text is none of these
     */
    public static AuthenticationValue parse(String text) {
        Objects.requireNonNull(text, "text");
        String spec = text.strip();
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1).strip();
        if (kind.equals("name") && argument == null) {
            return name();
        }
        if (kind.equals("property") && argument != null) {
            return property(argument);
        }
        if ((kind.equals("claim") || kind.equals("attribute")) && argument != null) {
            return claim(argument);
        }
        throw new IllegalArgumentException("'" + text + "' is not a source of a user's value: write name (the "
                + "username), property:<name> (a property of the principal), or claim:<name> (a claim or attribute "
                + "of an OAuth2 or JWT principal)");
    }

    /** What a lookup found: a value, or why there is none. */
    record Lookup(Object value, String missing, boolean inapplicable) {
        static Lookup found(Object value) {
            return new Lookup(value, null, false);
        }

        /** The source applies to the principal, but the value is not there (a null property, an absent claim). */
        static Lookup absent(String why) {
            return new Lookup(null, why, false);
        }

        /** The source cannot apply to the principal at all (no such property, no claims). */
        static Lookup inapplicable(String why) {
            return new Lookup(null, why, true);
        }

        boolean isFound() {
            return missing == null;
        }
    }

    /**
     * Reads the value from an authentication.
     *
     * @param authentication the authentication
     * @return the value, or why there is none; the reason names types and names, never a value
     */
    Lookup read(Authentication authentication) {
        switch (kind) {
            case NAME: {
                String name = authentication.getName();
                return name == null || name.isEmpty() ? Lookup.absent("its name is empty") : Lookup.found(name);
            }
            case PROPERTY:
                return readProperty(authentication.getPrincipal());
            default:
                return readClaim(authentication.getPrincipal());
        }
    }

    private Lookup readProperty(Object principal) {
        Object current = principal;
        String described = "the principal";
        for (int i = 0; i < path.size(); i++) {
            String name = path.get(i);
            if (current == null) {
                return Lookup.absent(described + " is null");
            }
            if (current instanceof Map<?, ?> map) {
                current = map.get(name);
            } else {
                Optional<Method> accessor = accessor(current.getClass(), name);
                if (accessor.isEmpty()) {
                    return Lookup.inapplicable(described + " (" + typeName(current) + ") has no property '" + name
                            + "' (no public get" + capitalized(name) + "(), is" + capitalized(name) + "() or "
                            + name + "())");
                }
                try {
                    current = accessor.get().invoke(current);
                } catch (IllegalAccessException e) {
                    return Lookup.inapplicable("property '" + name + "' of " + described + " (" + typeName(current)
                            + ") cannot be read: " + e.getClass().getName());
                } catch (InvocationTargetException e) {
                    return Lookup.inapplicable("property '" + name + "' of " + described + " (" + typeName(current)
                            + ") failed with " + e.getCause().getClass().getName());
                }
            }
            described = "property '" + String.join(".", path.subList(0, i + 1)) + "' of the principal";
        }
        return current == null ? Lookup.absent(described + " is null") : Lookup.found(current);
    }

    private Lookup readClaim(Object principal) {
        String name = path.get(0);
        Map<String, Object> claims = OAUTH2_PRESENT ? OAuth2Claims.of(principal) : null;
        if (claims == null && principal instanceof Map<?, ?> map) {
            Object value = map.get(name);
            return value == null ? Lookup.absent("the principal (a Map) has no entry '" + name + "'")
                    : Lookup.found(value);
        }
        if (claims == null) {
            return Lookup.inapplicable("the principal (" + typeName(principal) + ") has no claims or attributes (a "
                    + "claim source needs a Jwt, OidcUser, OAuth2User or other OAuth2AuthenticatedPrincipal)");
        }
        Object value = claims.get(name);
        return value == null ? Lookup.absent("the principal (" + typeName(principal) + ") has no claim '" + name + "'")
                : Lookup.found(value);
    }

    private static Optional<Method> accessor(Class<?> type, String name) {
        return ACCESSORS.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> findAccessor(type, n));
    }

    private static Optional<Method> findAccessor(Class<?> type, String name) {
        Optional<Method> getter = publicMethod(type, "get" + capitalized(name));
        if (getter.isPresent()) {
            return getter;
        }
        Optional<Method> is = publicMethod(type, "is" + capitalized(name))
                .filter(method -> method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class);
        return is.isPresent() ? is : publicMethod(type, name);
    }

    /** A public instance method without parameters that returns something, callable from here. */
    private static Optional<Method> publicMethod(Class<?> type, String name) {
        Method method;
        try {
            method = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (method.getDeclaringClass() == Object.class || method.getReturnType() == void.class
                || Modifier.isStatic(method.getModifiers())) {
            return Optional.empty();
        }
        Method callable = ClassUtils.getPubliclyAccessibleMethodIfPossible(method, type);
        if (!Modifier.isPublic(callable.getDeclaringClass().getModifiers()) && !callable.trySetAccessible()) {
            return Optional.empty();
        }
        return Optional.of(callable);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The name of a value's class, or "null"; never the value. */
    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** The text form, as {@link #parse(String)} reads it. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticationValue that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
