package dev.refguard.parse.jsqlparser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link JSqlParserRun} reuses one parser per thread ({@code ReInit}) after a clean parse: every statement
 * of every SQL file of the test resources (good, bad and hostile ones, in file order, so reuse follows
 * failures as it does in a run) must read exactly as a fresh parser reads it.
 */
class ParserReuseTest {

    @Test
    void aReusedParserReadsEveryStatementAsAFreshOne() throws IOException {
        List<SqlStatement> statements = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Path.of("src/test/resources"))) {
            files = paths.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            StatementSplitter.split(text, statements::add);
        }
        assertThat(files).hasSizeGreaterThan(100);
        int compared = 0;
        int failedFresh = 0;
        try (JSqlParserRun reused = new JSqlParserRun(Duration.ofSeconds(20))) {
            for (SqlStatement statement : statements) {
                JSqlParserRun.Attempt again = reused.read(statement);
                JSqlParserRun.Attempt fresh;
                try (JSqlParserRun once = new JSqlParserRun(Duration.ofSeconds(20))) {
                    fresh = once.read(statement);
                }
                assertThat(again)
                        .as("line %d: %s", statement.line(), statement.text())
                        .isEqualTo(fresh);
                compared++;
                if (fresh.changes() == null) {
                    failedFresh++;
                }
            }
        }
        // the resources hold both readable statements and ones the parser rejects, so both paths are taken
        assertThat(compared).isGreaterThan(500);
        assertThat(failedFresh).isGreaterThan(10).isLessThan(compared / 2);
    }
}
