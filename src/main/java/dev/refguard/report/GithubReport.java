package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;

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
            md.append(MarkdownText.escape(ReportText.noMigrationsText(result))).append("\n");
            return md.toString();
        }
        md.append(MarkdownText.escape(ReportText.sizeText(result.stats()) + "; " + ReportText.findingsText(result)))
                .append("\n\n");

        md.append(MarkdownText.ruleTable(result));

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
                        .append(MarkdownText.escape(f.location().toString()))
                        .append(" [")
                        .append(MarkdownText.escape(f.ruleId()))
                        .append("] ")
                        .append(MarkdownText.escape(f.message()))
                        .append("\n");
            }
        }
        if (shown > listed) {
            md.append("- … and ").append(shown - listed).append(" more (see refguard.sarif)\n");
        }
        if (shown > 0) {
            md.append("\n");
        }
        md.append(MarkdownText.escape(ReportText.coverageLine(result.stats()))).append("\n");
        return md.toString();
    }
}
