package dev.refguard.bench;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.parse.MigrationParser;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.SourceDiscovery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures JMH does not give (README, "Performance"), printed as {@code key=value} lines for
 * {@code scripts/bench.sh}:
 *
 * <ul>
 *   <li>{@code cold <base>}: one analysis in this fresh JVM, as the Maven plugin's first run does;
 *   <li>{@code files <base>}: after a warm-up, each file's parse alone (the best of several runs): ms
 *       per file and the slowest file;
 *   <li>{@code warm <base>}: after 5 analyses, the median wall time and process CPU time of 7 more (CPU
 *       time is steadier than wall time on a loaded machine);
 *   <li>{@code loop <base> <n>}: {@code n} analyses one after the other (for a profiler: JFR);
 *   <li>{@code threads <base>}: after a warm-up, parsing every file with one worker thread and with
 *       two, the speed-up of parallel parsing.
 * </ul>
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[1]);
        switch (args[0]) {
            case "cold" -> cold(base);
            case "files" -> files(base);
            case "threads" -> threads(base);
            case "loop" -> loop(base, Integer.parseInt(args[2]));
            case "warm" -> warm(base);
            default -> throw new IllegalArgumentException("cold|files|threads <base>: " + args[0]);
        }
    }

    private static void cold(Path base) {
        long start = System.nanoTime();
        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));
        long nanos = System.nanoTime() - start;
        AnalysisStats s = result.stats();
        System.out.printf(
                Locale.ROOT,
                "cold_ms=%.1f%nfiles=%d%nstatements=%d%nparsed=%d%nfallback=%d%nskipped=%d%nunreadable=%d"
                        + "%nfindings=%d%nuptime_jvm_ms=%d%nprocess_cpu_ms=%d%n",
                nanos / 1e6,
                s.files(),
                s.statements(),
                s.parsed(),
                s.fallback(),
                s.skipped(),
                s.unreadable(),
                result.findings().size(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
                processCpuMillis());
    }

    /** CPU time of the whole process so far (every thread, JIT and GC included): steadier than wall time under load. */
    private static long processCpuMillis() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static void warm(Path base) {
        RefguardConfig config = RefguardConfig.defaults(base);
        for (int i = 0; i < 5; i++) {
            Engine.analyze(config);
        }
        double[] wall = new double[7];
        double[] cpu = new double[7];
        for (int i = 0; i < wall.length; i++) {
            long cpuStart = processCpuMillis();
            long start = System.nanoTime();
            Engine.analyze(config);
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = processCpuMillis() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "warm_ms=%.1f%nwarm_cpu_ms=%.0f%n", wall[3], cpu[3]);
    }

    private static void loop(Path base, int runs) {
        RefguardConfig config = RefguardConfig.defaults(base);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Engine.analyze(config);
            System.out.printf(Locale.ROOT, "run %d: %.1f ms%n", i, (System.nanoTime() - start) / 1e6);
        }
    }

    private static List<MigrationFile> discover(Path base) {
        RefguardConfig c = RefguardConfig.defaults(base);
        SourceDiscovery.Discovery d =
                SourceDiscovery.discover(c.baseDir(), c.directories(), c.seedPatterns(), c.skipModuleDirectories());
        List<MigrationFile> files = new ArrayList<>();
        for (MigrationHistory h : d.histories()) {
            files.addAll(h.files());
        }
        return files;
    }

    private static void files(Path base) throws IOException {
        List<MigrationFile> files = discover(base);
        try (MigrationParser parser = new MigrationParser(Duration.ofSeconds(10), 1)) {
            for (int i = 0; i < 5; i++) {
                parser.parseAll(files, StandardCharsets.UTF_8);
            }
            double[] best = new double[files.size()];
            Arrays.fill(best, Double.MAX_VALUE);
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < files.size(); i++) {
                    long start = System.nanoTime();
                    parser.parseAll(List.of(files.get(i)), StandardCharsets.UTF_8);
                    best[i] = Math.min(best[i], (System.nanoTime() - start) / 1e6);
                }
            }
            int slowest = 0;
            double total = 0;
            for (int i = 0; i < best.length; i++) {
                total += best[i];
                if (best[i] > best[slowest]) {
                    slowest = i;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "parse_ms_per_file=%.3f%nslowest_file_ms=%.2f%nslowest_file=%s (%d bytes)%n",
                    total / best.length,
                    best[slowest],
                    files.get(slowest).relativePath(),
                    Files.size(files.get(slowest).path()));
        }
    }

    private static void threads(Path base) {
        List<MigrationFile> files = discover(base);
        // both warmed up first and then measured in turns: measured one after the other, the second would gain
        // from the JIT work done during the first
        try (MigrationParser single = new MigrationParser(Duration.ofSeconds(10), 1);
                MigrationParser pair = new MigrationParser(Duration.ofSeconds(10), 2)) {
            for (int i = 0; i < 10; i++) {
                single.parseAll(files, StandardCharsets.UTF_8);
                pair.parseAll(files, StandardCharsets.UTF_8);
            }
            double[] one = new double[9];
            double[] two = new double[9];
            for (int i = 0; i < one.length; i++) {
                one[i] = timeParse(single, files);
                two[i] = timeParse(pair, files);
            }
            Arrays.sort(one);
            Arrays.sort(two);
            System.out.printf(
                    Locale.ROOT,
                    "parse_ms_1_thread=%.1f%nparse_ms_2_threads=%.1f%nspeedup=%.2f%ncores=%d%n",
                    one[4],
                    two[4],
                    one[4] / two[4],
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double timeParse(MigrationParser parser, List<MigrationFile> files) {
        long start = System.nanoTime();
        parser.parseAll(files, StandardCharsets.UTF_8);
        return (System.nanoTime() - start) / 1e6;
    }
}
