package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Markdown shared by the GitHub step summary and {@code refguard.md}: literal text, fenced code and the
 * table of findings by rule and severity. Names in the SQL are the user's, and a pull-request comment is
 * rendered for everyone who opens the pull request, so nothing from the SQL may become markup.
 */
final class MarkdownText {
    private MarkdownText() {}

    /**
     * Makes text literal in GitHub Markdown, on one line: backslash-escapes the characters that start
     * formatting, links or table cells, writes {@code <}, {@code >} and {@code &} as entities so no HTML
     * gets through, and turns line breaks into spaces.
     */
    static String escape(String text) {
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

    /**
     * A fenced code block, each line prefixed with {@code indent} (to sit inside a list item). The fence is
     * one backtick longer than the longest run of backticks in the code, so no line of the code can close it
     * (CommonMark); inside it nothing is markup, so the code needs no other escaping.
     */
    static String fence(List<String> lines, String info, String indent) {
        int longest = 0;
        for (String line : lines) {
            int run = 0;
            for (int i = 0; i < line.length(); i++) {
                run = line.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder out = new StringBuilder();
        out.append(indent).append(fence).append(info).append('\n');
        for (String line : lines) {
            out.append(line.isEmpty() ? "" : indent).append(line).append('\n');
        }
        return out.append(indent).append(fence).append('\n').toString();
    }

    /**
     * {@code | rule | severity | findings | baselined |}, one row a rule and severity (by rule id, the most
     * serious first), followed by a blank line; nothing when there are no findings.
     */
    static String ruleTable(AnalysisResult result) {
        Map<RuleSeverity, int[]> counts = new TreeMap<>(RuleSeverity.ORDER);
        for (Finding f : result.findings()) {
            if (f.severity() != Severity.OFF) {
                int[] n = counts.computeIfAbsent(new RuleSeverity(f.ruleId(), f.severity()), k -> new int[2]);
                n[f.accepted() ? 1 : 0]++;
            }
        }
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        // with sinceRef, findings of files the change did not touch are counted beside the baselined ones
        md.append(
                result.sinceRef() == null
                        ? "| rule | severity | findings | baselined |\n"
                        : "| rule | severity | new findings | pre-existing or baselined |\n");
        md.append("| --- | --- | ---: | ---: |\n");
        counts.forEach((key, n) -> md.append("| ")
                .append(escape(key.ruleId()))
                .append(" | ")
                .append(key.severity().id())
                .append(" | ")
                .append(n[0])
                .append(" | ")
                .append(n[1])
                .append(" |\n"));
        return md.append("\n").toString();
    }

    /** A row of the table: by rule id, then the most serious severity first. */
    private record RuleSeverity(String ruleId, Severity severity) {
        static final Comparator<RuleSeverity> ORDER = Comparator.comparing(RuleSeverity::ruleId)
                .thenComparing(RuleSeverity::severity, Comparator.reverseOrder());
    }
}
