package dev.refguard.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report formats (README, "Reports") that this version writes, in the order they are written. Each file format
 * has one class that renders it ({@code SarifReport}, {@code GitlabReport}, ...) and one file name.
 */
public enum ReportFormat {
    /** Lines on the console: {@link ConsoleReport}. */
    CONSOLE(null),
    /** {@code refguard.sarif}: {@link SarifReport}. */
    SARIF(SarifReport.FILE_NAME),
    /** {@code refguard.json}: {@link JsonReport}. */
    JSON(JsonReport.FILE_NAME),
    /** Workflow annotations and the step summary: {@link GithubReport}. */
    GITHUB(null),
    /** {@code gl-code-quality-report.json}: {@link GitlabReport}. */
    GITLAB(GitlabReport.FILE_NAME),
    /** {@code refguard-checkstyle.xml}: {@link CheckstyleReport}. */
    CHECKSTYLE(CheckstyleReport.FILE_NAME),
    /** {@code refguard-junit.xml}: {@link JunitReport}. */
    JUNIT(JunitReport.FILE_NAME),
    /** {@code refguard.md}: {@link MarkdownReport}. */
    MARKDOWN(MarkdownReport.FILE_NAME),
    /** {@code schema.mmd}: {@link MermaidReport}. */
    MERMAID(MermaidReport.FILE_NAME),
    /** {@code schema.dot}: {@link DotReport}. */
    DOT(DotReport.FILE_NAME),
    /** {@code index.html}: {@link HtmlReport}. */
    HTML(HtmlReport.FILE_NAME);

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file it writes into the output directory, or {@code null} for a format that writes no file. */
    public String fileName() {
        return fileName;
    }

    /** The lower-case id used in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a format id (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static ReportFormat parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id().equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "'; valid: "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")));
    }
}
