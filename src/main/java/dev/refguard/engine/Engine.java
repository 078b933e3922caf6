package dev.refguard.engine;

/** Runs one analysis: sources, split, parse, schema replay, rules, findings. Knows nothing of Maven. */
public final class Engine {
    private Engine() {}

    /**
     * Analyses the project {@code config} describes.
     *
     * @throws dev.refguard.source.SourceException when a configured directory is missing or unreadable
     */
    public static AnalysisResult analyze(RefguardConfig config) {
        throw new UnsupportedOperationException("TODO: engine");
    }
}
