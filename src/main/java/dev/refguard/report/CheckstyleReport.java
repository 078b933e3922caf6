package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code refguard-checkstyle.xml}: checkstyle's XML result format, which Jenkins' warnings-ng, SonarQube and
 * many other tools read. One {@code <file>} per migration file with findings (sorted by path), one
 * {@code <error>} per finding that is shown, in report order:
 *
 * <pre>{@code
 * <checkstyle version="4.3">
 *   <file name="supabase/migrations/20251106000000_baseline_schema.sql">
 *     <error line="147" column="27" severity="error" message="..." source="refguard.mixed-user-reference"/>
 *   </file>
 * </checkstyle>
 * }</pre>
 *
 * <p>{@code version} is the version of the format (the one other tools write), not of refguard. A finding
 * about a whole file has no {@code line}; one without a column has no {@code column}. Baselined and
 * switched-off findings are left out, as in the console.
 */
public final class CheckstyleReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "refguard-checkstyle.xml";

    /** The checkstyle result format version written in the root element. */
    static final String FORMAT_VERSION = "4.3";

    /** Prefixed to the rule id in {@code source}, which tools show as the checker's name. */
    static final String SOURCE_PREFIX = "refguard.";

    private CheckstyleReport() {}

    /** The whole file as text, ending with a newline. */
    public static String render(AnalysisResult result) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (ReportText.shown(finding)) {
                byFile.computeIfAbsent(finding.location().file(), f -> new ArrayList<>())
                        .add(finding);
            }
        }
        StringBuilder xml = new StringBuilder(XmlText.DECLARATION);
        xml.append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
        byFile.forEach((file, findings) -> {
            xml.append("  <file name=\"").append(XmlText.attribute(file)).append("\">\n");
            findings.stream().sorted(Finding.ORDER).forEach(f -> error(xml, f));
            xml.append("  </file>\n");
        });
        return xml.append("</checkstyle>\n").toString();
    }

    /** Checkstyle's severity of a refguard severity: {@code error}, {@code warning} or {@code info}. */
    public static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, OFF -> "info";
        };
    }

    private static void error(StringBuilder xml, Finding finding) {
        xml.append("    <error");
        if (finding.location().line() >= 1) {
            xml.append(" line=\"").append(finding.location().line()).append('"');
            if (finding.location().column() >= 1) {
                xml.append(" column=\"").append(finding.location().column()).append('"');
            }
        }
        xml.append(" severity=\"").append(severity(finding.severity())).append('"');
        xml.append(" message=\"").append(XmlText.attribute(finding.message())).append('"');
        xml.append(" source=\"")
                .append(XmlText.attribute(SOURCE_PREFIX + finding.ruleId()))
                .append("\"/>\n");
    }
}
