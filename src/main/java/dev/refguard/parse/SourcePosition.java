package dev.refguard.parse;

/**
 * A place in a migration file.
 *
 * @param line 1-based line in the file
 * @param column 1-based column in the file
 */
public record SourcePosition(int line, int column) {

    /**
     * The file position of a place given relative to a statement that starts at {@code statementLine},
     * {@code statementColumn}: the statement's first line starts mid-line in the file, so its columns
     * are shifted by the statement's column; later lines start at column 1.
     */
    public static SourcePosition inStatement(
            int statementLine, int statementColumn, int relativeLine, int relativeColumn) {
        return relativeLine == 1
                ? new SourcePosition(statementLine, statementColumn + relativeColumn - 1)
                : new SourcePosition(statementLine + relativeLine - 1, relativeColumn);
    }
}
