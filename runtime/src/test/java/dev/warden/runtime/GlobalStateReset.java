package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * Resets Warden's global settings after each test, and checks that the test left no scope open on the
 * test thread.
 */
abstract class GlobalStateReset {
    @AfterEach
    void resetGlobalState() {
        ApplicationModel.setDefault(null);
        SecurityContext.setUserProvider(null);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent(), "a test left a scope open");
    }
}
