package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code refguard-junit.xml}: the findings as a JUnit XML test report, for CI systems that show test results
 * but no code-quality report (GitLab's test report, Jenkins' JUnit plugin, Azure Pipelines).
 *
 * <pre>{@code
 * <testsuite name="refguard" tests="5" failures="1" errors="0" skipped="0">
 *   <testcase classname="refguard" name="fk-type-mismatch"/>
 *   <testcase classname="refguard" name="mixed-user-reference">
 *     <failure type="error" message="db/V1__init.sql:147:27 songs.last_modified_by references ...">hint</failure>
 *     <system-out>every finding of the rule, baselined and info ones too, as the console shows them</system-out>
 *   </testcase>
 * </testsuite>
 * }</pre>
 *
 * <p>One test case per rule (sorted by id), so a rule that found nothing shows as a passed test. Each
 * finding of severity warning or error that is not baselined is a {@code <failure>} of its rule's test
 * case: its {@code message} is {@code file:line:col message}, its text the hint, its {@code type} the
 * severity. Info findings and baselined findings fail nothing; they are listed, with all the others, in
 * the test case's {@code <system-out>}, which also serves readers that show only a test case's first
 * failure. {@code tests} counts test cases (rules) and {@code failures} the test cases that failed, so
 * {@code tests - failures} is the number of rules that passed, as tools compute it.
 */
public final class JunitReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "refguard-junit.xml";

    /** The test suite's name and every test case's class name. */
    static final String SUITE = "refguard";

    private JunitReport() {}

    /** The whole file as text, ending with a newline. */
    public static String render(AnalysisResult result) {
        Map<String, List<Finding>> byRule = new TreeMap<>();
        for (RuleInfo rule : result.rules()) {
            byRule.putIfAbsent(rule.id(), new ArrayList<>());
        }
        for (Finding finding : result.findings()) {
            if (finding.severity() != Severity.OFF) {
                byRule.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>())
                        .add(finding);
            }
        }
        int failed = 0;
        StringBuilder cases = new StringBuilder();
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            List<Finding> findings = e.getValue().stream().sorted(Finding.ORDER).toList();
            if (findings.stream().anyMatch(JunitReport::fails)) {
                failed++;
            }
            testCase(cases, e.getKey(), findings);
        }
        return XmlText.DECLARATION
                + "<testsuite name=\"" + SUITE + "\" tests=\"" + byRule.size() + "\" failures=\"" + failed
                + "\" errors=\"0\" skipped=\"0\">\n" + cases + "</testsuite>\n";
    }

    /** Whether a finding is a failure: a warning or an error that the baseline does not record. */
    static boolean fails(Finding finding) {
        return !finding.accepted() && finding.severity().atLeast(Severity.WARNING);
    }

    private static void testCase(StringBuilder xml, String ruleId, List<Finding> findings) {
        xml.append("  <testcase classname=\"")
                .append(SUITE)
                .append("\" name=\"")
                .append(XmlText.attribute(ruleId))
                .append('"');
        if (findings.isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        for (Finding finding : findings) {
            if (!fails(finding)) {
                continue;
            }
            xml.append("    <failure type=\"")
                    .append(finding.severity().id())
                    .append("\" message=\"")
                    .append(XmlText.attribute(finding.location() + " " + finding.message()))
                    .append('"');
            String hint = XmlText.text(finding.hint());
            xml.append(hint.isEmpty() ? "/>\n" : ">" + hint + "</failure>\n");
        }
        List<String> out = new ArrayList<>();
        for (Finding finding : findings) {
            out.add(ConsoleReport.findingLine(finding)
                    + (finding.baselined() ? " (baselined)" : finding.preexisting() ? " (pre-existing)" : ""));
            out.addAll(ConsoleReport.hintLines(finding.hint()));
        }
        xml.append("    <system-out>")
                .append(XmlText.text(String.join("\n", out)))
                .append("</system-out>\n");
        xml.append("  </testcase>\n");
    }
}
