package dev.refguard.report;

/** Where console lines go; the Mojo maps it to Maven's log, tests to a list. */
public interface ConsoleSink {
    /** A line for the reader: a finding of severity info, the summary. */
    void info(String line);

    /** A warning line: a finding of severity warning, or that no migration file was found. */
    void warn(String line);

    /** An error line: a finding of severity error. */
    void error(String line);

    /**
     * A line for the CI runner rather than the reader: a GitHub workflow command ({@code ::error ...}). The
     * runner only recognises a command at the start of a line of standard output, so a sink that prefixes
     * lines (Maven's log writes {@code [INFO] }) must override this to print the line bare to standard
     * output. By default it goes to {@link #info}.
     */
    default void command(String line) {
        info(line);
    }
}
