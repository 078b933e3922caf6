package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code refguard.md}: a summary to post as a pull-request or merge-request comment (with {@code gh pr
 * comment --body-file}, a GitLab note, or any bot): a headline with the counts, the table of findings by
 * rule and severity, then the findings grouped by file, each with its location, message and hint.
 *
 * <pre>{@code
 * ## refguard: 1 error, 0 warnings, 0 info
 *
 * 14 files, 1423 statements, 52 tables, 61 foreign keys; statements: 1420 read, 3 unreadable (99.8%)
 *
 * | rule | severity | findings | baselined |
 * ...
 *
 * ### supabase/migrations/20251106000000\_baseline\_schema.sql
 *
 * - **error** [mixed-user-reference] supabase/migrations/...sql:147: songs.last\_modified\_by references ...
 *
 *   Point it at public.users in a new migration:
 *
 *   ```sql
 *   ALTER TABLE songs ...
 *   ```
 * }</pre>
 *
 * <p>Everything from the SQL or the file system is escaped as in the GitHub step summary (one shared
 * {@link MarkdownText}), the words of a hint too; only a finding's SQL fix goes into a fenced {@code sql} block,
 * where nothing is markup.
 * GitHub refuses comments over 65,536 characters, so past {@link #MAX_FINDINGS_CHARS} characters of
 * findings the rest are only counted.
 */
public final class MarkdownReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "refguard.md";

    /** The most characters of listed findings; the rest of the comment stays well under GitHub's 65,536. */
    static final int MAX_FINDINGS_CHARS = 50_000;

    private MarkdownReport() {}

    /** The whole file as text, ending with a newline. */
    public static String render(AnalysisResult result) {
        if (result.stats().histories().isEmpty()) {
            return "## refguard\n\n" + MarkdownText.escape(ReportText.noMigrationsText(result)) + "\n";
        }
        StringBuilder md = new StringBuilder("## refguard: ");
        md.append(MarkdownText.escape(ReportText.findingCounts(result))).append("\n\n");
        md.append(MarkdownText.escape(
                        ReportText.sizeText(result.stats()) + "; " + ReportText.coverageLine(result.stats())))
                .append("\n\n");
        md.append(MarkdownText.ruleTable(result));

        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (ReportText.shown(finding)) {
                byFile.computeIfAbsent(finding.location().file(), f -> new ArrayList<>())
                        .add(finding);
            }
        }
        int total = byFile.values().stream().mapToInt(List::size).sum();
        int listed = 0;
        StringBuilder findings = new StringBuilder();
        files:
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            String heading = "### " + MarkdownText.escape(e.getKey()) + "\n\n";
            boolean headed = false;
            for (Finding finding : e.getValue().stream().sorted(Finding.ORDER).toList()) {
                String item = item(finding);
                if (findings.length() + item.length() + (headed ? 0 : heading.length()) > MAX_FINDINGS_CHARS) {
                    break files;
                }
                if (!headed) {
                    findings.append(heading);
                    headed = true;
                }
                findings.append(item);
                listed++;
            }
        }
        md.append(findings);
        if (listed < total) {
            md.append("… and ")
                    .append(total - listed)
                    .append(" more ")
                    .append(total - listed == 1 ? "finding" : "findings")
                    .append(" (see refguard.sarif)\n\n");
        }
        // no blank line at the very end of the file
        int end = md.length();
        while (end > 1 && md.charAt(end - 1) == '\n' && md.charAt(end - 2) == '\n') {
            end--;
        }
        md.setLength(end);
        return md.toString();
    }

    private static void proseLines(StringBuilder md, String text) {
        List<String> prose = ReportText.lines(text);
        if (!prose.isEmpty()) {
            for (String line : prose) {
                md.append(line.isBlank() ? "" : "  " + MarkdownText.escape(line))
                        .append('\n');
            }
            md.append('\n');
        }
    }

    private static String item(Finding finding) {
        StringBuilder md =
                new StringBuilder("- **").append(finding.severity().id()).append("** [");
        md.append(MarkdownText.escape(finding.ruleId())).append("] ");
        String where = finding.location().line() >= 1
                ? finding.location().file() + ":" + finding.location().line()
                : finding.location().file();
        md.append(MarkdownText.escape(where)).append(": ");
        md.append(MarkdownText.escape(finding.message())).append("\n\n");
        // the words of the hint are text, escaped like the message; only the exact SQL of the fix is code; the
        // order is the hint's (the words that lead to the SQL, the SQL, the words after it)
        proseLines(md, finding.hintBeforeFix());
        List<String> fix = ReportText.lines(finding.fix());
        if (!fix.isEmpty()) {
            md.append(MarkdownText.fence(fix, "sql", "  ")).append('\n');
        }
        proseLines(md, finding.hintAfterFix());
        return md.toString();
    }
}
