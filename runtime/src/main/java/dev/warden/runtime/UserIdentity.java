package dev.warden.runtime;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user as the application knows them: an id, the names of their user roles, attributes that provide the
 * values of custom tokens (such as {@code Tenant} or {@code Region}), and optionally their time zone, in which the
 * date-time tokens of constraints ({@code [%BeginOfCurrentDay%]}, ...) and the date parts
 * ({@code year-from-dateTime}, ...) are computed; without one, the application's default zone is used
 * ({@link SecurityContext#zone()}).
 *
 * <p>The collections are copied and unmodifiable. Attributes with a {@code null} value are left out: a null
 * value means the user has no value. {@link #toString()} prints attribute names but never their values.
 *
 * @param id the user's id, an instance of the application's user-id type; {@code null} only for an anonymous
 *     user, whose only user role is the application's anonymous role
 * @param userRoles the names of the user's user roles
 * @param attributes attribute values by name
 * @param zone the user's time zone, or null for the application's default zone
 */
public record UserIdentity(Object id, Set<String> userRoles, Map<String, Object> attributes, ZoneId zone) {

    /** Copies the collections; rejects null collections, null role names and null attribute names. */
    public UserIdentity {
        Objects.requireNonNull(userRoles, "userRoles");
        Objects.requireNonNull(attributes, "attributes");
        Set<String> roles = new LinkedHashSet<>();
        for (String role : userRoles) {
            roles.add(Objects.requireNonNull(role, "user role name"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Objects.requireNonNull(name, "attribute name");
            if (value != null) {
                values.put(name, value);
            }
        });
        userRoles = Collections.unmodifiableSet(roles);
        attributes = Collections.unmodifiableMap(values);
    }

    /**
     * A user without a time zone of their own.
     *
     * @param id the user's id
     * @param userRoles the names of the user's user roles
     * @param attributes attribute values by name
     */
    public UserIdentity(Object id, Set<String> userRoles, Map<String, Object> attributes) {
        this(id, userRoles, attributes, null);
    }

    /**
     * A user without attributes.
     *
     * @param id the user's id
     * @param userRoles the names of the user's user roles
     * @return the user
     */
    public static UserIdentity of(Object id, String... userRoles) {
        return new UserIdentity(id, new LinkedHashSet<>(Arrays.asList(userRoles)), Map.of());
    }

    /**
     * A copy of this user with one attribute set, or removed when {@code value} is null.
     *
     * @param name the attribute's name, for a custom token the token's name
     * @param value the value
     * @return the copy
     */
    public UserIdentity withAttribute(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        return new UserIdentity(id, userRoles, values, zone);
    }

    /**
     * A copy of this user with a time zone, or without one when {@code zone} is null.
     *
     * @param zone the user's time zone
     * @return the copy
     */
    public UserIdentity withZone(ZoneId zone) {
        return new UserIdentity(id, userRoles, attributes, zone);
    }

    /** The id, the user roles, the names (not the values) of the attributes, and the zone. */
    @Override
    public String toString() {
        return "UserIdentity[id=" + id + ", userRoles=" + userRoles + ", attributes=" + attributes.keySet()
                + (zone == null ? "" : ", zone=" + zone) + "]";
    }
}
