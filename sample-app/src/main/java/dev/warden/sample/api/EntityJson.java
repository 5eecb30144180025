package dev.warden.sample.api;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.sample.app.ShopEntity;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entities to and from JSON, generically through their generated tables. An object read through
 * {@code WardenData} has the members the user may not read set to null; the JSON leaves out the members the user
 * may read in no row at all, and shows the others (null where masked in this row). Associations are written as
 * the key of the associated object. Calculated members are not part of the API.
 */
final class EntityJson {
    private EntityJson() {}

    /** The filter that says what a user may read and write of an entity. */
    static <T> QueryFilter<T> filter(ShopEntity<T> entity, SecurityContext ctx) {
        return entity.table().filter(ctx, "t", Dialect.h2());
    }

    /**
     * An object as JSON, for the user the filter is for.
     *
     * @param entity the entity
     * @param filter the user's filter
     * @param object the object as read for that user
     * @param <T> the entity type
     * @return member name to value
     */
    static <T> Map<String, Object> toJson(ShopEntity<T> entity, QueryFilter<T> filter, T object) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int member : entity.table().columnMembers()) {
            if (filter.readAccess(member) != QueryFilter.Access.NEVER) {
                json.put(entity.rules().memberName(member), entity.table().value(object, member));
            }
        }
        return json;
    }

    /** What the user may read and write of each member: {@code always}, {@code some rows} or {@code never}. */
    static <T> Map<String, Object> rights(ShopEntity<T> entity, QueryFilter<T> filter) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int member : entity.table().columnMembers()) {
            members.put(entity.rules().memberName(member), Map.of("read", describe(filter.readAccess(member)),
                    "write", describe(filter.writeAccess(member))));
        }
        return members;
    }

    private static String describe(QueryFilter.Access access) {
        return switch (access) {
            case ALWAYS -> "always";
            case SOME_ROWS -> "some rows";
            case NEVER -> "never";
        };
    }

    /**
     * The member a request names, which must be stored in a column.
     *
     * @throws ApiException 400 for an unknown or calculated member
     */
    static EntityMember member(ShopEntity<?> entity, String name) throws ApiException {
        EntityMember member = entity.member(name).orElseThrow(
                () -> ApiException.badRequest(entity.name() + " has no member '" + name + "'"));
        if (!entity.table().hasColumn(member.ordinal())) {
            throw ApiException.badRequest("'" + name + "' of " + entity.name() + " is calculated, not stored");
        }
        return member;
    }

    /**
     * A JSON value as the Java value of a member's column.
     *
     * @throws ApiException 400 when it does not fit
     */
    static Object fromJson(ShopEntity<?> entity, int member, Object json) throws ApiException {
        if (json == null) {
            return null;
        }
        Class<?> type = entity.table().columnType(member);
        String name = entity.rules().memberName(member);
        if (type.isEnum()) {
            return json instanceof String text ? constant(type, name, text) : mismatch(name, "one of " + constants(type));
        }
        if (type == String.class) {
            return json instanceof String ? json : mismatch(name, "a string");
        }
        if (type == Boolean.class) {
            return json instanceof Boolean ? json : mismatch(name, "true or false");
        }
        if (Number.class.isAssignableFrom(type)) {
            String what = entity.references().containsKey(name) ? "the key of an object (a whole number)"
                    : type == BigDecimal.class ? "a number"
                    : type == Integer.class ? "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    : "a whole number";
            if (!(json instanceof BigDecimal)) {
                return mismatch(name, what);
            }
            try {
                return entity.table().toColumnType(member, json);
            } catch (IllegalArgumentException e) {
                return mismatch(name, what);
            }
        }
        throw ApiException.badRequest("'" + name + "' cannot be set through this API");
    }

    /**
     * A value from a URL query string as the Java value of a member's column.
     *
     * @throws ApiException 400 when it does not fit
     */
    static Object fromText(ShopEntity<?> entity, int member, String text) throws ApiException {
        Class<?> type = entity.table().columnType(member);
        if (Number.class.isAssignableFrom(type)) {
            try {
                return fromJson(entity, member, new BigDecimal(text));
            } catch (NumberFormatException e) {
                return mismatch(entity.rules().memberName(member), "a number");
            }
        }
        if (type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                return mismatch(entity.rules().memberName(member), "true or false");
            }
            return Boolean.valueOf(text);
        }
        return fromJson(entity, member, text);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(Class<?> type, String member, String name) throws ApiException {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            return mismatch(member, "one of " + constants(type));
        }
    }

    private static String constants(Class<?> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }

    private static Object mismatch(String member, String expected) throws ApiException {
        throw ApiException.badRequest("'" + member + "' must be " + expected);
    }
}
