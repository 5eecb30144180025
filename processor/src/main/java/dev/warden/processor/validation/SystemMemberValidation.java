package dev.warden.processor.validation;

import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.KeyAndVersion;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.model.SourceLocation;
import dev.warden.processor.model.SystemMarker;
import dev.warden.processor.model.TokenModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The checks of the members Warden fills in (security model §6, "System members" and "Presets"): {@code @ChangedBy}
 * holds a user id, {@code @CreatedDate} and {@code @ChangedDate} a moment, {@code @Preset} a declared custom token of
 * the member's type; each kind once per entity, one kind per member, each on a member Warden can set; and no rule
 * gives a user the right to write one.
 */
final class SystemMemberValidation {

    /** The types of {@code @CreatedDate} and {@code @ChangedDate} members: what the runtime can make from a clock. */
    private static final Set<String> DATE_TYPES = Set.of("java.time.Instant", "java.time.OffsetDateTime",
            "java.time.LocalDateTime");

    private final Types types;

    SystemMemberValidation(Types types) {
        this.types = types;
    }

    /** Checks the system annotations on the members of one entity. */
    void validateMembers(EntityModel entity, Optional<AppModel> app, Report report) {
        Map<SystemMarker.Kind, MemberModel> first = new EnumMap<>(SystemMarker.Kind.class);
        for (MemberModel member : entity.members()) {
            List<SystemMarker> markers = member.systemMarkers();
            if (markers.isEmpty()) {
                continue;
            }
            if (member.owner()) {
                report.add(Message.CONFLICTING_SYSTEM_MARKERS, markers.get(0).location(),
                        "keep one of them: @Owner is the creator, " + markers.get(0).describe() + " "
                                + what(markers.get(0).kind()),
                        member.name(), entity.simpleName(), "@Owner", markers.get(0).describe());
            }
            for (int i = 1; i < markers.size(); i++) {
                report.add(Message.CONFLICTING_SYSTEM_MARKERS, markers.get(i).location(),
                        "keep one of them, or declare a second member for " + markers.get(i).describe(),
                        member.name(), entity.simpleName(), markers.get(0).describe(), markers.get(i).describe());
            }
            SystemMarker marker = markers.get(0);
            if (marker.kind() != SystemMarker.Kind.PRESET) {
                MemberModel earlier = first.putIfAbsent(marker.kind(), member);
                if (earlier != null) {
                    report.add(Message.DUPLICATE_SYSTEM_MEMBER, marker.location(),
                            "keep @" + marker.kind().simpleName() + " on one member", entity.simpleName(),
                            marker.kind().simpleName(), earlier.name(), member.name());
                }
            }
            checkSettable(entity, member, marker, report);
            checkType(entity, member, marker, app, report);
        }
    }

    private static String what(SystemMarker.Kind kind) {
        return switch (kind) {
            case CHANGED_BY -> "the last user who changed the object";
            case CREATED_DATE -> "the moment it was created";
            case CHANGED_DATE -> "the moment it was last changed";
            case PRESET -> "the user's token";
        };
    }

    /**
     * Warden sets the member on the object. A record component (immutable) works for the user ids and presets, which
     * must then already hold the right value, as for {@code @Owner}; never for a moment, which the caller cannot
     * know in advance.
     */
    private static void checkSettable(EntityModel entity, MemberModel member, SystemMarker marker, Report report) {
        if (member.readOnly() == null
                || (member.readOnly() == MemberModel.ReadOnlyReason.RECORD_COMPONENT && !marker.kind().isDate())) {
            return;
        }
        String hint = switch (member.readOnly()) {
            case RECORD_COMPONENT -> "turn the record into a class with a setter, so that Warden can set the moment";
            case FINAL_FIELD -> "make the field non-final and add a setter";
            case GETTER_ONLY -> "add a setter set" + Character.toUpperCase(member.name().charAt(0))
                    + member.name().substring(1) + "(...)";
            case CALCULATED -> "mark a stored member instead of a calculated one";
        };
        report.add(Message.SYSTEM_MEMBER_NOT_SETTABLE, marker.location(), hint, marker.describe(), member.name(),
                entity.simpleName(), member.readOnly().explanation());
    }

