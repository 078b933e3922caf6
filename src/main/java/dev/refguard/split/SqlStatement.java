package dev.refguard.split;

/**
 * One statement cut from a file, with exact coordinates in that file.
 *
 * @param text the statement text without the terminating semicolon; leading comments and whitespace
 *     are not part of it
 * @param startOffset offset (in chars) of the first character of {@code text} in the file content
 * @param endOffset offset just past the last character of {@code text}
 * @param line 1-based line of the first character
 * @param column 1-based column of the first character
 * @param kind the classification by leading keywords
 */
public record SqlStatement(String text, int startOffset, int endOffset, int line, int column, StatementKind kind) {}
