package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.refguard.testing.Unprivileged;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README, "When the environment is wrong": trouble with the environment (a missing or unreadable migration folder, an output directory that cannot
 * be written) stops the build with one line that names the path, a {@link MojoExecutionException} without a
 * stack trace or cause for Maven's {@code -e} to print, never a crash and never a silent pass.
 */
class CheckMojoEnvironmentErrorTest {
    private static final String MIGRATION = "supabase/migrations/20240101000000_init.sql";
    private static final String SQL = "create table public.posts (id bigint primary key);\n";

    @TempDir
    Path base;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(base.resolve(MIGRATION).getParent());
        Files.writeString(base.resolve(MIGRATION), SQL);
    }

    @Test
    void failsInOneLineNamingADirectoriesEntryThatDoesNotExist() {
        MojoExecutionException e = executionFailure(Map.of("directories", List.of("db/does-not-exist")));

        assertThat(e)
                .hasMessage("refguard: cannot read the migrations: refguard.directories: db/does-not-exist"
                        + " does not exist (" + base.resolve("db/does-not-exist") + ")");
        assertThat(base.resolve("target")).doesNotExist();
    }

    @Test
    void failsInOneLineNamingADirectoriesEntryThatIsARegularFile() throws IOException {
        Files.writeString(base.resolve("migrations"), "not a folder");

        MojoExecutionException e = executionFailure(Map.of("directories", List.of("migrations")));

        assertThat(e)
                .hasMessage("refguard: cannot read the migrations: refguard.directories: migrations"
                        + " does not exist as a directory (" + base.resolve("migrations") + " is a file; the one"
                        + " file refguard.directories may name is a Liquibase master changelog: .xml, .yaml, .yml,"
                        + " .json, or .sql starting with --liquibase formatted sql)");
    }

    @Test
    void failsInOneLineNamingTheFileInTheWayOfTheOutputDirectory() throws IOException {
        Path file = Files.writeString(base.resolve("not-a-dir"), "x");
        Path out = file.resolve("refguard");

        MojoExecutionException e = executionFailure(Map.of("outputDirectory", out.toFile()));

        assertThat(e)
                .hasMessage("refguard: cannot write refguard reports to " + out + ": " + file
                        + " is a file, not a directory; check outputDirectory (refguard.outputDirectory)");
        assertThat(file).hasContent("x");
        assertThat(base.resolve(MIGRATION)).hasContent(SQL);
    }

    @Test
    void failsInOneLineWhenTheOutputDirectoryIsARegularFile() throws IOException {
        Path out = Files.writeString(base.resolve("refguard-out"), "x");

        MojoExecutionException e = executionFailure(Map.of("outputDirectory", new File(out.toString())));

        assertThat(e)
                .hasMessage("refguard: cannot write refguard reports to " + out + ": " + out
                        + " is a file, not a directory; check outputDirectory (refguard.outputDirectory)");
        assertThat(out).hasContent("x");
    }

    @Test
    void failsInOneLineNamingAConfiguredMigrationFolderThatCannotBeRead() throws Exception {
        Path folder = base.resolve("supabase/migrations");

        Map<String, String> probe = probeWithUnreadable(folder, "supabase/migrations");

        assertThat(probe)
                .containsEntry("outcome", "MojoExecutionException")
                .containsEntry(
                        "message",
                        "refguard: cannot read the migrations: refguard.directories: supabase/migrations"
                                + " cannot be read (" + folder + ": access denied)")
                .containsEntry("cause", "null")
                .containsEntry("frames", "0");
    }

    @Test
    void failsInOneLineNamingADiscoveredMigrationFolderThatCannotBeRead() throws Exception {
        Path folder = base.resolve("supabase/migrations");

        Map<String, String> probe = probeWithUnreadable(folder);

        // before: the folder was skipped as if empty, and the build passed with "no migrations found"
        assertThat(probe)
                .containsEntry("outcome", "MojoExecutionException")
                .containsEntry(
                        "message",
                        "refguard: cannot read the migrations: migration folder supabase/migrations"
                                + " cannot be read (" + folder + ": access denied)")
                .containsEntry("cause", "null")
                .containsEntry("frames", "0");
    }

    /** Runs the goal in-process and returns the exception it must throw, checked to be one clean line. */
    private MojoExecutionException executionFailure(Map<String, Object> parameters) {
        MojoExecutionException e = catchThrowableOfType(
                MojoExecutionException.class,
                () -> CheckMojoRunner.mojo(base, parameters).execute());
        assertThat(e).as("the goal must fail with a MojoExecutionException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        // Maven prints the stack and the causes under -e; a user error has neither
        assertThat(e.getCause()).isNull();
        assertThat(e.getStackTrace()).isEmpty();
        return e;
    }

    /**
     * Makes {@code folder} unreadable and runs the goal in a child JVM ({@link CheckMojoProbe}) that really cannot
     * read it. Root reads every folder whatever its permissions, so as root the child runs without the capabilities
     * that let it ({@code setpriv}, util-linux); it stays root, so it still reads the class path and the project.
     * The probe reports whether it could list the folder, and the test fails (never skips) if it could.
     */
    private Map<String, String> probeWithUnreadable(Path folder, String... directories) throws Exception {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system (Windows)");
        }
        try {
            List<String> args = new ArrayList<>(List.of(base.toString(), folder.toString()));
            args.addAll(List.of(directories));
            return Unprivileged.probe(folder, CheckMojoProbe.class, args);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
