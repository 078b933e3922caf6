package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wording shared by the console, the GitHub step summary and the files: counts, coverage, safe text. */
final class ReportText {
    private static final BigDecimal HUNDRED = new BigDecimal("100.0");
    private static final BigDecimal ALMOST_HUNDRED = new BigDecimal("99.9");

    private ReportText() {}

    /**
     * The share of statements read, in percent with one decimal, rounded half up; but "100.0%" must mean
     * that nothing was left unread, so 1 unreadable statement in 100,000 shows as 99.9%.
     */
    static BigDecimal coverage(AnalysisStats stats) {
        if (stats.statements() <= 0) {
            return HUNDRED;
        }
        BigDecimal percent = BigDecimal.valueOf(100L * ((long) stats.statements() - stats.unreadable()))
                .divide(BigDecimal.valueOf(stats.statements()), 1, RoundingMode.HALF_UP);
        return stats.unreadable() > 0 && percent.compareTo(HUNDRED) >= 0 ? ALMOST_HUNDRED : percent;
    }

    /** {@code statements: 1420 read, 3 unreadable (99.8%)}. */
    static String coverageLine(AnalysisStats stats) {
        return "statements: " + (stats.statements() - stats.unreadable()) + " read, " + stats.unreadable()
                + " unreadable (" + coverage(stats).toPlainString() + "%)";
    }

    /**
     * {@code 14 files, 1423 statements, 52 tables, 64 foreign keys (3 rejected)}: every foreign key declared, those
     * PostgreSQL would reject (a missing target, a type mismatch) included and counted apart.
     */
    static String sizeText(AnalysisStats stats) {
        String text = count(stats.files(), "file", "files") + ", "
                + count(stats.statements(), "statement", "statements") + ", " + count(stats.tables(), "table", "tables")
                + ", " + count(stats.declaredForeignKeys(), "foreign key", "foreign keys");
        return stats.rejectedForeignKeys() == 0 ? text : text + " (" + stats.rejectedForeignKeys() + " rejected)";
    }

    /** {@code findings: 2 errors, 1 warning, 0 info (3 baselined)}; the baselined part only when there are some. */
    static String findingsText(AnalysisResult result) {
        return "findings: " + findingCounts(result);
    }

    /** {@code 2 errors, 1 warning, 0 info (3 baselined)}: the findings shown by severity, then the baselined ones. */
    static String findingCounts(AnalysisResult result) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int baselined = 0;
        int preexisting = 0;
        for (Finding f : result.findings()) {
            if (f.severity() == Severity.OFF) {
                continue;
            }
            if (f.baselined()) {
                baselined++;
                continue;
            }
            if (f.preexisting()) {
                preexisting++;
                continue;
            }
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
                case OFF -> {}
            }
        }
        String text = count(errors, "error", "errors") + ", " + count(warnings, "warning", "warnings") + ", " + infos
                + " info";
        if (result.sinceRef() != null) {
            text += " new since " + oneLine(result.sinceRef());
        }
        List<String> accepted = new ArrayList<>();
        if (preexisting > 0 || result.sinceRef() != null) {
            accepted.add(preexisting + " pre-existing");
        }
        if (baselined > 0) {
            accepted.add(baselined + " baselined");
        }
        return accepted.isEmpty() ? text : text + " (" + String.join(", ", accepted) + ")";
    }

    /** {@code no migration files found; looked in: a, b}. */
    static String noMigrationsText(AnalysisResult result) {
        return result.lookedIn().isEmpty()
                ? "no migration files found"
                : "no migration files found; looked in: " + String.join(", ", result.lookedIn());
    }

    /**
     * Whether a finding is shown on its own: baselined, pre-existing ({@code sinceRef}) and switched-off ones are only
     * counted.
     */
    static boolean shown(Finding finding) {
        return !finding.accepted() && finding.severity() != Severity.OFF;
    }

    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * Text made safe for one line of a log: line breaks become spaces, and control and bidirectional
     * override characters, which a quoted SQL identifier may contain, are shown as {@code \}{@code uXXXX}
     * escapes so they cannot rewrite the terminal or reorder what is shown.
     */
    static String oneLine(String text) {
        return visible(text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
    }

    /** The lines of a possibly multi-line text, each made visible as in {@link #oneLine}; trailing blank lines dropped. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(visible(line).stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = (Character.isISOControl(c) && c != '\t')
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (hidden) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
