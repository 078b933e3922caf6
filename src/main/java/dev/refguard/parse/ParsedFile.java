package dev.refguard.parse;

import dev.refguard.source.MigrationFile;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SqlComment;
import java.util.List;

/**
 * One migration file after splitting and parsing.
 *
 * @param file the file
 * @param statements the statements that can change the model, in file order (those inside DO blocks
 *     follow their block)
 * @param comments the comments that may be suppression directives (their text starts with
 *     {@code refguard:}), in file order; other comments are not kept
 * @param problems what the splitter could not read (unterminated quotes, ...), and read errors
 *     (undecodable bytes, I/O)
 * @param lineCount the number of lines of the file, so findings can be checked against it
 * @param skippedStatements how many statements could not change the model (INSERT, GRANT, COPY, ...)
 *     and were only counted, not parsed: a record for each row of seed data would outgrow the heap
 */
public record ParsedFile(
        MigrationFile file,
        List<ParsedStatement> statements,
        List<SqlComment> comments,
        List<SplitProblem> problems,
        int lineCount,
        int skippedStatements) {
    public ParsedFile {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
        problems = List.copyOf(problems);
    }
}
