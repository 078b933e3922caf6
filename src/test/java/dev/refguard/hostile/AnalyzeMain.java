package dev.refguard.hostile;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.report.ConsoleSink;
import dev.refguard.report.ReportFormat;
import dev.refguard.report.ReportWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The engine in a child JVM, for the tests that need one (a small heap, another user). Arguments: the
 * base directory, the migration directories (comma-separated, or {@code -} for auto-discovery), and
 * optionally an output directory for {@code refguard.json} and {@code refguard.sarif}. Prints the
 * findings and counts as {@code key=value} lines the parent test reads.
 */
public final class AnalyzeMain {
    private AnalyzeMain() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        List<String> directories = "-".equals(args[1]) ? List.of() : Arrays.asList(args[1].split(","));
        RefguardConfig d = RefguardConfig.defaults(base);
        RefguardConfig config = new RefguardConfig(
                d.baseDir(),
                directories,
                d.seedPatterns(),
                d.identityTables(),
                d.canonicalIdentityTable(),
                d.sharedTables(),
                d.managedSchemas(),
                d.externalTables(),
                d.severities(),
                d.encoding(),
                d.skipModuleDirectories(),
                d.statementTimeout());
        long start = System.nanoTime();
        AnalysisResult result = Engine.analyze(config);
        long elapsed = System.nanoTime() - start;
        if (args.length > 2) {
            ReportWriter.write(
                    result, EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF), Path.of(args[2]), silent(), Map.of());
        }
        for (Finding f : result.findings()) {
            System.out.println("finding=" + f.ruleId() + " " + f.location().file() + ":"
                    + f.location().line() + ":" + f.location().column() + " " + f.message());
        }
        AnalysisStats s = result.stats();
        System.out.println("findings=" + result.findings().size());
        System.out.println("files=" + s.files());
        System.out.println("statements=" + s.statements());
        System.out.println("parsed=" + s.parsed());
        System.out.println("fallback=" + s.fallback());
        System.out.println("skipped=" + s.skipped());
        System.out.println("unreadable=" + s.unreadable());
        System.out.println("tables=" + s.tables());
        System.out.println("foreignKeys=" + s.foreignKeys());
        System.out.println("elapsedMillis=" + elapsed / 1_000_000);
        System.out.println("maxHeapBytes=" + Runtime.getRuntime().maxMemory());
    }

    private static ConsoleSink silent() {
        return new ConsoleSink() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}

            @Override
            public void error(String line) {}
        };
    }
}
