package dev.refguard.bench;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm analysis time of the generated histories ({@link Corpus}, fixed seed): one whole analysis per
 * operation, discovery to findings. {@code scripts/bench.sh} turns the time into MB/s and statements/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class AnalysisBenchmark {
    @Param({"supabase", "prisma", "data"})
    public String corpus;

    private Path root;
    private RefguardConfig config;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        String given = System.getProperty("refguard.bench.corpus");
        if (given != null) {
            root = Path.of(given, corpus);
        } else {
            root = Files.createTempDirectory("refguard-bench-");
            Corpus.write(Corpus.Kind.valueOf(corpus.toUpperCase(Locale.ROOT)), root, Corpus.SEED);
        }
        config = RefguardConfig.defaults(root);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        if (System.getProperty("refguard.bench.corpus") != null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public AnalysisResult analyze() {
        return Engine.analyze(config);
    }
}
