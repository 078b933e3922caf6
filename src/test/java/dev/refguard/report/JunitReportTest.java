package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {

    @Test
    void oneTestCasePerRuleSortedWithFailuresForShownWarningsAndErrors() throws Exception {
        Document doc = XmlParsing.parse(JunitReport.render(ReportFixtures.sample()));

        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("refguard");
        List<Element> cases = XmlParsing.children(suite, "testcase");
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly(
                        "destructive-on-shared",
                        "missing-reference-target",
                        "mixed-user-reference",
                        "unenforced-reference",
                        "unparsed-statement");
        assertThat(cases).allMatch(c -> c.getAttribute("classname").equals("refguard"));
        // mixed-user-reference (the baselined one is not a failure) and unparsed-statement fail
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);

        Element mixed = cases.get(2);
        List<Element> failures = XmlParsing.children(mixed, "failure");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getAttribute("type")).isEqualTo("error");
        assertThat(failures.get(0).getAttribute("message"))
                .isEqualTo(ReportFixtures.BASELINE_FILE
                        + ":147:27 songs.last_modified_by references auth.users(id); 7 other FKs reference"
                        + " public.users(id)");
        assertThat(failures.get(0).getTextContent())
                .isEqualTo("Point it at public.users in a new migration:\n" + ReportFixtures.MIXED_FIX);
        // the baselined finding is still listed, marked, in the output
        assertThat(XmlParsing.children(mixed, "system-out").get(0).getTextContent())
                .contains(":160:5: error[mixed-user-reference] setlists.created_by")
                .contains("(baselined)");
    }

    @Test
    void infoFindingsFailNothingButAreListedInTheOutput() throws Exception {
        Document doc = XmlParsing.parse(JunitReport.render(ReportFixtures.sample()));

        Element unenforced =
                XmlParsing.children(doc.getDocumentElement(), "testcase").get(3);
        assertThat(unenforced.getAttribute("name")).isEqualTo("unenforced-reference");
        assertThat(XmlParsing.children(unenforced, "failure")).isEmpty();
        assertThat(XmlParsing.children(unenforced, "system-out").get(0).getTextContent())
                .contains("info[unenforced-reference] password_reset_tokens.user_id");
    }

    @Test
    void everyFindingOfARuleIsItsOwnFailureAndTheRuleCountsOnce() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int line = 1; line <= 3; line++) {
            findings.add(ReportFixtures.finding("fk-type-mismatch", Severity.ERROR, "a.sql", line, 1, "m" + line));
        }
        findings.add(ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 9, 1, "w"));
        AnalysisResult result = ReportFixtures.withFindings(findings);

        Document doc = XmlParsing.parse(JunitReport.render(result));

        Element suite = doc.getDocumentElement();
        // fk-type-mismatch is not among the fixture's rules, but its findings still get a test case
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        Element mismatch = XmlParsing.children(suite, "testcase").stream()
                .filter(c -> c.getAttribute("name").equals("fk-type-mismatch"))
                .findFirst()
                .orElseThrow();
        assertThat(XmlParsing.children(mismatch, "failure"))
                .extracting(f -> f.getAttribute("message"))
                .containsExactly("a.sql:1:1 m1", "a.sql:2:1 m2", "a.sql:3:1 m3");
    }

    @Test
    void aRunWithNoFindingsPassesEveryRule() throws Exception {
        Document doc = XmlParsing.parse(JunitReport.render(ReportFixtures.withFindings(List.of())));

        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("5");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(doc.getElementsByTagName("system-out").getLength()).isZero();
    }

    @Test
    void hostileNamesRoundTripThroughTheXmlParser() throws Exception {
        AnalysisResult result = ReportFixtures.hostile();

        Document doc = XmlParsing.parse(JunitReport.render(result));

        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        Finding finding = result.findings().get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo(finding.location() + " " + ReportText.oneLine(finding.message()));
        assertThat(failure.getTextContent()).isEqualTo(String.join("\n", ReportText.lines(finding.hint())));
    }
}
