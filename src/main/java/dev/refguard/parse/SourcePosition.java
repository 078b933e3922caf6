package dev.refguard.parse;

/**
 * A place in a migration file.
 *
 * @param line 1-based line in the file
 * @param column 1-based column in the file
 */
public record SourcePosition(int line, int column) {}
