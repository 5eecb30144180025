package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Finding one element of an annotation's array value in source text, for the Eclipse compiler's positions. */
class SourceScannerTest {

    private static String element(String source, int index) {
        char[] text = source.toCharArray();
        int start = SourceScanner.arrayElement(text, 0, index);
        return start < 0 ? null : new String(text, start, SourceScanner.elementEnd(text, start) - start).trim();
    }

    @Test
    void elementsOfAnAttributesArray() {
        String source = "moduleRoles = {\n  \"Shop.Manager\", // the first\n  /* then */ \"Billing.Clerck\"})";
        assertThat(element(source, 0)).isEqualTo("\"Shop.Manager\"");
        assertThat(element(source, 1)).isEqualTo("\"Billing.Clerck\"");
        assertThat(element(source, 2)).isNull();
    }

    @Test
    void separatorsInsideLiteralsNestedAnnotationsAndTextBlocksDoNotCount() {
        String source = "{\"a,}\", '}', @Member(name = \"x\", access = Access.NONE), \"\"\"\n ,} \"\"\", \"\\\",\"}";
        assertThat(element(source, 1)).isEqualTo("'}'");
        assertThat(element(source, 2)).isEqualTo("@Member(name = \"x\", access = Access.NONE)");
        assertThat(element(source, 3)).isEqualTo("\"\"\"\n ,} \"\"\"");
        assertThat(element(source, 4)).isEqualTo("\"\\\",\"");
    }

    @Test
    void aSingleValueIsElementZeroAndAnythingUnexpectedIsMinusOne() {
        assertThat(element("roles = \"User\")", 0)).isEqualTo("\"User\"");
        assertThat(element("roles = \"User\")", 1)).isNull();
        assertThat(SourceScanner.arrayElement("roles \"User\"".toCharArray(), 0, 0)).isEqualTo(-1);
        assertThat(SourceScanner.arrayElement("roles = {\"unterminated".toCharArray(), 0, 1)).isEqualTo(-1);
    }
}
