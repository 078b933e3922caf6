package dev.refguard.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link AnalyzeMain} in a child JVM and reads what it prints. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * What the child printed: its exit code, every {@code finding=} line, and the other {@code key=value}
     * lines.
     */
    record Output(int exitCode, List<String> findings, Map<String, String> values, String text) {
        long number(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new AssertionError("the child printed no " + key + ":\n" + text);
            }
            return Long.parseLong(value);
        }
    }

    /** The java launcher of the running JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} (ending in a java command line), waits at most {@code timeoutSeconds}, and
     * parses its output.
     */
    static Output run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("refguard-child-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the child JVM did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return parse(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Output parse(int exitCode, String text) {
        List<String> findings = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("finding=")) {
                findings.add(line.substring("finding=".length()));
            } else if (eq > 0 && line.substring(0, eq).matches("[A-Za-z]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return new Output(exitCode, findings, values, text);
    }

    /** {@code java <jvmOptions> -cp <classpath> dev.refguard.hostile.AnalyzeMain <arguments>}. */
    static List<String> javaCommand(String classpath, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(AnalyzeMain.class.getName());
        command.addAll(arguments);
        return command;
    }
}
