package dev.refguard.maven;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFormat;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one line a failing build ends with (README, "Reports"): how many findings, by rule, and where the full report is, e.g.
 * {@code refguard: 3 findings at or above error (2 mixed-user-reference, 1 fk-type-mismatch); see
 * target/refguard/refguard.sarif}.
 */
public final class FailureMessage {
    /** The SARIF report's file name (README, "Reports"). */
    public static final String SARIF_FILE = "refguard.sarif";

    /** The JSON report's file name (README, "Reports"). */
    public static final String JSON_FILE = "refguard.json";

    private FailureMessage() {}

    /**
     * The message for {@code failing}, which must not be empty.
     *
     * @param threshold the {@code failOn} severity
     * @param formats the reports written; the SARIF file is named when written, else the JSON file, else the log
     * @param outputDirectory where the report files are
     * @param baseDir the project's base directory; the report path is shown relative to it when inside it
     */
    public static String of(
            List<Finding> failing, Severity threshold, Set<ReportFormat> formats, Path outputDirectory, Path baseDir) {
        Map<String, Long> byRule =
                new TreeMap<>(failing.stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting())));
        String rules = byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        int count = failing.size();
        return "refguard: " + count + (count == 1 ? " finding" : " findings") + " at or above " + threshold.id() + " ("
                + rules + "); " + where(formats, outputDirectory, baseDir);
    }

    private static String where(Set<ReportFormat> formats, Path outputDirectory, Path baseDir) {
        if (formats.contains(ReportFormat.SARIF)) {
            return "see " + display(outputDirectory.resolve(SARIF_FILE), baseDir);
        }
        if (formats.contains(ReportFormat.JSON)) {
            return "see " + display(outputDirectory.resolve(JSON_FILE), baseDir);
        }
        return "see the findings listed above";
    }

    /** {@code file} relative to {@code baseDir} with {@code /} separators when inside it, else absolute. */
    static String display(Path file, Path baseDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
