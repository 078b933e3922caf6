package dev.refguard.split;

/**
 * Something the splitter could not read cleanly, e.g. a quote or comment that never ends.
 *
 * @param message what is wrong, e.g. "unterminated dollar-quoted string $tag$"
 * @param line 1-based line where the problem starts
 * @param column 1-based column where the problem starts
 */
public record SplitProblem(String message, int line, int column) {}
