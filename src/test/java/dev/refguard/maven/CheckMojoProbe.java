package dev.refguard.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs the {@code check} goal's execute path in a process of its own, so that a test can run it with fewer
 * privileges than the test JVM has (root reads every folder whatever its permissions). Prints what happened as
 * {@code key: value} lines for the test to assert on.
 *
 * <p>Arguments: the project's base directory, a folder whose readability to report, then the {@code directories}
 * entries (none for auto-discovery).
 */
public final class CheckMojoProbe {
    private CheckMojoProbe() {}

    public static void main(String[] args) {
        Path base = Path.of(args[0]);
        System.out.println("listable: " + listable(Path.of(args[1])));
        List<String> directories = Arrays.asList(args).subList(2, args.length);
        Map<String, Object> parameters = directories.isEmpty() ? Map.of() : Map.of("directories", directories);
        try {
            CheckMojoRunner.mojo(base, parameters).execute();
            System.out.println("outcome: passed");
        } catch (MojoExecutionException | MojoFailureException e) {
            System.out.println("outcome: "
                    + (e instanceof MojoExecutionException ? "MojoExecutionException" : "MojoFailureException"));
            System.out.println("message: " + e.getMessage());
            System.out.println("cause: " + e.getCause());
            System.out.println("frames: " + e.getStackTrace().length);
        }
    }

    /** Whether this process can list {@code dir}: the proof that the check really ran on an unreadable folder. */
    private static boolean listable(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.iterator().hasNext();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
