package dev.refguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.parse.InternalFailure;
import dev.refguard.report.ConsoleSink;
import dev.refguard.report.ReportFormat;
import dev.refguard.report.ReportWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fuzzes the whole pipeline, structure-aware: the fuzzer picks one to four migration files, each either
 * random bytes or a mutation of a fixture SQL file (the {@code .sql} files under {@code fixtures/} of the
 * test resources: tokens and raw bytes inserted, ranges deleted, other fixtures spliced in, lines
 * duplicated, the text truncated, quotes, {@code $$}, {@code /*}, NUL and invalid UTF-8 injected). They
 * are written as {@code supabase/migrations/<n>_x.sql} into a fresh directory, analysed with the
 * defaults, and every report format is written.
 *
 * <p>Invariants: nothing throws; every finding names one of the written files, at a line between 1 and
 * the file's number of physical lines (line terminators + 1, counted as the splitter counts them: so a
 * finding at line 1 of an empty file is allowed, as a file-level problem has nowhere else to point) and
 * a column between 1 and one past the end of that line; the JSON and SARIF reports parse as strict JSON
 * with Gson; two analyses of the same directory give equal findings and byte-identical reports.
 */
class EngineFuzzTest {
    private static final int MAX_FILE = 16 * 1024;

    private static final List<byte[]> FIXTURES = loadFixtures();

    /**
     * Where each input's project goes: memory when the machine offers it. Creating and deleting the files
     * on a disk-backed temp directory took most of each execution.
     */
    private static final Path TEMP_ROOT = tempRoot();

    private static final List<byte[]> TOKENS = Stream.of(
                    "'",
                    "''",
                    "\"",
                    "$$",
                    "$tag$",
                    "$a",
                    "/*",
                    "*/",
                    "--",
                    "\n",
                    "\r\n",
                    "\r",
                    "\uFEFF",
                    ";",
                    "(",
                    ")",
                    ",",
                    ".",
                    "\\",
                    "\\.\n",
                    "E'\\'",
                    "U&'",
                    "\0",
                    " ",
                    "DO $$ BEGIN ",
                    " END $$;",
                    "COPY t FROM stdin;\n",
                    "\\copy t from stdin\n",
                    "BEGIN ATOMIC ",
                    " END;",
                    "CREATE TABLE ",
                    "ALTER TABLE ",
                    "ADD CONSTRAINT c FOREIGN KEY (a) REFERENCES ",
                    "REFERENCES ",
                    "auth.users(id)",
                    "public.users",
                    "\"User\"",
                    "IF NOT EXISTS ",
                    "DROP TABLE ",
                    "CASCADE",
                    "uuid",
                    "text",
                    "PRIMARY KEY",
                    "UNIQUE",
                    "RENAME TO ",
                    "SET search_path TO ",
                    "-- refguard:ignore ",
                    "-- refguard:ignore-file ",
                    "((((((((((",
                    "CREATE TRIGGER ",
                    "EXECUTE FUNCTION f()")
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toList();

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {
                (byte) 0xED, (byte) 0xA0, (byte) 0x80
            });

    @FuzzTest(maxDuration = "30s")
    void analyze(FuzzedDataProvider data) throws IOException {
        int count = data.consumeInt(1, 4);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(data.consumeBoolean() ? data.consumeBytes(data.consumeInt(0, MAX_FILE)) : mutatedFixture(data));
        }
        Path dir = Files.createTempDirectory(TEMP_ROOT, "refguard-fuzz");
        try {
            Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
            Map<String, byte[]> written = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                String name = (i + 1) + "_x.sql";
                Files.write(migrations.resolve(name), files.get(i));
                written.put("supabase/migrations/" + name, files.get(i));
            }
            check(dir, written);
        } finally {
            delete(dir);
        }
    }

    static void check(Path dir, Map<String, byte[]> written) throws IOException {
        RefguardConfig config = RefguardConfig.defaults(dir);
        AnalysisResult first = Engine.analyze(config);
        for (Finding finding : first.findings()) {
            // fuzzed SQL may be unreadable, but it must never meet a bug in refguard's readers
            assertThat(finding.message()).as("finding %s", finding).doesNotContain(InternalFailure.PREFIX);
            String file = finding.location().file();
            assertThat(written).as("file of %s", finding).containsKey(file);
            TextLines lines = TextLines.of(new String(written.get(file), StandardCharsets.UTF_8), true);
            assertThat(finding.location().line()).as("line of %s", finding).isBetween(1, lines.physicalLines());
            assertThat(finding.location().column())
                    .as("column of %s", finding)
                    .isBetween(1, lines.lengthOf(finding.location().line()) + 1);
        }
        Map<String, String> firstReports = reports(first, dir.resolve("out1"));
        for (String report : firstReports.values()) {
            parseStrictJson(report);
        }

        AnalysisResult second = Engine.analyze(config);
        assertThat(second.findings()).as("the same findings again").isEqualTo(first.findings());
        assertThat(reports(second, dir.resolve("out2")))
                .as("the same reports again")
                .isEqualTo(firstReports);
    }

    private static Map<String, String> reports(AnalysisResult result, Path out) throws IOException {
        ConsoleSink discard = new ConsoleSink() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}

            @Override
            public void error(String line) {}
        };
        ReportWriter.write(result, EnumSet.allOf(ReportFormat.class), out, discard, Map.of());
        Map<String, String> reports = new LinkedHashMap<>();
        for (String name : List.of("refguard.json", "refguard.sarif")) {
            reports.put(name, Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        }
        return reports;
    }

    private static void parseStrictJson(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
        assertThat(root.isJsonObject()).isTrue();
        assertThat(reader.peek()).isEqualTo(JsonToken.END_DOCUMENT);
    }

    /** A fixture with zero to eight mutations, each chosen and placed by the fuzzer. */
    private static byte[] mutatedFixture(FuzzedDataProvider data) {
        byte[] text = data.pickValue(FIXTURES);
        int mutations = data.consumeInt(0, 8);
        for (int m = 0; m < mutations; m++) {
            int at = data.consumeInt(0, text.length);
            switch (data.consumeInt(0, 7)) {
                case 0 -> text = insert(text, at, data.pickValue(TOKENS));
                case 1 -> text = insert(text, at, data.pickValue(INVALID_UTF8));
                case 2 -> {
                    int end = Math.min(text.length, at + data.consumeInt(0, 256));
                    text = concat(Arrays.copyOfRange(text, 0, at), Arrays.copyOfRange(text, end, text.length));
                }
                case 3 -> {
                    byte[] other = data.pickValue(FIXTURES);
                    int from = data.consumeInt(0, other.length);
                    int to = Math.min(other.length, from + data.consumeInt(0, 1024));
                    text = insert(text, at, Arrays.copyOfRange(other, from, to));
                }
                case 4 -> {
                    int start = at;
                    while (start > 0 && text[start - 1] != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < text.length && text[end] != '\n') {
                        end++;
                    }
                    end = Math.min(text.length, end + 1);
                    text = insert(text, start, Arrays.copyOfRange(text, start, end));
                }
                case 5 -> text = Arrays.copyOf(text, at);
                case 6 -> text = insert(text, at, data.consumeBytes(data.consumeInt(0, 64)));
                default -> {
                    if (at < text.length) {
                        text = text.clone();
                        text[at] = data.consumeByte();
                    }
                }
            }
            if (text.length > MAX_FILE) {
                text = Arrays.copyOf(text, MAX_FILE);
            }
        }
        return text;
    }

    private static byte[] insert(byte[] text, int at, byte[] piece) {
        return concat(concat(Arrays.copyOfRange(text, 0, at), piece), Arrays.copyOfRange(text, at, text.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<byte[]> loadFixtures() {
        URL root = EngineFuzzTest.class.getResource("/fixtures");
        if (root == null) {
            throw new IllegalStateException("test resources fixtures/ not on the class path");
        }
        try (Stream<Path> paths = Files.walk(Path.of(root.toURI()))) {
            List<byte[]> fixtures = new ArrayList<>();
            for (Path path :
                    paths.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(path);
                fixtures.add(bytes.length > MAX_FILE ? Arrays.copyOf(bytes, MAX_FILE) : bytes);
            }
            if (fixtures.isEmpty()) {
                throw new IllegalStateException("no .sql files under " + root);
            }
            return List.copyOf(fixtures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempRoot() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
