package dev.refguard.findings;

import java.util.Comparator;

/**
 * Where a finding is.
 *
 * @param file path relative to the base directory, {@code /} separators
 * @param line 1-based line
 * @param column 1-based column
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
        return file + ":" + line + ":" + column;
    }
}
