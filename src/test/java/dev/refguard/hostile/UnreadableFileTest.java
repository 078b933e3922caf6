package dev.refguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.CCJSqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration file that cannot be read is a finding naming it, and the run goes on with the others.
 *
 * <p>Root reads any file whatever its permissions, and the build runs as root in CI: there the engine runs
 * in a child JVM as user {@code nobody} (through {@code runuser}), for whom the file really is unreadable.
 * Any other user runs it in this JVM.
 */
class UnreadableFileTest {
    private static final String PROLOGUE = "CREATE TABLE parents (id bigint PRIMARY KEY);\n"
            + "CREATE TABLE children (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n";

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeReadIsAFindingAndTheOtherFilesAreRead() throws Exception {
        Path base = dir.resolve("project");
        Hostile.write(base, "V1__schema.sql", PROLOGUE);
        Path secret = Hostile.write(base, "V2__secret.sql", "CREATE TABLE secret (id bigint PRIMARY KEY);\n");
        Hostile.write(
                base,
                "V3__later.sql",
                "CREATE TABLE later (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        List<String> findings;
        long files;
        long foreignKeys;
        long tables;
        if ((Integer) Files.getAttribute(secret, "unix:uid") == 0) {
            ChildJvm.Output out = runAsNobody(base);
            assertThat(out.exitCode()).as(out.text()).isZero();
            findings = out.findings();
            files = out.number("files");
            foreignKeys = out.number("foreignKeys");
            tables = out.number("tables");
        } else {
            AnalysisResult result = Engine.analyze(Hostile.config(base));
            findings = result.findings().stream()
                    .map(f -> f.ruleId() + " " + f.location() + " " + f.message())
                    .toList();
            files = result.stats().files();
            foreignKeys = result.stats().foreignKeys();
            tables = result.stats().tables();
        }

        assertThat(findings)
                .containsExactly("unparsed-statement db/V2__secret.sql:1:1 cannot read file: access denied");
        assertThat(files).isEqualTo(3);
        assertThat(tables).as("parents, children, later").isEqualTo(3);
        assertThat(foreignKeys).isEqualTo(2);
    }

    /** Runs the engine as {@code nobody}, on a copy of the classes that user can read. */
    private ChildJvm.Output runAsNobody(Path base) throws IOException, InterruptedException, URISyntaxException {
        Path classpath = dir.resolve("classpath");
        List<String> entries = new ArrayList<>();
        int n = 0;
        // the runtime dependencies discovery and parsing load (snakeyaml reads Spring Boot's application.yml)
        for (Class<?> type : List.of(
                AnalyzeMain.class, Engine.class, CCJSqlParser.class, Gson.class, org.yaml.snakeyaml.Yaml.class)) {
            Path source = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = classpath.resolve(n++ + "-" + source.getFileName());
            copyTree(source, copy);
            entries.add(copy.toString());
        }
        // nobody must reach the project and the classes, but not the one file
        for (Path p : List.of(dir, base, base.resolve(Hostile.DIR))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        makeReadable(classpath);
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
        command.addAll(ChildJvm.javaCommand(
                String.join(java.io.File.pathSeparator, entries),
                List.of("-Xmx256m", "-Xshare:off"),
                List.of(base.toString(), Hostile.DIR)));
        return ChildJvm.run(command, 120);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void makeReadable(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(
                        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
