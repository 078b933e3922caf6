package dev.refguard.source.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Liquibase's classes stay in this package: the model and the rules never see them. */
class LiquibaseConfinementTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path HOME = SOURCES.resolve(Path.of("dev", "refguard", "source", "liquibase"));
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(static\\s+)?liquibase\\.");

    @Test
    void onlyThisPackageImportsLiquibase() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        List<String> offenders = sources.stream()
                .filter(f -> !f.startsWith(HOME))
                .filter(f -> IMPORT.matcher(read(f)).find())
                .map(Path::toString)
                .toList();
        assertThat(offenders).isEmpty();
        assertThat(sources.stream().filter(f -> f.startsWith(HOME))).isNotEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
