package dev.refguard.maven;

import dev.refguard.report.ConsoleSink;
import org.apache.maven.plugin.logging.Log;

/** Sends the console report's lines to Maven's log, so they honour {@code -q} and land in the build log. */
final class MavenLogSink implements ConsoleSink {
    private final Log log;

    MavenLogSink(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    /**
     * A line for the CI runner (a GitHub workflow command such as {@code ::error file=...}): printed bare to standard
     * output, because the runner recognises a command only at the start of a line and Maven's log would prefix it
     * with {@code [ERROR] }.
     */
    @Override
    public void command(String line) {
        System.out.println(line);
    }
}
