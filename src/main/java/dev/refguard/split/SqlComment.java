package dev.refguard.split;

/**
 * A comment found while splitting (outside any string). Suppression comments are read from these.
 *
 * @param text the comment text without its {@code --} or {@code /* *}{@code /} delimiters
 * @param line 1-based line where the comment starts
 * @param column 1-based column where the comment starts
 */
public record SqlComment(String text, int line, int column) {}
