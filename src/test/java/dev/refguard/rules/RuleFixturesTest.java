package dev.refguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.parse.InternalFailure;
import dev.refguard.source.Dialect;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture project under {@code src/test/resources/fixtures/rules/}: each SQL line that should
 * get a finding carries a marker {@code -- expect: rule-id[:severity][, rule-id...]}; every other line
 * must get none. So each fixture shows a rule firing on its bad case and staying silent on its good one,
 * and a new case costs one file. An optional {@code refguard.properties} in the case sets configuration.
 */
class RuleFixturesTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/rules");
    /** MySQL and MariaDB histories, each with its {@code dialect} in {@code refguard.properties}. */
    private static final Path MYSQL = Path.of("src/test/resources/fixtures/mysql");

    private static final Pattern MARKER = Pattern.compile("(?:--|#)\\s*expect:\\s*([a-z0-9:, -]+)");

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsExactlyItsMarkedFindings() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("fixture cases").hasSizeGreaterThan(20);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    @TestFactory
    Stream<DynamicTest> everyMysqlFixtureGetsExactlyItsMarkedFindings() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(MYSQL)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("MySQL fixture cases").isNotEmpty();
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest("mysql/" + dir.getFileName(), () -> {
                    assertThat(config(dir).dialect()).as("dialect of %s", dir).isNotNull();
                    check(dir);
                }));
    }

    private static void check(Path dir) throws IOException {
        AnalysisResult result = Engine.analyze(config(dir));
        TreeSet<String> expected = expectedMarkers(dir);
        TreeSet<String> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            actual.add(f.location().file() + ":" + f.location().line() + " " + f.ruleId() + ":"
                    + f.severity().id());
        }
        String details = String.join(
                "\n",
                result.findings().stream()
                        .map(f -> f.location() + " " + f.severity().id() + "[" + f.ruleId() + "] " + f.message())
                        .toList());
        assertThat(result.stats().files()).as("migration files found in " + dir).isPositive();
        // a bug in refguard's readers shows as an unparsed statement, which a fixture may expect on that line
        assertThat(result.findings())
                .as("findings of %s that are refguard's internal errors:%n%s", dir, details)
                .noneMatch(f -> f.message().contains(InternalFailure.PREFIX));
        assertThat(actual).as("findings of %s:%n%s", dir, details).isEqualTo(expected);
    }

    static RefguardConfig config(Path dir) throws IOException {
        RefguardConfig defaults = RefguardConfig.defaults(dir.toAbsolutePath());
        Path props = dir.resolve("refguard.properties");
        if (!Files.exists(props)) {
            return defaults;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        return new RefguardConfig(
                        defaults.baseDir(),
                        defaults.directories(),
                        defaults.seedPatterns(),
                        list(p, "identityTables", defaults.identityTables()),
                        p.getProperty("canonicalIdentityTable"),
                        list(p, "sharedTables", defaults.sharedTables()),
                        list(p, "managedSchemas", defaults.managedSchemas()),
                        list(p, "externalTables", defaults.externalTables()),
                        defaults.severities(),
                        defaults.encoding(),
                        false,
                        defaults.statementTimeout())
                .withDialect(p.getProperty("dialect") == null ? null : Dialect.parse(p.getProperty("dialect")));
    }

    private static List<String> list(Properties p, String key, List<String> fallback) {
        String v = p.getProperty(key);
        return v == null
                ? fallback
                : Arrays.stream(v.split(",")).map(String::trim).toList();
    }

    private static TreeSet<String> expectedMarkers(Path dir) throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(f -> f.toString().endsWith(".sql")).forEach(files::add);
        }
        for (Path file : files) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (!m.find()) {
                    continue;
                }
                for (String item : m.group(1).split(",")) {
                    String[] parts = item.trim().split(":");
                    String severity = parts.length > 1 ? parts[1] : defaultSeverity(parts[0]);
                    expected.add(rel + ":" + (i + 1) + " " + parts[0] + ":" + severity);
                }
            }
        }
        return expected;
    }

    private static String defaultSeverity(String ruleId) {
        return RuleRegistry.infos().stream()
                .filter(r -> r.id().equals(ruleId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("unknown rule id in marker: " + ruleId))
                .defaultSeverity()
                .id();
    }
}
