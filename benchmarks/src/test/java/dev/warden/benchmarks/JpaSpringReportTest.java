package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Items 8 and 9 have a section of their own in BENCHMARKS.md that either run writes or keeps, never duplicates. */
class JpaSpringReportTest {
    private static final String SECTION = JpaSpringReport.BEGIN + "\n\n## 8 and 9\n\nfigures\n\n" + JpaSpringReport.END;

    @Test
    void aReportWithoutTheSectionGetsItAtTheEnd() {
        assertEquals("# Report\n\n## Reproducing\n\n" + SECTION + "\n",
                JpaSpringReport.splice("# Report\n\n## Reproducing\n", SECTION));
    }

    @Test
    void theSectionIsReplacedWhereItIsAndTheRestLeftAlone() {
        String document = "# Report\n\nitems 1 to 7\n\n" + SECTION + "\n";
        String newer = SECTION.replace("figures", "newer figures");
        assertEquals("# Report\n\nitems 1 to 7\n\n" + newer + "\n", JpaSpringReport.splice(document, newer));
    }

    @Test
    void theFullRunKeepsTheSectionOfTheFileItRewrites() {
        String old = "# Old report\n\nold items 1 to 7\n\n" + SECTION + "\n";
        String kept = JpaSpringReport.section(old);
        assertEquals(SECTION, kept);
        assertEquals("# New report\n" + "\n" + SECTION + "\n", JpaSpringReport.splice("# New report\n", kept));
        assertEquals("# New report\n", JpaSpringReport.splice("# New report\n", JpaSpringReport.section("# none\n")));
    }
}
