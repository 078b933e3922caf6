package dev.refguard.split;

/** Cuts a migration file into statements with exact positions (PostgreSQL lexical rules). */
public final class StatementSplitter {
    private StatementSplitter() {}

    /** Splits {@code content}; never throws on any input. */
    public static SplitResult split(String content) {
        throw new UnsupportedOperationException("TODO: splitter");
    }
}
