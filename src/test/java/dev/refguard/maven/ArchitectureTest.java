package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine free of Maven: only the adapter package may use Maven or Plexus types, so the engine can be
 * tested, benchmarked and reused (a CLI, a Gradle plugin) without a Maven runtime.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path ADAPTER = SOURCES.resolve(Path.of("dev", "refguard", "maven"));
    private static final Pattern MAVEN_REFERENCE =
            Pattern.compile("\\b(org\\.apache\\.maven|org\\.codehaus\\.plexus)\\.");

    /** The adapter's classes that map parameters and messages: plain Java, testable without Maven. */
    private static final List<String> PLAIN_ADAPTER_CLASSES = List.of(
            "CheckParameters.java",
            "CheckSettings.java",
            "ConfigurationException.java",
            "ConfigurationMapper.java",
            "DriftParameters.java",
            "FailureMessage.java",
            "OneLine.java");

    @Test
    void nothingOutsideTheMavenPackageUsesMavenOrPlexus() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("main sources found").isNotEmpty();

        List<String> offenders = sources.stream()
                .filter(f -> !f.startsWith(ADAPTER))
                .filter(ArchitectureTest::referencesMaven)
                .map(Path::toString)
                .toList();

        assertThat(offenders)
                .as("files outside dev/refguard/maven that use Maven or Plexus")
                .isEmpty();
    }

    @Test
    void theConfigurationMappingNeedsNoMavenTypes() {
        List<String> offenders = PLAIN_ADAPTER_CLASSES.stream()
                .filter(name -> referencesMaven(ADAPTER.resolve(name)))
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckIsTheClassThatUsesMaven() {
        // Guards the scan itself: a pattern that never matches would let every file pass.
        assertThat(referencesMaven(ADAPTER.resolve("CheckMojo.java"))).isTrue();
    }

    private static boolean referencesMaven(Path file) {
        try {
            return MAVEN_REFERENCE
                    .matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
