package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private final ModuleDescriptor sales = new ModuleDescriptor("Sales", "User", "Manager", "Guest");

    @Test
    void rolesGetBitsInDeclarationOrder() {
        assertEquals(List.of("User", "Manager", "Guest"), sales.roles());
        assertEquals(1L, sales.bit("User"));
        assertEquals(2L, sales.bit("Manager"));
        assertEquals(4L, sales.bit("Guest"));
    }

    @Test
    void anUnknownOrQualifiedRoleHasNoBit() {
        assertEquals(0L, sales.bit("Admin"));
        assertEquals(0L, sales.bit("Sales.User"));
    }

    @Test
    void describeNamesQualifiedRolesInDeclarationOrder() {
        assertEquals("Sales.User, Sales.Guest", sales.describe(sales.bit("Guest") | sales.bit("User")));
        assertEquals("", sales.describe(0L));
    }

    @Test
    void supportsSixtyFourRolesAndNoMore() {
        String[] roles = IntStream.range(0, 64).mapToObj(i -> "R" + i).toArray(String[]::new);
        ModuleDescriptor big = new ModuleDescriptor("Big", roles);
        assertEquals(Long.MIN_VALUE, big.bit("R63"));
        assertEquals("Big.R0, Big.R63", big.describe(1L | Long.MIN_VALUE));

        String[] tooMany = IntStream.range(0, 65).mapToObj(i -> "R" + i).toArray(String[]::new);
        assertThrows(IllegalArgumentException.class, () -> new ModuleDescriptor("Big", tooMany));
    }

    @Test
    void rejectsRepeatedAndEmptyRoles() {
        assertThrows(IllegalArgumentException.class, () -> new ModuleDescriptor("Sales", "User", "User"));
        assertThrows(IllegalArgumentException.class, () -> new ModuleDescriptor("Sales", ""));
        assertThrows(IllegalArgumentException.class, () -> new ModuleDescriptor("", "User"));
    }
}
