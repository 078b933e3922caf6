package dev.refguard.engine;

import java.util.List;

/**
 * Counts of one analysis. Holds nothing machine- or time-dependent, so reports stay byte-identical.
 *
 * @param histories the histories found, as {@code root (layout)}
 * @param files migration files read
 * @param statements statements in them
 * @param parsed statements JSqlParser read
 * @param fallback statements only the token fallback read
 * @param skipped statements that cannot change the model (not parsed)
 * @param unreadable statements that can change the model but could not be read
 * @param tables tables at the end of the histories
 * @param foreignKeys foreign keys at the end of the histories
 * @param rejectedForeignKeys foreign keys declared that PostgreSQL would reject (missing target, type mismatch,
 *     ...), not counted in {@code foreignKeys}
 */
public record AnalysisStats(
        List<String> histories,
        int files,
        int statements,
        int parsed,
        int fallback,
        int skipped,
        int unreadable,
        int tables,
        int foreignKeys,
        int rejectedForeignKeys) {
    public AnalysisStats {
        histories = List.copyOf(histories);
    }

    /** Counts with no rejected foreign key. */
    public AnalysisStats(
            List<String> histories,
            int files,
            int statements,
            int parsed,
            int fallback,
            int skipped,
            int unreadable,
            int tables,
            int foreignKeys) {
        this(histories, files, statements, parsed, fallback, skipped, unreadable, tables, foreignKeys, 0);
    }

    /** Every foreign key declared: those in force and those PostgreSQL would reject. */
    public int declaredForeignKeys() {
        return foreignKeys + rejectedForeignKeys;
    }

    /** Statements read (parsed, by fallback or skipped by kind) as a share of all, in percent. */
    public double coveragePercent() {
        return statements == 0 ? 100.0 : 100.0 * (statements - unreadable) / statements;
    }
}
