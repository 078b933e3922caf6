package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckstyleReportTest {

    @Test
    void writesOneFileElementPerFileSortedAndOneErrorPerShownFinding() throws Exception {
        Document doc = XmlParsing.parse(CheckstyleReport.render(ReportFixtures.sample()));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("checkstyle");
        assertThat(root.getAttribute("version")).isEqualTo("4.3");
        List<Element> files = XmlParsing.children(root, "file");
        assertThat(files)
                .extracting(f -> f.getAttribute("name"))
                .containsExactly(ReportFixtures.BASELINE_FILE, ReportFixtures.TOKENS_FILE);
        // the baselined finding at line 160 is left out
        List<Element> errors = XmlParsing.children(files.get(0), "error");
        assertThat(errors).extracting(e -> e.getAttribute("line")).containsExactly("147", "200");
        Element first = errors.get(0);
        assertThat(first.getAttribute("column")).isEqualTo("27");
        assertThat(first.getAttribute("severity")).isEqualTo("error");
        assertThat(first.getAttribute("source")).isEqualTo("refguard.mixed-user-reference");
        assertThat(first.getAttribute("message"))
                .isEqualTo("songs.last_modified_by references auth.users(id); 7 other FKs reference public.users(id)");
        assertThat(errors.get(1).getAttribute("severity")).isEqualTo("warning");
        assertThat(XmlParsing.children(files.get(1), "error").get(0).getAttribute("severity"))
                .isEqualTo("info");
    }

    @Test
    void sortsFindingsWithinAFileWhateverOrderTheyCameIn() throws Exception {
        List<Finding> unsorted = List.of(
                ReportFixtures.finding("unparsed-statement", Severity.WARNING, "b.sql", 9, 1, "late"),
                ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 5, 1, "other file"),
                ReportFixtures.finding("unparsed-statement", Severity.WARNING, "b.sql", 2, 1, "early"));

        Document doc = XmlParsing.parse(CheckstyleReport.render(ReportFixtures.withFindings(unsorted)));

        List<Element> files = XmlParsing.children(doc.getDocumentElement(), "file");
        assertThat(files).extracting(f -> f.getAttribute("name")).containsExactly("a.sql", "b.sql");
        assertThat(XmlParsing.children(files.get(1), "error"))
                .extracting(e -> e.getAttribute("message"))
                .containsExactly("early", "late");
    }

    @Test
    void namesFromTheSqlRoundTripThroughTheXmlParser() throws Exception {
        String message = "\"a\" <b> & 'c' ]]> tab\there";
        Finding finding = new Finding(
                "fk-type-mismatch", Severity.ERROR, new Location("db/a&b <c>.sql", 3, 4), message, "", "", false);

        Document doc = XmlParsing.parse(CheckstyleReport.render(ReportFixtures.withFindings(List.of(finding))));

        Element file = XmlParsing.children(doc.getDocumentElement(), "file").get(0);
        assertThat(file.getAttribute("name")).isEqualTo("db/a&b <c>.sql");
        assertThat(XmlParsing.children(file, "error").get(0).getAttribute("message"))
                .isEqualTo(message);
    }

    @Test
    void charactersXmlCannotCarryAreShownAsEscapesAndTheFileStillParses() throws Exception {
        Finding finding = ReportFixtures.finding(
                "unparsed-statement", Severity.WARNING, "a.sql", 1, 1, "bell\u0007 nul\u0000 lone\ud800 ffff\uffff");

        String xml = CheckstyleReport.render(ReportFixtures.withFindings(List.of(finding)));
        Document doc = XmlParsing.parse(xml);

        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("bell\\u0007 nul\\u0000 lone\\ud800 ffff\\uffff");
    }

    @Test
    void aFindingAboutAWholeFileHasNoLineOrColumn() throws Exception {
        Finding finding = ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 0, 0, "m");

        Document doc = XmlParsing.parse(CheckstyleReport.render(ReportFixtures.withFindings(List.of(finding))));

        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.hasAttribute("line")).isFalse();
        assertThat(error.hasAttribute("column")).isFalse();
    }

    @Test
    void aRunWithoutFindingsIsAnEmptyCheckstyleElement() throws Exception {
        String xml = CheckstyleReport.render(ReportFixtures.nothingFound());

        assertThat(xml)
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n");
        assertThat(XmlParsing.parse(xml).getDocumentElement().getChildNodes().getLength())
                .isEqualTo(1);
    }
}
