package dev.warden.runtime;

import static dev.warden.runtime.ServiceRegistrations.loaderWith;
import static dev.warden.runtime.ServiceRegistrations.withContextClassLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.internal.GeneratedServices;
import dev.warden.runtime.internal.GeneratedServicesTest;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationModelTest extends GlobalStateReset {
    @Test
    void builderDefaults() {
        ApplicationModel app = ApplicationModel.builder("Empty").build();

        assertEquals("Empty", app.name());
        assertEquals(SecurityLevel.PRODUCTION, app.level());
        assertEquals(Long.class, app.userIdType());
        assertEquals(Set.of(), app.userRoles());
        assertEquals(Optional.empty(), app.anonymousRole());
        assertEquals(Map.of(), app.tokenTypes());
    }

    @Test
    void keepsRolesTokensAndSettings() {
        ApplicationModel app = Shop.model(SecurityLevel.PROTOTYPE)
                .anonymousRole("Visitor")
                .userIdType(long.class)
                .token("Tenant", int.class)
                .build();

        assertEquals(SecurityLevel.PROTOTYPE, app.level());
        assertEquals(List.of("Administrator", "SalesRep", "Visitor"), List.copyOf(app.userRoles()));
        assertEquals(Set.of("Sales.Manager", "Administration.Admin"), app.moduleRolesOf("Administrator"));
        assertEquals(Set.of(), app.moduleRolesOf("Nobody"));
        assertEquals(Optional.of("Visitor"), app.anonymousRole());
        assertEquals(Long.class, app.userIdType(), "primitive types stand for their wrappers");
        assertEquals(Map.of("Region", String.class, "Tenant", Integer.class), app.tokenTypes());
    }

    @Test
    void anEmptyAnonymousRoleMeansAnonymousAccessIsOff() {
        assertEquals(Optional.empty(), Shop.model(SecurityLevel.PRODUCTION).anonymousRole("").build().anonymousRole());
        assertEquals(Optional.empty(), Shop.model(SecurityLevel.PRODUCTION).anonymousRole(null).build()
                .anonymousRole());
    }

    @Test
    void rejectsInconsistentSettings() {
        IllegalArgumentException undeclaredAnonymous = assertThrows(IllegalArgumentException.class,
                () -> Shop.model(SecurityLevel.PRODUCTION).anonymousRole("Guest").build());
        assertTrue(undeclaredAnonymous.getMessage().contains("'Guest'"), undeclaredAnonymous.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> ApplicationModel.builder("App").userRole("Rep", "User"), "module roles must be qualified");
        for (String halfQualified : new String[] {".User", "Sales."}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ApplicationModel.builder("App").userRole("Rep", halfQualified), halfQualified);
            assertEquals("Module role '" + halfQualified + "' of user role 'Rep' must be qualified with its module, "
                    + "as in 'Sales.User'", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ApplicationModel.builder("App").userRole("Rep").userRole("Rep"));
        assertThrows(IllegalArgumentException.class,
                () -> ApplicationModel.builder("App").token("CurrentUser", Long.class), "built-in token name");
        assertThrows(IllegalArgumentException.class,
                () -> ApplicationModel.builder("App").token("Tenant", Long.class).token("Tenant", String.class));
    }

    @Test
    void defaultModelIsTheOneSet() {
        ApplicationModel app = Shop.app();
        ApplicationModel.setDefault(app);

        assertSame(app, ApplicationModel.defaultModel());
    }

    @Test
    void withoutAnyModelDefaultModelThrowsAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, ApplicationModel::defaultModel);

        assertTrue(e.getMessage().contains("@AppSecurity"), e.getMessage());
        assertTrue(e.getMessage().contains("ApplicationModel.setDefault"), e.getMessage());
    }

    @Test
    void findsTheGeneratedModelRegisteredAsAService(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, ApplicationModel.class, ShopModel.class);

        ApplicationModel found = withContextClassLoader(loader, ApplicationModel::defaultModel);

        assertInstanceOf(ShopModel.class, found);
        assertEquals("ShopApp", found.name());
        assertSame(found, withContextClassLoader(loader, ApplicationModel::defaultModel), "the lookup is cached");
    }

    @Test
    void findsTheGeneratedModelListedForTheRuntimeWithoutAServicesFile(@TempDir Path dir) throws Exception {
        Path list = dir.resolve(GeneratedServices.INDEX + ApplicationModel.class.getName());
        Files.createDirectories(list.getParent());
        Files.writeString(list, GeneratedServicesTest.Registering.class.getName() + "\n");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

        assertSame(GeneratedServicesTest.Registering.INSTANCE,
                withContextClassLoader(loader, ApplicationModel::defaultModel));
    }

    @Test
    void theModelSetWinsOverTheRegisteredOne(@TempDir Path dir) throws Exception {
        ApplicationModel app = ApplicationModel.builder("Explicit").build();
        ApplicationModel.setDefault(app);

        assertSame(app, withContextClassLoader(loaderWith(dir, ApplicationModel.class, ShopModel.class),
                ApplicationModel::defaultModel));
    }

    @Test
    void severalRegisteredModelsAreAnErrorNamingThem(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, ApplicationModel.class, ShopModel.class, ShopModel.Other.class);

        IllegalStateException e = withContextClassLoader(loader,
                () -> assertThrows(IllegalStateException.class, ApplicationModel::defaultModel));

        assertTrue(e.getMessage().contains(ShopModel.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(ShopModel.Other.class.getName()), e.getMessage());
    }

    @Test
    void aBrokenRegistrationIsAnError(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, ApplicationModel.class, ApplicationModelTest.class);

        IllegalStateException e = withContextClassLoader(loader,
                () -> assertThrows(IllegalStateException.class, ApplicationModel::defaultModel));

        assertTrue(e.getMessage().contains("META-INF/services/dev.warden.runtime.ApplicationModel"), e.getMessage());
    }
}
