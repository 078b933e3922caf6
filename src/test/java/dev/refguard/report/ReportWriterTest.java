package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFixtures.ListConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void writesByteIdenticalFilesForTheSameResultWhereverTheyGo() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("elsewhere/second");

        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, first, new ListConsole(), Map.of());
        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, second, new ListConsole(), Map.of());
        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, second, new ListConsole(), Map.of());

        for (String name : List.of("refguard.sarif", "refguard.json")) {
            assertThat(Files.readAllBytes(second.resolve(name))).isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void writesUtf8WithUnixLineEndingsAndAFinalNewline() throws IOException {
        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, temp, new ListConsole(), Map.of());

        for (String name : List.of("refguard.sarif", "refguard.json")) {
            String text = new String(Files.readAllBytes(temp.resolve(name)), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\r").endsWith("}\n").doesNotEndWith("\n\n");
            assertThat(text).contains("\n  \"");
        }
    }

    @Test
    void writesNoAbsolutePathOfTheMachineIntoAnyFile() throws IOException {
        Path out = temp.resolve("reports");

        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, new ListConsole(), Map.of());

        String absolute = temp.toAbsolutePath().toString();
        String userHome = System.getProperty("user.home");
        for (String name : fileNames(out)) {
            String text = Files.readString(out.resolve(name));
            assertThat(text).doesNotContain(absolute).doesNotContain(userHome).doesNotContain("file:");
        }
    }

    @Test
    void writesAReportWhoseTextHoldsALoneSurrogate() throws IOException {
        Finding broken =
                ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 1, 1, "lone \ud800 half");

        ReportWriter.write(
                ReportFixtures.withFindings(List.of(broken)), DEFAULT_FORMATS, temp, new ListConsole(), Map.of());

        assertThat(Files.readString(temp.resolve("refguard.json"))).contains("lone ? half");
    }

    @Test
    void failsNamingTheOutputDirectoryWhenAFileIsInTheWay() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        Path out = file.resolve("refguard");

        assertThatThrownBy(() ->
                        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, new ListConsole(), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write refguard reports to " + out + ": ");
    }

    @Test
    void failsNamingTheOutputDirectoryWhenItIsItselfARegularFile() throws IOException {
        Path out = Files.writeString(temp.resolve("refguard"), "x");

        assertThatThrownBy(() ->
                        ReportWriter.write(ReportFixtures.sample(), DEFAULT_FORMATS, out, new ListConsole(), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(out.toString());
    }

    @Test
    void createsNoDirectoryWhenOnlyConsoleOutputIsChosen() throws IOException {
        Path out = temp.resolve("refguard");
        ListConsole console = new ListConsole();

        ReportWriter.write(ReportFixtures.sample(), EnumSet.of(ReportFormat.CONSOLE), out, console, Map.of());

        assertThat(out).doesNotExist();
        assertThat(console.lines).isNotEmpty();
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