    private void checkType(EntityModel entity, MemberModel member, SystemMarker marker, Optional<AppModel> app,
            Report report) {
        switch (marker.kind()) {
            case CHANGED_BY -> app.ifPresent(a -> {
                if (!sameBoxedType(member.type(), a.userIdType())) {
                    report.add(Message.SYSTEM_MEMBER_TYPE, marker.location(),
                            "change the member's type to " + a.userIdType() + ", or userIdType in @AppSecurity",
                            marker.describe(), member.name(), entity.simpleName(), member.type(),
                            "user ids are " + a.userIdType() + " (@AppSecurity userIdType)");
                }
            });
            case CREATED_DATE, CHANGED_DATE -> {
                String type = member.type().getKind() == TypeKind.DECLARED
                        ? types.erasure(member.type()).toString() : member.type().toString();
                if (!DATE_TYPES.contains(type)) {
                    report.add(Message.SYSTEM_MEMBER_TYPE, marker.location(),
                            "declare it as an Instant (or an OffsetDateTime, or a LocalDateTime for a wall-clock time)",
                            marker.describe(), member.name(), entity.simpleName(), member.type(),
                            "Warden fills it with a moment: an Instant, an OffsetDateTime or a LocalDateTime");
                } else if (type.equals("java.time.LocalDateTime")) {
                    report.add(Message.LOCAL_SYSTEM_DATE, marker.location(),
                            "declare it as an Instant or an OffsetDateTime, or suppress with "
                                    + "@SuppressWarnings(\"warden:local-system-date\") when every user is in one zone",
                            marker.describe(), member.name(), entity.simpleName());
                }
            }
            case PRESET -> app.ifPresent(a -> checkPreset(entity, member, marker, a, report));
        }
    }

    private void checkPreset(EntityModel entity, MemberModel member, SystemMarker marker, AppModel app,
            Report report) {
        SourceLocation tokenLocation = marker.location().at("token", null);
        String name = marker.token();
        if (BuiltInTokens.NAMES.contains(name) || name.startsWith(BuiltInTokens.USER_ROLE_PREFIX)) {
            report.add(Message.PRESET_BUILT_IN_TOKEN, tokenLocation,
                    "use @Owner or @ChangedBy for the user's id and @CreatedDate or @ChangedDate for a moment; "
                            + "declare the token in @AppSecurity(tokens = @Token(...)) for anything else",
                    marker.describe(), member.name(), entity.simpleName(), name);
            return;
        }
        Optional<TokenModel> token = app.tokens().stream().filter(t -> t.name().equals(name)).findFirst();
        if (token.isEmpty()) {
            report.add(Message.PRESET_UNKNOWN_TOKEN, tokenLocation,
                    Names.suggestion(name, app.tokens().stream().map(TokenModel::name).toList(), "tokens"),
                    marker.describe(), member.name(), entity.simpleName(), name);
            return;
        }
        TypeMirror tokenType = token.get().type();
        if (tokenType != null && !sameBoxedType(member.type(), tokenType)) {
            report.add(Message.SYSTEM_MEMBER_TYPE, marker.location(),
                    "change the member's type to " + tokenType + ", or the token's type in @AppSecurity",
                    marker.describe(), member.name(), entity.simpleName(), member.type(),
                    "token '" + name + "' is a " + tokenType);
        }
    }

    /**
     * Reports a write right on a member Warden fills in ({@code @Owner} included, E069): in a rule's {@code members} entry or a {@code @MemberAccess}.
     * ({@code defaultAccess = READ_WRITE} leaves such members readable only, as it does members without a setter.)
     *
     * @param where how the message names the right: "rule 2 of Order", "@MemberAccess"
     * @param location the {@code access} value
     */
    void checkWriteRight(EntityModel entity, MemberModel member, String where, SourceLocation location,
            Report report) {
        if (member.owner()) {
            report.add(Message.OWNER_WRITE, location,
                    "use READ: Warden sets it on create; change the owner as the system (SecurityContext.system())",
                    where, member.name(), entity.simpleName());
            return;
        }
        if (KeyAndVersion.isVersion(member)) {
            report.add(Message.VERSION_WRITE, location,
                    "use READ: every update through Warden (and every flush by JPA) increments it", where,
                    member.name(), entity.simpleName());
            return;
        }
        Optional<SystemMarker> marker = member.systemMarker();
        if (marker.isEmpty()) {
            return;
        }
        report.add(Message.SYSTEM_MEMBER_WRITE, location,
                "use READ: Warden sets it on every create" + (marker.get().kind() == SystemMarker.Kind.PRESET
                        || marker.get().kind() == SystemMarker.Kind.CREATED_DATE ? "" : " and update"),
                where, member.name(), entity.simpleName(), marker.get().describe());
    }

    private boolean sameBoxedType(TypeMirror a, TypeMirror b) {
        TypeMirror boxedA = a.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(a.getKind())).asType() : a;
        TypeMirror boxedB = b.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(b.getKind())).asType() : b;
        return types.isSameType(types.erasure(boxedA), types.erasure(boxedB));
    }
}
