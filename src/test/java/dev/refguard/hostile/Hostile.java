package dev.refguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Helpers of the hostile-input tests: projects with one plain migration folder {@code db}, analyses,
 * generated "normal" SQL of a given size, and time bounds as ratios to a baseline measured in the same
 * test (machines are shared and noisy, so never an absolute bound).
 */
final class Hostile {
    /** The migration folder of every generated project. */
    static final String DIR = "db";

    private Hostile() {}

    /** The default configuration with {@code db} as the one migration directory. */
    static RefguardConfig config(Path base) {
        RefguardConfig d = RefguardConfig.defaults(base);
        return new RefguardConfig(
                d.baseDir(),
                List.of(DIR),
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
    }

    static AnalysisResult analyze(Path base) {
        return Engine.analyze(config(base));
    }

    static Path write(Path base, String name, String content) {
        return write(base, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path base, String name, byte[] content) {
        try {
            Path file = base.resolve(DIR).resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code db/<name>} as findings name it. */
    static String file(String name) {
        return DIR + "/" + name;
    }

    /**
     * A normal migration of about {@code bytes} bytes (never less): a chain of 50 tables, each with an
     * FK to the one before, then single-row INSERTs as seed data fills them.
     */
    static String normalSql(int bytes) {
        StringBuilder sql = new StringBuilder(bytes + 256);
        sql.append("CREATE TABLE n0 (id bigint PRIMARY KEY, name text);\n");
        for (int i = 1; i < 50 && sql.length() < bytes; i++) {
            sql.append("CREATE TABLE n")
                    .append(i)
                    .append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES n")
                    .append(i - 1)
                    .append("(id), name text NOT NULL, created_at timestamptz DEFAULT now());\n");
        }
        for (int row = 0; sql.length() < bytes; row++) {
            sql.append("INSERT INTO n")
                    .append(row % 50)
                    .append(" (id, name) VALUES (")
                    .append(row)
                    .append(", 'row ")
                    .append(row)
                    .append(" of the seed data, with some text to make it longer');\n");
        }
        return sql.toString();
    }

    /** Normal SQL of exactly {@code bytes} bytes (padded with a comment). */
    static String normalSqlExactly(int bytes) {
        String sql = normalSql(Math.max(0, bytes - 200));
        StringBuilder padded = new StringBuilder(sql);
        if (padded.length() < bytes) {
            padded.append("--");
            while (padded.length() < bytes - 1) {
                padded.append('x');
            }
            padded.append('\n');
        }
        return padded.substring(0, Math.min(padded.length(), Math.max(bytes, sql.length())));
    }

    /** A value and how long it took. */
    record Timed<T>(T value, long nanos) {
        double millis() {
            return nanos / 1e6;
        }
    }

    static <T> Timed<T> time(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, System.nanoTime() - start);
    }

    /**
     * Asserts {@code hostile <= factor * normal + constantMillis} and prints both figures, so a slow case
     * shows by how much even when it passes.
     */
    static void assertTimeRatio(String label, Timed<?> hostile, Timed<?> normal, double factor, long constantMillis) {
        double ratio = hostile.millis() / Math.max(1e-3, normal.millis());
        System.out.printf(
                "[hostile] %s: %.1f ms, normal input of the same size %.1f ms, ratio %.2f%n",
                label, hostile.millis(), normal.millis(), ratio);
        assertThat(hostile.millis())
                .as("%s: %.1f ms against %.1f ms for normal input", label, hostile.millis(), normal.millis())
                .isLessThanOrEqualTo(factor * normal.millis() + constantMillis);
    }

    /** The analysis of a separate project holding one normal file of {@code bytes} bytes, timed. */
    static Timed<AnalysisResult> normalBaseline(Path scratch, int bytes) {
        Path base = scratch.resolve("normal-" + bytes + "-" + System.nanoTime());
        write(base, "V1__normal.sql", normalSqlExactly(bytes));
        return time(() -> analyze(base));
    }

    static boolean hasFk(AnalysisResult result, String fromTable, String toTable) {
        return result.graph().foreignKeys().stream()
                .anyMatch(fk ->
                        fk.from().table().equals(fromTable) && fk.to().table().equals(toTable));
    }

    static List<String> tableNames(AnalysisResult result) {
        return result.graph().tables().stream().map(SchemaGraph.Table::name).toList();
    }

    static List<Finding> findings(AnalysisResult result, String rule) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** Every finding on one line each, for assertion messages. */
    static String describe(AnalysisResult result) {
        StringBuilder out = new StringBuilder();
        for (Finding f : result.findings()) {
            out.append(f.location().file())
                    .append(':')
                    .append(f.location().line())
                    .append(':')
                    .append(f.location().column())
                    .append(' ')
                    .append(f.ruleId())
                    .append(' ')
                    .append(f.message())
                    .append('\n');
        }
        return out.append(result.stats()).toString();
    }
}
