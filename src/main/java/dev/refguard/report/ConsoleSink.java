package dev.refguard.report;

/** Where console lines go; the Mojo maps it to Maven's log, tests to a list. */
public interface ConsoleSink {
    void info(String line);

    void warn(String line);

    void error(String line);
}
