package dev.refguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * For tests that need a process which cannot read a folder: root reads every folder whatever its permissions, so
 * as root a child process runs without the capabilities that let it ({@code setpriv}, util-linux). It stays root,
 * so it still reads the class path and the project.
 */
public final class Unprivileged {
    private Unprivileged() {}

    /**
     * The command prefix for a child that cannot read {@code folder} (made unreadable by the caller): none when
     * this JVM already cannot read it, else {@code setpriv} dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.
     * Fails the test (never skips it) when neither is possible.
     */
    public static List<String> prefixFor(Path folder) {
        if (!Files.isReadable(folder)) {
            return List.of();
        }
        for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")) {
            if (Files.isExecutable(Path.of(candidate))) {
                String caps = "-dac_override,-dac_read_search";
                return List.of(candidate, "--bounding-set", caps, "--inh-caps", caps, "--");
            }
        }
        return fail("this JVM reads folders without read permission (root), and setpriv (util-linux) is not"
                + " installed to run the check without that privilege");
    }

    /** The command that starts {@code mainClass} in a JVM with this test run's class path. */
    public static List<String> java(Class<?> mainClass) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                mainClass.getName());
    }

    /**
     * Runs {@code probe}, a main class that prints {@code key: value} lines (among them {@code listable: true|false}
     * for {@code folder}), in a child JVM that cannot read {@code folder}; returns its lines (Maven's own
     * {@code [LEVEL]} lines left out) and fails when the child could list the folder, since it then tested nothing.
     */
    public static Map<String, String> probe(Path folder, Class<?> probe, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefixFor(folder));
        command.addAll(java(probe));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("[")) {
                result.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        assertThat(result)
                .as("the probe could list the folder, so it tested nothing; its output:%n%s", output)
                .containsEntry("listable", "false");
        return result;
    }
}
