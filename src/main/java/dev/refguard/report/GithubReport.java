package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code github} format: workflow-command annotations on standard output, which GitHub Actions shows
 * on the lines of the pull request's diff, and a Markdown summary for the job's summary page.
 */
public final class GithubReport {
    /** Past this many findings the step summary lists no more (GitHub caps a step summary at 1 MiB). */
    static final int MAX_LISTED = 200;

    private GithubReport() {}

    /**
     * Prints one annotation a finding that is not baselined to {@link ConsoleSink#command} (standard
     * output, where the runner reads workflow commands at the start of a line): {@code ::error file=F,line=L,col=C,title=refguard
     * <rule-id>::<message>}, {@code ::warning} for warnings and {@code ::notice} for info.
     */
    public static void annotate(AnalysisResult result, ConsoleSink console) {
        for (Finding finding : result.findings()) {
            if (ReportText.shown(finding)) {
                console.command(annotation(finding));
            }
        }
    }

    /** The workflow command of one finding. */
    public static String annotation(Finding finding) {
        String command = switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, OFF -> "notice";
        };
        StringBuilder line = new StringBuilder("::").append(command).append(" file=");
        line.append(escapeProperty(finding.location().file()));
        if (finding.location().line() >= 1) {
            line.append(",line=").append(finding.location().line());
            if (finding.location().column() >= 1) {
                line.append(",col=").append(finding.location().column());
            }
        }
        line.append(",title=").append(escapeProperty("refguard " + finding.ruleId()));
        return line.append("::").append(escapeData(finding.message())).toString();
    }

    /** Escapes a workflow command's message, as the runner's {@code escapeData} does. */
    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value: as {@link #escapeData}, and {@code :} and {@code ,} too. */
    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * The Markdown appended to {@code $GITHUB_STEP_SUMMARY}: the counts, a table of findings by rule and
     * severity, the findings themselves (baselined ones only counted), and the coverage line. Every name
     * that comes from the SQL or the file system is escaped, so a table called {@code a|b} or
     * {@code <script>} cannot break the table or inject HTML.
     */
    public static String stepSummary(AnalysisResult result) {
        StringBuilder md = new StringBuilder("## refguard\n\n");
        if (result.stats().histories().isEmpty()) {
            md.append(escapeMarkdown(ReportText.noMigrationsText(result))).append("\n");
            return md.toString();
        }
        md.append(escapeMarkdown(ReportText.sizeText(result.stats()) + "; " + ReportText.findingsText(result)))
                .append("\n\n");

        Map<RuleSeverity, int[]> counts = new TreeMap<>(RuleSeverity.ORDER);
        for (Finding f : result.findings()) {
            if (f.severity() != Severity.OFF) {
                int[] n = counts.computeIfAbsent(new RuleSeverity(f.ruleId(), f.severity()), k -> new int[2]);
                n[f.baselined() ? 1 : 0]++;
            }
        }
        if (!counts.isEmpty()) {
            md.append("| rule | severity | findings | baselined |\n");
            md.append("| --- | --- | ---: | ---: |\n");
            counts.forEach((key, n) -> md.append("| ")
                    .append(escapeMarkdown(key.ruleId()))
                    .append(" | ")
                    .append(key.severity().id())
                    .append(" | ")
                    .append(n[0])
                    .append(" | ")
                    .append(n[1])
                    .append(" |\n"));
            md.append("\n");
        }

        int listed = 0;
        int shown = 0;
        for (Finding f : result.findings()) {
            if (!ReportText.shown(f)) {
                continue;
            }
            shown++;
            if (listed < MAX_LISTED) {
                listed++;
                md.append("- **")
                        .append(f.severity().id())
                        .append("** ")
                        .append(escapeMarkdown(f.location().toString()))
                        .append(" [")
                        .append(escapeMarkdown(f.ruleId()))
                        .append("] ")
                        .append(escapeMarkdown(f.message()))
                        .append("\n");
            }
        }
        if (shown > listed) {
            md.append("- … and ").append(shown - listed).append(" more (see refguard.sarif)\n");
        }
        if (shown > 0) {
            md.append("\n");
        }
        md.append(escapeMarkdown(ReportText.coverageLine(result.stats()))).append("\n");
        return md.toString();
    }

    /**
     * Makes text literal in GitHub Markdown, on one line: backslash-escapes the characters that start
     * formatting, links or table cells, writes {@code <}, {@code >} and {@code &} as entities so no HTML
     * gets through, and turns line breaks into spaces.
     */
    public static String escapeMarkdown(String text) {
        String line = ReportText.oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A row of the summary table: by rule id, then the most serious severity first. */
    private record RuleSeverity(String ruleId, Severity severity) {
        static final Comparator<RuleSeverity> ORDER = Comparator.comparing(RuleSeverity::ruleId)
                .thenComparing(RuleSeverity::severity, Comparator.reverseOrder());
    }
}
