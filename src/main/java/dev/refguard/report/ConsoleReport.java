package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The console report (README, "Reports"): one line a finding in the compiler convention
 * ({@code file:line:col: severity[rule-id] message}) that IDEs and CI log parsers pick up, its hint
 * below it, then one summary line.
 */
public final class ConsoleReport {
    private static final String HINT_PREFIX = "    hint: ";
    private static final String HINT_CONTINUATION = " ".repeat(HINT_PREFIX.length());

    private ConsoleReport() {}

    /**
     * Prints every finding that is not baselined on the channel of its severity (errors to
     * {@code console.error}, warnings to {@code console.warn}, info to {@code console.info}), each
     * followed by its hint on the same channel, then the summary; or, when no migration history was found,
     * a warning naming the places looked in.
     */
    public static void write(AnalysisResult result, ConsoleSink console) {
        for (Finding finding : result.findings()) {
            if (!ReportText.shown(finding)) {
                continue;
            }
            Consumer<String> channel = channel(finding, console);
            channel.accept(findingLine(finding));
            hintLines(finding.hint()).forEach(channel);
        }
        if (result.stats().histories().isEmpty()) {
            console.warn(noMigrationsLine(result));
            return;
        }
        if (result.stats().histories().size() > 1) {
            console.info("refguard: histories: "
                    + ReportText.oneLine(String.join(", ", result.stats().histories())));
        }
        console.info(summaryLine(result));
    }

    /** {@code file:line:col: severity[rule-id] message}, on one line whatever the message holds. */
    public static String findingLine(Finding finding) {
        return ReportText.oneLine(finding.location().toString()) + ": "
                + finding.severity().id() + "[" + finding.ruleId() + "] " + ReportText.oneLine(finding.message());
    }

    /**
     * The hint as console lines: {@code "    hint: "} before the first, the later ones (multi-line SQL)
     * indented to align with it; none for an empty hint.
     */
    public static List<String> hintLines(String hint) {
        List<String> lines = ReportText.lines(hint);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0) {
                lines.set(i, HINT_PREFIX + line);
            } else if (!line.isEmpty()) {
                lines.set(i, HINT_CONTINUATION + line);
            }
        }
        return lines;
    }

    /**
     * {@code refguard: 14 files, 1423 statements, 52 tables, 61 foreign keys; findings: 2 errors, 1 warning,
     * 0 info (3 baselined); statements: 1420 read, 3 unreadable (99.8%); 0.84 s}.
     */
    public static String summaryLine(AnalysisResult result) {
        return "refguard: " + ReportText.sizeText(result.stats()) + "; " + ReportText.findingsText(result) + "; "
                + ReportText.coverageLine(result.stats()) + "; "
                + String.format(Locale.ROOT, "%.2f s", result.elapsedMillis() / 1000.0);
    }

    /** {@code refguard: no migration files found; looked in: a, b}. */
    public static String noMigrationsLine(AnalysisResult result) {
        return "refguard: " + ReportText.oneLine(ReportText.noMigrationsText(result));
    }

    private static Consumer<String> channel(Finding finding, ConsoleSink console) {
        return switch (finding.severity()) {
            case ERROR -> console::error;
            case WARNING -> console::warn;
            case INFO, OFF -> console::info;
        };
    }
}
