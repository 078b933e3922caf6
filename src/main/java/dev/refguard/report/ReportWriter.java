package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Writes the chosen reports of one analysis. */
public final class ReportWriter {
    private ReportWriter() {}

    /**
     * Writes every format in {@code formats}: console lines to {@code console}, files into {@code outputDirectory}.
     *
     * @param environment the process environment ({@code GITHUB_ACTIONS}, {@code GITHUB_STEP_SUMMARY})
     * @throws IOException when the output directory cannot be written (the message names the path)
     */
    public static void write(
            AnalysisResult result,
            Set<ReportFormat> formats,
            Path outputDirectory,
            ConsoleSink console,
            Map<String, String> environment)
            throws IOException {
        throw new UnsupportedOperationException("TODO: reports");
    }
}
