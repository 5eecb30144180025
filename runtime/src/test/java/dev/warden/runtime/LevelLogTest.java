package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.annotations.SecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security level is logged once per model, when the first security context is made for it: a warning at OFF
 * and PROTOTYPE, debug (java.util.logging FINE) at PRODUCTION. Read through java.util.logging, where
 * {@code System.Logger} goes by default.
 */
class LevelLogTest extends GlobalStateReset {
    private final Logger logger = Logger.getLogger(ApplicationModel.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previous;

    @BeforeEach
    void listen() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }

    private List<String> logged() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    @Test
    void prototypeIsAWarningLoggedOnceWhenTheFirstContextIsMade() {
        ApplicationModel app = ApplicationModel.builder("Demo").level(SecurityLevel.PROTOTYPE).userRole("User", "M.R")
                .build();
        assertEquals(List.of(), logged(), "building a model is not using it");
        SecurityContext.of(app, UserIdentity.of(1L, "User"));
        SecurityContext.systemOf(app);
        SecurityContext.anonymousOf(app);
        assertEquals(List.of("WARNING Warden: application Demo runs at security level PROTOTYPE: operation access is"
                + " checked, entity access is not, every user sees and may change every object. Not for production."),
                logged());
    }

    @Test
    void offIsAWarningAndProductionDebug() {
        SecurityContext.systemOf(ApplicationModel.builder("Loose").level(SecurityLevel.OFF).build());
        SecurityContext.systemOf(ApplicationModel.builder("Strict").build());
        assertEquals(List.of("WARNING Warden: application Loose runs at security level OFF: neither operation access nor"
                + " entity access is checked, every user may do everything. Not for production.",
                "FINE Warden: application Strict runs at security level PRODUCTION: operation access and entity access"
                        + " are checked."), logged());
    }

    /** The generated model class is logged once, however many instances (INSTANCE, ServiceLoader's) are used. */
    @Test
    void onceForAllInstancesOfAGeneratedModelClass() {
        SecurityContext.systemOf(new LoggedModel());
        SecurityContext.systemOf(new LoggedModel());
        assertEquals(1, logged().size(), logged()::toString);
    }

    /** As the processor generates them. */
    public static final class LoggedModel extends ApplicationModel {
        public LoggedModel() {
            super(ApplicationModel.builder("Generated").level(SecurityLevel.OFF));
        }
    }
}
