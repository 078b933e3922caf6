package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenLogSinkTest {
    /** A log that remembers its lines, by level. */
    private static final class ListLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("info " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("warn " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("error " + content);
        }
    }

    @Test
    void namesTheModuleOnEveryLineOnlyUnderAParallelBuild() {
        assertThat(MavenLogSink.prefix(true, "billing")).isEqualTo("[billing] ");
        assertThat(MavenLogSink.prefix(false, "billing")).isEmpty();
        assertThat(MavenLogSink.prefix(true, null)).isEmpty();
    }

    @Test
    void prefixesInfoWarningAndErrorLines() {
        ListLog log = new ListLog();
        MavenLogSink sink = new MavenLogSink(log, MavenLogSink.prefix(true, "billing"));

        sink.error("a.sql:1:1: error[x] m");
        sink.warn("w");
        sink.info("refguard: 1 file");

        assertThat(log.lines)
                .containsExactly(
                        "error [billing] a.sql:1:1: error[x] m", "warn [billing] w", "info [billing] refguard: 1 file");
    }

    @Test
    void leavesLinesAloneInASerialBuild() {
        ListLog log = new ListLog();
        new MavenLogSink(log, MavenLogSink.prefix(false, "billing")).error("a.sql:1:1: error[x] m");

        assertThat(log.lines).containsExactly("error a.sql:1:1: error[x] m");
    }
}
