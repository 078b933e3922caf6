package dev.refguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Memory: a history of a gigabyte, mostly seed data, completes in a JVM of 512 MB heap, twice
 * the size of the heap, with one file larger than each worker thread's share of it.
 */
class BoundedMemoryTest {
    private static final Path DATA = Path.of("target", "hostile-1g");

    @AfterEach
    void deleteData() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> paths = Files.walk(DATA)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aGigabyteHistoryCompletesInHalfAGigabyteOfHeap() throws Exception {
        long start = System.nanoTime();
        BigHistory expected = BigHistory.write(DATA.resolve("db"), 1L << 30, 8 << 20, 160 << 20);
        double generateSeconds = (System.nanoTime() - start) / 1e9;

        List<String> command = ChildJvm.javaCommand(
                System.getProperty("java.class.path"),
                List.of("-Xmx512m", "-XX:ActiveProcessorCount=2"),
                List.of(
                        DATA.toAbsolutePath().toString(),
                        "db",
                        DATA.resolve("out").toAbsolutePath().toString()));
        long childStart = System.nanoTime();
        ChildJvm.Output out = ChildJvm.run(command, 900);
        double childSeconds = (System.nanoTime() - childStart) / 1e9;

        double mb = expected.bytes / (double) (1 << 20);
        System.out.printf(
                "[hostile] 1 GB history: %d files, %.0f MB written in %.1f s; analysed in %.1f s in the child"
                        + " (%.1f s in the engine) = %.1f MB/s; heap max %d MB%n",
                expected.files,
                mb,
                generateSeconds,
                childSeconds,
                out.number("elapsedMillis") / 1000.0,
                mb / (out.number("elapsedMillis") / 1000.0),
                out.number("maxHeapBytes") >> 20);
        assertThat(out.exitCode()).as(out.text()).isZero();
        assertThat(out.findings()).as(out.text()).isEmpty();
        assertThat(out.number("files")).isEqualTo(expected.files);
        assertThat(out.number("statements")).isEqualTo(expected.ddlStatements + expected.insertStatements);
        assertThat(out.number("skipped")).isEqualTo(expected.insertStatements);
        assertThat(out.number("unreadable")).isZero();
        assertThat(out.number("tables")).isEqualTo(expected.tables);
        assertThat(out.number("foreignKeys")).isEqualTo(expected.foreignKeys);
        assertThat(DATA.resolve("out/refguard.json")).isRegularFile();
    }
}
