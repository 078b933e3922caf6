package dev.refguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.report.ConsoleSink;
import dev.refguard.report.ReportFormat;
import dev.refguard.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism: the same input gives byte-identical reports, wherever the project lies, and the reports hold
 * no path of the machine. The project has several histories, many files (read in parallel, so in varying
 * order), findings of several rules, a seed file, an unreadable statement, a suppression and non-ASCII
 * names.
 */
class DeterminismTest {
    @TempDir
    Path dir;

    private static void project(Path base) throws IOException {
        Path supabase = base.resolve("supabase/migrations");
        Files.createDirectories(supabase);
        Files.writeString(supabase.resolve("20240101000000_init.sql"), """
                CREATE TABLE public.users (id uuid PRIMARY KEY REFERENCES auth.users(id));
                CREATE TABLE "Café" (id bigint PRIMARY KEY, owner uuid REFERENCES auth.users(id));
                CREATE TABLE songs (
                  id bigint PRIMARY KEY,
                  created_by uuid REFERENCES public.users(id),
                  last_modified_by uuid REFERENCES auth.users(id),
                  café_id text REFERENCES "Café"(id)
                );
                ALTER TABLE songs FROBNICATE;
                -- refguard:ignore table-redefined kept on purpose
                CREATE TABLE songs (id bigint PRIMARY KEY);
                """, StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            Files.writeString(
                    supabase.resolve(String.format("202402%02d000000_t%d.sql", i % 28 + 1, i)),
                    "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, user_id uuid REFERENCES "
                            + (i % 3 == 0 ? "auth.users" : "public.users")
                            + "(id), song_id bigint REFERENCES songs(id),"
                            + " missing_id bigint REFERENCES nowhere_" + i + "(id));\n"
                            + "INSERT INTO t" + i + " (id) VALUES (" + i + ");\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(
                base.resolve("supabase/seed.sql"),
                "CREATE TABLE demo_accounts (id uuid PRIMARY KEY);\n",
                StandardCharsets.UTF_8);
        Path prisma = base.resolve("packages/db/prisma/migrations/20260217000000_add_tokens");
        Files.createDirectories(prisma);
        Files.writeString(
                prisma.resolve("migration.sql"),
                "CREATE TABLE \"Token\" (\"id\" text PRIMARY KEY, \"userId\" text REFERENCES \"users\"(\"id\"));\n",
                StandardCharsets.UTF_8);
    }

    /** Analyses {@code base} and writes every report into {@code out}; returns the console lines. */
    private static List<String> analyze(Path base, Path out) throws IOException {
        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));
        assertThat(result.findings()).hasSizeGreaterThan(40);
        List<String> console = new ArrayList<>();
        ConsoleSink sink = new ConsoleSink() {
            @Override
            public void info(String line) {
                console.add(line);
            }

            @Override
            public void warn(String line) {
                console.add(line);
            }

            @Override
            public void error(String line) {
                console.add(line);
            }
        };
        ReportWriter.write(result, EnumSet.allOf(ReportFormat.class), out, sink, Map.of());
        return console;
    }

    /** Every file in {@code out}, by name, as text. */
    private static Map<String, String> files(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(out)) {
            for (Path p : paths.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void twoAnalysesOfTheSameProjectWriteByteIdenticalReports() throws IOException {
        Path base = dir.resolve("project");
        project(base);

        analyze(base, dir.resolve("out1"));
        analyze(base, dir.resolve("out2"));

        Map<String, String> first = files(dir.resolve("out1"));
        assertThat(first.keySet()).contains("refguard.json", "refguard.sarif");
        assertThat(files(dir.resolve("out2"))).isEqualTo(first);
        for (String name : first.keySet()) {
            assertThat(Files.readAllBytes(dir.resolve("out2").resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("out1").resolve(name)));
        }
    }

    @Test
    void theSameProjectInTwoPlacesWritesByteIdenticalReportsWithNoPathOfTheMachine() throws IOException {
        Path one = dir.resolve("a/project");
        Path two = dir.resolve("somewhere else/with spaces/and-üñí/project-copy");
        project(one);
        project(two);

        List<String> consoleOne = analyze(one, one.resolve("target/refguard"));
        List<String> consoleTwo = analyze(two, dir.resolve("reports-two"));

        Map<String, String> reportsOne = files(one.resolve("target/refguard"));
        Map<String, String> reportsTwo = files(dir.resolve("reports-two"));
        assertThat(reportsTwo).isEqualTo(reportsOne);
        assertThat(reportsOne.get("refguard.sarif"))
                .contains("supabase/migrations/20240101000000_init.sql")
                .contains("packages/db/prisma/migrations/20260217000000_add_tokens/migration.sql");

        List<String> machine = List.of(
                dir.toString(),
                dir.toRealPath().toString(),
                "file:/",
                "file://",
                System.getProperty("user.home"),
                System.getProperty("java.io.tmpdir"));
        for (Map.Entry<String, String> report : reportsOne.entrySet()) {
            for (String path : machine) {
                assertThat(report.getValue()).as(report.getKey()).doesNotContain(path);
            }
        }
        for (Map.Entry<String, String> report : reportsTwo.entrySet()) {
            for (String path : List.of(two.toString(), dir.toString(), "and-üñí")) {
                assertThat(report.getValue()).as(report.getKey()).doesNotContain(path);
            }
        }
        // the console too, but for the time taken
        for (String line : consoleOne) {
            for (String path : machine) {
                assertThat(line).doesNotContain(path);
            }
        }
        assertThat(strip(consoleTwo)).isEqualTo(strip(consoleOne));
    }

    /** The console lines without the time taken, which may differ between runs. */
    private static List<String> strip(List<String> console) {
        return console.stream()
                .map(line -> line.replaceAll("\\b\\d+(\\.\\d+)? ?(ms|s)\\b", "<time>"))
                .toList();
    }
}
