package dev.refguard.maven;

import dev.refguard.report.ConsoleSink;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends the console report's lines to Maven's log, so they honour {@code -q} and land in the build log. Under a
 * parallel build ({@code mvn -T 2}) the modules' lines interleave, so each line then starts with the module's name.
 */
final class MavenLogSink implements ConsoleSink {
    private final Log log;
    private final String prefix;

    MavenLogSink(Log log) {
        this(log, "");
    }

    /**
     * A sink that starts every line with {@code prefix}.
     *
     * @param prefix e.g. {@code "[billing] "}; empty for none
     */
    MavenLogSink(Log log, String prefix) {
        this.log = log;
        this.prefix = prefix == null ? "" : prefix;
    }

    /**
     * The prefix of the console lines: {@code [artifactId] } when the build runs modules in parallel, so that the
     * findings of two modules can be told apart; empty otherwise, where Maven's own headers say which module runs.
     */
    static String prefix(boolean parallel, String moduleName) {
        return parallel && moduleName != null && !moduleName.isBlank() ? "[" + moduleName + "] " : "";
    }

    @Override
    public void info(String line) {
        log.info(prefix + line);
    }

    @Override
    public void warn(String line) {
        log.warn(prefix + line);
    }

    @Override
    public void error(String line) {
        log.error(prefix + line);
    }

    /**
     * A line for the CI runner (a GitHub workflow command such as {@code ::error file=...}): printed bare to standard
     * output, because the runner recognises a command only at the start of a line and Maven's log would prefix it
     * with {@code [ERROR] }; the file in the command says where it belongs.
     */
    @Override
    public void command(String line) {
        System.out.println(line);
    }
}
