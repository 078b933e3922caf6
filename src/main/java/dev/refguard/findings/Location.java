package dev.refguard.findings;

import java.util.Comparator;

/**
 * Where a finding is.
 *
 * @param file path relative to the base directory, {@code /} separators; for an object only a database has (the
 *     {@code drift} goal), {@code database:<schema>.<table>[.<column>]}
 * @param line 1-based line; 0 when the finding is about a whole file or a database object
 * @param column 1-based column; 0 when unknown
 */
public record Location(String file, int line, int column) implements Comparable<Location> {
    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        if (line < 1) {
            return file; // a whole file, or a database object
        }
        return column < 1 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
