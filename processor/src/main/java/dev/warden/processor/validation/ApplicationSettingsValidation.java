package dev.warden.processor.validation;

import dev.warden.processor.model.SecurityLevel;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Names;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.NameRef;
import dev.warden.processor.model.UserRoleModel;
import java.util.List;
import java.util.Optional;

/**
 * Checks the parts of {@code @AppSecurity} that concern security levels and user management (security-model.md §6):
 * a level other than {@code PRODUCTION} is a warning, each manageable role names a declared user role, and the
 * anonymous user role manages nobody. Returns a report; writes nothing.
 */
public final class ApplicationSettingsValidation {

    /** Checks the application. */
    public void validate(AppModel app, Report report) {
        warnAboutLevel(app, report);
        List<String> userRoles = app.userRoles().stream().map(UserRoleModel::name).toList();
        for (UserRoleModel userRole : app.userRoles()) {
            for (NameRef managed : userRole.manageableRoles()) {
                if (!userRoles.contains(managed.text())) {
                    report.add(Message.UNKNOWN_ROLE, managed.location(),
                            Names.suggestion(managed.text(), userRoles, "user roles")
                                    + " (manageableRoles names user roles declared in userRoles)",
                            "manageableRoles of user role " + userRole.name(), "user role", managed.text());
                }
            }
        }
        Optional<UserRoleModel> anonymous = app.anonymousRole().flatMap(a -> app.userRole(a.text()));
        if (anonymous.isPresent() && !anonymous.get().manageableRoles().isEmpty()) {
            report.add(Message.ANONYMOUS_MANAGES_USERS, anonymous.get().manageableRoles().get(0).location(),
                    "remove manageableRoles from user role " + anonymous.get().name() + ", and give user management to"
                            + " a user role of signed-in users",
                    anonymous.get().name(), String.join(", ", anonymous.get().manageableRoleNames()));
        }
    }

    private static void warnAboutLevel(AppModel app, Report report) {
        if (app.level() == SecurityLevel.PRODUCTION) {
            return;
        }
        String unchecked = app.level() == SecurityLevel.OFF
                ? "neither operation access nor entity access is checked, every user may do everything"
                : "entity access is not checked (operation access is), every user sees and may change every object";
        report.add(Message.SECURITY_LEVEL_NOT_PRODUCTION, app.levelLocation(),
                "set level = SecurityLevel.PRODUCTION (the default) before real users get this build; while it is in"
                        + " development, @SuppressWarnings(\"warden:"
                        + Message.SECURITY_LEVEL_NOT_PRODUCTION.suppressionKey() + "\") on " + app.simpleName()
                        + " silences this",
                app.level(), unchecked);
    }
}
