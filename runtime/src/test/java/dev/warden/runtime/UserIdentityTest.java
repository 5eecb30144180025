package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserIdentityTest {
    @Test
    void copiesItsCollectionsAndMakesThemUnmodifiable() {
        Set<String> roles = new HashSet<>(Set.of("SalesRep"));
        Map<String, Object> attributes = new HashMap<>(Map.of("Region", "North"));
        UserIdentity user = new UserIdentity(1L, roles, attributes);

        roles.add("Administrator");
        attributes.put("Region", "South");

        assertEquals(Set.of("SalesRep"), user.userRoles());
        assertEquals(Map.of("Region", "North"), user.attributes());
        assertThrows(UnsupportedOperationException.class, () -> user.userRoles().add("Administrator"));
        assertThrows(UnsupportedOperationException.class, () -> user.attributes().put("Region", "South"));
    }

    @Test
    void rejectsMissingCollectionsAndNullNames() {
        assertThrows(NullPointerException.class, () -> new UserIdentity(1L, null, Map.of()));
        assertThrows(NullPointerException.class, () -> new UserIdentity(1L, Set.of(), null));
        assertThrows(NullPointerException.class, () -> UserIdentity.of(1L, "SalesRep", null));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put(null, "x");
        assertThrows(NullPointerException.class, () -> new UserIdentity(1L, Set.of("SalesRep"), nullName));
    }

    @Test
    void leavesOutAttributesWithoutValue() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("Region", null);
        assertEquals(Map.of(), new UserIdentity(1L, Set.of("SalesRep"), attributes).attributes());
    }

    @Test
    void keepsTheOrderOfUserRoles() {
        assertEquals(List.of("SalesRep", "Administrator", "Visitor"),
                List.copyOf(UserIdentity.of(1L, "SalesRep", "Administrator", "Visitor").userRoles()));
    }

    @Test
    void withAttributeReturnsACopyAndNullRemoves() {
        UserIdentity user = UserIdentity.of(1L, "SalesRep");
        UserIdentity north = user.withAttribute("Region", "North");

        assertEquals(Map.of(), user.attributes());
        assertEquals(Map.of("Region", "North"), north.attributes());
        assertEquals(Map.of(), north.withAttribute("Region", null).attributes());
        assertEquals(user.userRoles(), north.userRoles());
        assertEquals(user.id(), north.id());
    }

    @Test
    void toStringNamesAttributesButNeverPrintsTheirValues() {
        UserIdentity user = UserIdentity.of(42L, "SalesRep").withAttribute("ApiSecret", "hunter2");

        String text = user.toString();

        assertTrue(text.contains("42"), text);
        assertTrue(text.contains("SalesRep"), text);
        assertTrue(text.contains("ApiSecret"), text);
        assertFalse(text.contains("hunter2"), text);
    }

    @Test
    void aTimeZoneIsOptionalAndKeptByTheCopies() {
        java.time.ZoneId amsterdam = java.time.ZoneId.of("Europe/Amsterdam");
        UserIdentity user = UserIdentity.of(1L, "SalesRep");
        assertEquals(null, user.zone());
        UserIdentity zoned = user.withZone(amsterdam);
        assertEquals(amsterdam, zoned.zone());
        assertEquals(amsterdam, zoned.withAttribute("Region", "North").zone());
        assertEquals(null, zoned.withZone(null).zone());
        assertEquals(new UserIdentity(1L, Set.of("SalesRep"), Map.of(), amsterdam), zoned);
        assertEquals(new UserIdentity(1L, Set.of("SalesRep"), Map.of()), user);
        assertTrue(zoned.toString().endsWith(", zone=Europe/Amsterdam]"), zoned.toString());
        assertFalse(user.toString().contains("zone"), user.toString());
    }
}
