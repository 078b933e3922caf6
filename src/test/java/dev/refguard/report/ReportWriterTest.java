package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFixtures.ListConsole;
import dev.refguard.schema.TableId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Set<ReportFormat> DEFAULT_FORMATS =
            EnumSet.of(ReportFormat.CONSOLE, ReportFormat.SARIF, ReportFormat.JSON);

    /** Every format that writes a file. */
    private static final Set<ReportFormat> FILE_FORMATS = EnumSet.of(
            ReportFormat.SARIF,
            ReportFormat.JSON,
            ReportFormat.GITLAB,
            ReportFormat.CHECKSTYLE,
            ReportFormat.JUNIT,
            ReportFormat.MARKDOWN,
            ReportFormat.MERMAID,
            ReportFormat.DOT);

    private static final List<String> ALL_FILES = List.of(
            "gl-code-quality-report.json",
            "refguard-checkstyle.xml",
            "refguard-junit.xml",
            "refguard.json",
            "refguard.md",
            "refguard.sarif",
            "schema.dot",
            "schema.mmd");

    @TempDir
    Path temp;

    @Test
    void createsTheOutputDirectoryAndWritesSarifAndJson() throws IOException {
        Path out = temp.resolve("target/refguard");
        ListConsole console = new ListConsole();

        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, console, Map.of());

        assertThat(fileNames(out)).containsExactly("refguard.json", "refguard.sarif");
        assertThat(Files.readString(out.resolve("refguard.sarif")))
                .isEqualTo(SarifReport.render(ReportFixtures.sample()));
        assertThat(Files.readString(out.resolve("refguard.json")))
                .isEqualTo(JsonReport.render(ReportFixtures.sample()));
        assertThat(console.lines).last().asString().startsWith("info: refguard: 14 files");
    }

    @Test
    void writesEveryFileFormatWithItsRenderer() throws IOException {
        Path out = temp.resolve("all");

        ReportWriter.write(ReportFixtures.sample(), FILE_FORMATS, out, new ListConsole(), Map.of());

        assertThat(fileNames(out)).containsExactlyElementsOf(ALL_FILES);
        List<TableId> identity = List.of(TableId.parse("auth.users"), TableId.parse("public.users"));
        for (ReportFormat format : FILE_FORMATS) {
            assertThat(Files.readString(out.resolve(format.fileName())))
                    .as(format.id())
                    .isEqualTo(ReportWriter.render(format, ReportFixtures.sample(), identity));
        }
    }

    @Test
    void writesByteIdenticalFilesForTheSameResultWhereverTheyGo() throws IOException {
        for (AnalysisResult result : List.of(ReportFixtures.sample(), ReportFixtures.hostile())) {
            Path first = temp.resolve("first");
            Path second = temp.resolve("elsewhere/second");

            ReportWriter.write(result, FILE_FORMATS, first, new ListConsole(), Map.of());
            ReportWriter.write(result, FILE_FORMATS, second, new ListConsole(), Map.of());
            ReportWriter.write(result, FILE_FORMATS, second, new ListConsole(), Map.of());

            assertThat(fileNames(second)).containsExactlyElementsOf(ALL_FILES);
            for (String name : ALL_FILES) {
                assertThat(Files.readAllBytes(second.resolve(name)))
                        .as(name)
                        .isEqualTo(Files.readAllBytes(first.resolve(name)));
            }
        }
    }

    @Test
    void writesUtf8WithUnixLineEndingsAndAFinalNewline() throws IOException {
        ReportWriter.write(ReportFixtures.hostile(), FILE_FORMATS, temp, new ListConsole(), Map.of());

        for (String name : ALL_FILES) {
            byte[] bytes = Files.readAllBytes(temp.resolve(name));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as(name).isEqualTo(bytes);
            assertThat(text).as(name).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
            assertThat(text).as(name).doesNotStartWith("\uFEFF");
        }
        for (String name : List.of("refguard.sarif", "refguard.json", "gl-code-quality-report.json")) {
            assertThat(Files.readString(temp.resolve(name))).contains("\n  ");
        }
    }

    @Test
    void writesNoAbsolutePathOfTheMachineIntoAnyFile() throws IOException {
        Path out = temp.resolve("reports");

        ReportWriter.write(ReportFixtures.sample(), FILE_FORMATS, out, new ListConsole(), Map.of());

        String absolute = temp.toAbsolutePath().toString();
        String userHome = System.getProperty("user.home");
        assertThat(fileNames(out)).containsExactlyElementsOf(ALL_FILES);
        for (String name : fileNames(out)) {
            String text = Files.readString(out.resolve(name));
            assertThat(text)
                    .as(name)
                    .doesNotContain(absolute)
                    .doesNotContain(userHome)
                    .doesNotContain("file:");
        }
    }

    @Test
    void marksTheConfiguredIdentityTablesInTheDiagrams() throws IOException {
        ReportWriter.write(
                ReportFixtures.sample(),
                EnumSet.of(ReportFormat.MERMAID, ReportFormat.DOT),
                List.of("public.songs"),
                temp,
                new ListConsole(),
                Map.of());

        assertThat(Files.readString(temp.resolve("schema.mmd")))
                .contains("%% identity table: public.songs\n")
                .doesNotContain("%% identity table: auth.users")
                .contains("public_users[\"public.users (incomplete)\"]");
        assertThat(Files.readString(temp.resolve("schema.dot")))
                .contains("<b>public.songs</b>")
                .containsOnlyOnce("#ffd966");
    }

    @Test
    void writesAReportWhoseTextHoldsALoneSurrogate() throws IOException {
        Finding broken =
                ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 1, 1, "lone \ud800 half");

        ReportWriter.write(
                ReportFixtures.withFindings(List.of(broken)), FILE_FORMATS, temp, new ListConsole(), Map.of());

        assertThat(Files.readString(temp.resolve("refguard.json"))).contains("lone ? half");
        assertThat(Files.readString(temp.resolve("refguard-checkstyle.xml"))).contains("lone \\ud800 half");
    }

    @Test
    void failsNamingTheOutputDirectoryWhenAFileIsInTheWay() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        Path out = file.resolve("refguard");

        assertThatThrownBy(() ->
                        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, new ListConsole(), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write refguard reports to " + out + ": " + file + " is a file, not a directory");
    }

    @Test
    void failsNamingTheOutputDirectoryWhenItIsItselfARegularFile() throws IOException {
        Path out = Files.writeString(temp.resolve("refguard"), "x");

        assertThatThrownBy(() ->
                        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, new ListConsole(), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write refguard reports to " + out + ": " + out + " is a file, not a directory");
    }

    @Test
    void createsNoDirectoryWhenOnlyConsoleOutputIsChosen() throws IOException {
        Path out = temp.resolve("refguard");
        ListConsole console = new ListConsole();

        ReportWriter.write(ReportFixtures.sample(), EnumSet.of(ReportFormat.CONSOLE), out, console, Map.of());

        assertThat(out).doesNotExist();
        // every finding of the sample, then the summary line; no line names a report file
        assertThat(console.lines)
                .hasSizeGreaterThan(ReportFixtures.sample().findings().size());
        assertThat(console.lines.get(console.lines.size() - 1))
                .isEqualTo("info: refguard: 14 files, 1423 statements, 52 tables, 61 foreign keys; findings: 1 error,"
                        + " 1 warning, 1 info (1 baselined); statements: 1420 read, 3 unreadable (99.8%); 0.84 s");
        assertThat(console.lines).noneMatch(l -> l.contains("refguard.sarif") || l.contains(out.toString()));
    }

    @Test
    void writesReportsWithThePermissionsTheUmaskGivesAPlainFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path out = temp.resolve("target/refguard");
        Files.createDirectories(out);
        // what this process's umask gives a file created plainly (rw-r--r-- under the usual 022)
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(temp.resolve("probe")));

        ReportWriter.write(ReportFixtures.sample(), FILE_FORMATS, out, new ListConsole(), Map.of());

        for (String name : ALL_FILES) {
            assertThat(Files.getPosixFilePermissions(out.resolve(name)))
                    .as(name)
                    .isEqualTo(plain);
        }
    }

    @Test
    void leavesNoTemporaryFileBehindAndReplacesAnOlderReport() throws IOException {
        Files.writeString(temp.resolve("refguard.json"), "old");

        ReportWriter.write(ReportFixtures.sample(), EnumSet.of(ReportFormat.JSON), temp, new ListConsole(), Map.of());

        assertThat(fileNames(temp)).containsExactly("refguard.json");
        assertThat(Files.readString(temp.resolve("refguard.json"))).startsWith("{\n  \"findings\"");
    }

    @Test
    void switchesOnGithubAnnotationsAndAppendsTheStepSummaryOnGithubActions() throws IOException {
        Path summary = Files.writeString(temp.resolve("step_summary.md"), "earlier step\n");
        ListConsole console = new ListConsole();

        ReportWriter.write(
                ReportFixtures.sample(),
                EnumSet.of(ReportFormat.CONSOLE),
                temp.resolve("out"),
                console,
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()));

        assertThat(console.lines).filteredOn(l -> l.startsWith("info: ::")).hasSize(3);
        assertThat(Files.readString(summary))
                .isEqualTo("earlier step\n" + GithubReport.stepSummary(ReportFixtures.sample()));
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void writesNoAnnotationsOutsideGithubActionsUnlessAsked() throws IOException {
        ListConsole console = new ListConsole();

        ReportWriter.write(
                ReportFixtures.sample(), EnumSet.of(ReportFormat.CONSOLE), temp, console, Map.of("CI", "true"));

        assertThat(console.lines).noneMatch(l -> l.startsWith("info: ::"));
    }

    @Test
    void failsNamingTheStepSummaryFileWhenItCannotBeAppendedTo() throws IOException {
        Path blocker = Files.writeString(temp.resolve("file"), "x");
        Path summary = blocker.resolve("summary.md");

        assertThatThrownBy(() -> ReportWriter.write(
                        ReportFixtures.sample(),
                        EnumSet.of(ReportFormat.GITHUB),
                        temp,
                        new ListConsole(),
                        Map.of("GITHUB_STEP_SUMMARY", summary.toString())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(summary.toString());
    }

    @Test
    void warnsAboutMissingMigrationsEvenWithoutTheConsoleFormat() throws IOException {
        ListConsole console = new ListConsole();

        ReportWriter.write(ReportFixtures.nothingFound(), EnumSet.of(ReportFormat.JSON), temp, console, Map.of());

        assertThat(console.lines)
                .containsExactly("warn: " + ConsoleReport.noMigrationsLine(ReportFixtures.nothingFound()));
        assertThat(temp.resolve("refguard.json")).exists();
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
