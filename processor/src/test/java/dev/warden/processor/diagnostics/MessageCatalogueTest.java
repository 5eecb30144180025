package dev.warden.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue of diagnostics: stable, unique codes, explicit kinds, and each code documented in the README. */
class MessageCatalogueTest {
    private static final Pattern CODE = Pattern.compile("WARDEN-[EW]\\d{3}");

    @Test
    void everyCodeIsWellFormedAndUnique() {
        Set<String> codes = new HashSet<>();
        for (Message message : Message.values()) {
            assertTrue(CODE.matcher(message.code()).matches(), message + ": " + message.code());
            assertTrue(codes.add(message.code()), message + " reuses " + message.code());
        }
    }

    @Test
    void theKindMatchesTheCodeAndOnlyWarningsHaveUniqueSuppressionKeys() {
        Set<String> keys = new HashSet<>();
        for (Message message : Message.values()) {
            boolean error = message.code().startsWith("WARDEN-E");
            assertEquals(error ? DiagnosticKind.ERROR : DiagnosticKind.WARNING, message.kind(), message.toString());
            if (error) {
                assertNull(message.suppressionKey(), message + " is an error, which cannot be suppressed");
            } else {
                assertNotNull(message.suppressionKey(), message + " is a warning without a suppression key");
                assertTrue(message.suppressionKey().matches("[a-z]+(-[a-z]+)*"), message.suppressionKey());
                assertTrue(keys.add(message.suppressionKey()), message + " reuses " + message.suppressionKey());
            }
        }
    }

    @Test
    void theReadmeListsEveryCodeOnceWithItsKindAndKey() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n### Diagnostic codes\n");
        assertTrue(start >= 0, "README has no 'Diagnostic codes' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(WARDEN-[EW]\\d{3})` \\| (error|warning) \\| (?:`([a-z-]+)`)? *\\|")
                .matcher(section);
        while (row.find()) {
            listed.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
        }
        List<String> expected = new ArrayList<>();
        for (Message message : Message.values()) {
            expected.add(message.code() + " " + message.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + message.suppressionKey());
        }
        expected.sort(null);
        assertEquals(expected, listed.stream().sorted().toList());
    }
}
