package dev.warden.runtime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The members Warden fills in (security model §6, "System members" and "Presets"): {@code @Owner} and
 * {@code @ChangedBy} with the user's id, {@code @CreatedDate} and {@code @ChangedDate} from the security context's
 * clock, {@code @Preset(token = ...)} from the user's token. Users can never write them; every path that creates or
 * changes objects fills them in: the secured proxy's {@code create} and setters, the data access layer's
 * {@code insert} and {@code update}, and a persistence framework's listeners, which call {@link #onCreate} and
 * {@link #onUpdate}.
 *
 * <p>The clock is the context's ({@link SecurityContext#now()}): the application's clock
 * ({@link SecurityContext#setClock}), or one given to a context with {@link SecurityContext#withClock}. Moments are
 * kept to the microsecond, the precision of the databases' timestamps, so that an object reads back as it was stored.
 */
public final class SystemMembers {

    /** How Warden fills a member in. */
    public enum Kind {
        /** {@code @Owner}: the id of the user who creates the object. */
        OWNER,
        /** {@code @ChangedBy}: the id of the user who creates or last changes the object. */
        CHANGED_BY,
        /** {@code @CreatedDate}: the moment the object is created. */
        CREATED_DATE,
        /** {@code @ChangedDate}: the moment the object is created or last changed. */
        CHANGED_DATE,
        /** {@code @Preset(token = ...)}: the user's token, when the object is created. */
        PRESET;

        /** Whether Warden fills such a member in on every change, not only on create. */
        public boolean onUpdate() {
            return this == CHANGED_BY || this == CHANGED_DATE;
        }
    }

    private SystemMembers() {}

    /**
     * Fills in the members Warden fills on create, for a framework's "before insert" listener: what
     * {@link EntityRules#fillOnCreate} does, found by the object's class. The create check
     * ({@link EntityRules#checkCreate}) does this itself; call this only where that check does not run.
     *
     * @param ctx the security context
     * @param object a new object of a secured entity; other objects are left alone
     * @throws AccessDeniedException for a preset whose token has no value for the user
     */
    public static void onCreate(SecurityContext ctx, Object object) {
        Objects.requireNonNull(ctx, "ctx");
        EntityRules<Object, ?> rules = rulesOf(object);
        if (rules != null) {
            rules.fillOnCreate(ctx, object);
        }
    }

    /**
     * Fills in the members Warden fills on every change (changedBy, the changed date), for a framework's
     * "before update" listener: what {@link EntityRules#fillOnUpdate} does, found by the object's class.
     *
     * @param ctx the security context
     * @param object a changed object of a secured entity; other objects are left alone
     */
    public static void onUpdate(SecurityContext ctx, Object object) {
        Objects.requireNonNull(ctx, "ctx");
        EntityRules<Object, ?> rules = rulesOf(object);
        if (rules != null) {
            rules.fillOnUpdate(ctx, object);
        }
    }

    @SuppressWarnings("unchecked")
    private static EntityRules<Object, ?> rulesOf(Object object) {
        return (EntityRules<Object, ?>) dev.warden.runtime.internal.GeneratedCode
                .rulesOf(Objects.requireNonNull(object, "object").getClass());
    }

    /** The value of one member; see {@link EntityRules#filledValue}. */
    static Object value(EntityRules<?, ?> rules, Kind kind, int member, String token, Class<?> dateType,
            SecurityContext ctx, boolean create, Object current) {
        boolean keepsCallersValue = !ctx.enforcesDataAccess();
        switch (kind) {
            case OWNER:
            case CHANGED_BY:
                if ((kind == Kind.OWNER && !create) || (keepsCallersValue && ctx.userId() == null)) {
                    return current;
                }
                return ctx.userId();
            case CREATED_DATE:
            case CHANGED_DATE:
                if ((kind == Kind.CREATED_DATE && !create) || (keepsCallersValue && create && current != null)) {
                    return current;
                }
                return moment(ctx.now(), dateType);
            default:
                if (!create) {
                    return current;
                }
                if (ctx.hasToken(token)) {
                    return ctx.token(token, Object.class);
                }
                if (keepsCallersValue) {
                    return current;
                }
                throw new AccessDeniedException(rules.entityName(), rules.memberName(member), Operation.CREATE,
                        "'" + rules.memberName(member) + "' is filled in from token '" + token + "', which has no "
                                + "value for user roles " + ctx.userRoles());
        }
    }

    /** A moment as a member of this type holds it: an {@code LocalDateTime} in the context's zone. */
    static Object moment(ZonedDateTime now, Class<?> type) {
        ZonedDateTime time = now.truncatedTo(ChronoUnit.MICROS);
        if (type == Instant.class) {
            return time.toInstant();
        }
        if (type == OffsetDateTime.class) {
            return time.toOffsetDateTime();
        }
        return time.toLocalDateTime();
    }

    static Class<?> requireDateType(Class<?> type) {
        if (type != Instant.class && type != OffsetDateTime.class && type != LocalDateTime.class) {
            throw new IllegalArgumentException("A created or changed date is an Instant, an OffsetDateTime or a "
                    + "LocalDateTime, not " + type);
        }
        return type;
    }

    /** How messages name what Warden fills in. */
    static String describe(Kind kind) {
        return switch (kind) {
            case OWNER -> "the id of the user who creates it";
            case CHANGED_BY -> "the id of the user who changes it";
            case CREATED_DATE -> "the moment it is created";
            case CHANGED_DATE -> "the moment it is changed";
            case PRESET -> "the user's token";
        };
    }
}
