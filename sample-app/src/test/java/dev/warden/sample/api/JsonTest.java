package dev.warden.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small JSON reader and writer of the API. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("text", "a\"b\\c/\n\u00e9\u20ac");
        expected.put("numbers", List.of(new BigDecimal("0"), new BigDecimal("-1.50"), new BigDecimal("2e3")));
        expected.put("flags", Arrays.asList(true, false, null));
        expected.put("empty", Map.of());
        assertEquals(expected, Json.parse(" {\"text\": \"a\\\"b\\\\c\\/\\n\u00e9\\u20ac\", \"numbers\": [0, -1.50, 2e3],"
                + " \"flags\": [true, false, null], \"empty\": {}} "));
    }

    @Test
    void writesWhatItReads() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "line\nbreak \"quoted\" \u0001");
        value.put("price", new BigDecimal("99.00"));
        value.put("tags", List.of());
        value.put("none", null);
        String text = Json.write(value);
        assertEquals("{\n  \"name\": \"line\\nbreak \\\"quoted\\\" \\u0001\",\n  \"price\": 99.00,\n  \"tags\": [],\n"
                + "  \"none\": null\n}\n", text);
        assertEquals(value, Json.parse(text));
    }

    @Test
    void rejectsMalformedTextWithThePositionOnly() {
        assertEquals("unexpected text after the JSON value at character 4",
                assertThrows(Json.ParseException.class, () -> Json.parse("{} x")).getMessage());
        assertEquals("member 'a' appears twice at character 10",
                assertThrows(Json.ParseException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}")).getMessage());
        assertEquals("unterminated string at character 9",
                assertThrows(Json.ParseException.class, () -> Json.parse("[\"secret")).getMessage());
        assertEquals("malformed number at character 2",
                assertThrows(Json.ParseException.class, () -> Json.parse("-")).getMessage());
        assertEquals("unexpected word at character 1",
                assertThrows(Json.ParseException.class, () -> Json.parse("nul")).getMessage());
        assertEquals("nested too deeply at character 34",
                assertThrows(Json.ParseException.class, () -> Json.parse("[".repeat(40))).getMessage());
        assertEquals("unexpected end of the text at character 1",
                assertThrows(Json.ParseException.class, () -> Json.parse("")).getMessage());
    }
}
