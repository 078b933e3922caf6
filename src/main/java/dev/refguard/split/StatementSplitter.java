package dev.refguard.split;

import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts a migration file into statements with exact positions, following PostgreSQL's lexical rules and
 * psql's script conventions.
 *
 * <ul>
 *   <li>A {@code ;} ends a statement only outside strings ({@code '..'}, {@code E'..'} with backslash
 *       escapes, {@code U&'..'}, {@code B'..'}, {@code X'..'}), quoted identifiers, dollar quotes and
 *       (nested) comments. Parentheses do not matter, as in psql; the one exception is psql's own: in
 *       {@code CREATE FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END} the {@code ;}s inside the body do not
 *       end the statement.
 *   <li>A psql meta-command (a {@code \} at the start of a line, or where no statement has begun) is a
 *       statement of kind {@link StatementKind#PSQL_META} that ends at the end of its line; a statement
 *       still open before it ends there, as psql sends its buffer.
 *   <li>After {@code COPY ... FROM stdin;} (or {@code \copy ... from stdin}) the following lines are raw
 *       data up to a line that is just {@code \.}; they are not lexed and belong to no statement.
 *   <li>A quote, dollar quote or block comment that never ends gives a {@link SplitProblem} at the place
 *       where it starts. The statements before it are kept; the statement in which it occurs, and
 *       everything after it, becomes no statement (the problem is the only record of it).
 *   <li>A UTF-8 byte order mark at the very start is skipped: positions count as if it were absent
 *       (offsets still index the content as given).
 * </ul>
 *
 * <p>Statement text starts at the first char that is neither whitespace nor comment and ends after the
 * last such char before the {@code ;}; comments inside it are kept. Empty statements ({@code ;;}) are
 * dropped. Every comment outside strings is collected. The split never throws, runs in linear time and
 * uses no recursion.
 */
public final class StatementSplitter {
    private StatementSplitter() {}

    /** Splits {@code content}; never throws on any input. */
    public static SplitResult split(String content) {
        return split(content, true);
    }

    /**
     * Splits {@code content}; with {@code psql} false, a backslash or {@code COPY FROM stdin} has no
     * special meaning (PL/pgSQL bodies are not psql scripts) and a leading byte order mark is not skipped.
     */
    static SplitResult split(String content, boolean psql) {
        return new Run(content, psql, null).split();
    }

    /**
     * Splits {@code content}, handing each statement to {@code sink} as soon as it is cut rather than
     * collecting them: the result's statement list is empty. So a caller that reads statement by statement
     * never holds the text of all statements of a file at once (a file of bulk data would be held twice).
     */
    public static SplitResult split(String content, Consumer<SqlStatement> sink) {
        return new Run(content, true, Objects.requireNonNull(sink, "sink")).split();
    }

    /**
     * The statement text as used for fingerprints: comments dropped, every run of whitespace and
     * comments between two tokens made one space (none where the tokens touch), no leading or trailing
     * space. Strings and quoted identifiers are kept exactly.
     */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        SqlLexer lexer = new SqlLexer(text, 0, text.length());
        int previousEnd = -1;
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.isComment()) {
                continue;
            }
            if (previousEnd >= 0 && token.start() > previousEnd) {
                out.append(' ');
            }
            out.append(text, token.start(), token.end());
            previousEnd = token.end();
        }
        return out.toString();
    }

    /** The state of one split. */
    private static final class Run {
        private final String content;
        private final boolean psql;
        private final int begin;
        private final LineIndex lines;
        private final SqlLexer lexer;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlComment> comments = new ArrayList<>();
        private final List<SplitProblem> problems = new ArrayList<>();
        private final Consumer<SqlStatement> sink;

        // the statement being read: -1 when none has begun
        private int statementStart = -1;
        private int statementEnd = -1;
        private int tokenCount;
        private final String[] leadingWords = new String[4];
        private boolean routine;
        private int atomicDepth;

        Run(String content, boolean psql, Consumer<SqlStatement> sink) {
            this.content = content;
            this.psql = psql;
            this.sink = sink != null ? sink : statements::add;
            this.begin = psql && !content.isEmpty() && content.charAt(0) == '\uFEFF' ? 1 : 0;
            this.lines = LineIndex.of(content, psql);
            this.lexer = new SqlLexer(content, begin, content.length());
        }

        SplitResult split() {
            for (Token token = lexer.next(); token != null; token = lexer.next()) {
                if (!token.terminated()) {
                    problems.add(new SplitProblem(unterminated(token), line(token.start()), column(token.start())));
                    statementStart = -1;
                    break;
                }
                switch (token.type()) {
                    case LINE_COMMENT -> comment(token, token.start() + 2, token.end());
                    case BLOCK_COMMENT -> comment(token, token.start() + 2, token.end() - 2);
                    case SEMICOLON -> semicolon(token);
                    default -> {
                        if (psql
                                && token.isSymbol(content, '\\')
                                && (statementStart < 0 || startsLine(token.start()))) {
                            metaCommand(token);
                        } else {
                            significant(token);
                        }
                    }
                }
            }
            if (statementStart >= 0) {
                emit(null);
            }
            return new SplitResult(statements, comments, problems);
        }

        private void comment(Token token, int textStart, int textEnd) {
            comments.add(
                    new SqlComment(content.substring(textStart, textEnd), line(token.start()), column(token.start())));
        }

        private void semicolon(Token token) {
            if (statementStart < 0) {
                return; // an empty statement
            }
            if (atomicDepth > 0) {
                statementEnd = token.end(); // inside BEGIN ATOMIC ... END the ; belongs to the body
                return;
            }
            SqlStatement statement = emit(null);
            if (psql
                    && statement.kind() == StatementKind.IGNORED
                    && StatementClassifier.isCopyFromStdin(statement.text())) {
                skipCopyData(lines.lineOf(token.start()));
            }
        }

        private void significant(Token token) {
            if (statementStart < 0) {
                statementStart = token.start();
                tokenCount = 0;
                routine = false;
                atomicDepth = 0;
            }
            statementEnd = token.end();
            if (tokenCount < leadingWords.length) {
                leadingWords[tokenCount] = token.type() == Type.WORD ? upper(token) : "";
                tokenCount++;
                routine = isRoutine();
            } else if (routine && token.type() == Type.WORD) {
                // psql counts BEGIN ... END (and CASE ... END inside) in SQL-standard routine bodies
                if (token.isWord(content, "BEGIN")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && token.isWord(content, "CASE")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && token.isWord(content, "END")) {
                    atomicDepth--;
                }
            }
        }

        private boolean isRoutine() {
            if (tokenCount < 2 || !"CREATE".equals(leadingWords[0])) {
                return false;
            }
            String object = leadingWords[1];
            if ("OR".equals(object) && tokenCount >= 4 && "REPLACE".equals(leadingWords[2])) {
                object = leadingWords[3];
            }
            return "FUNCTION".equals(object) || "PROCEDURE".equals(object);
        }

        private void metaCommand(Token token) {
            if (statementStart >= 0) {
                emit(null);
            }
            int line = lines.lineOf(token.start());
            int end = lines.lineContentEnd(line, content);
            while (end > token.start() && SqlLexer.isWhitespace(content.charAt(end - 1))) {
                end--;
            }
            statementStart = token.start();
            statementEnd = end;
            SqlStatement meta = emit(StatementKind.PSQL_META);
            if (StatementClassifier.isCopyFromStdin(meta.text())) {
                skipCopyData(line);
            } else {
                lexer.moveTo(lines.nextLineStart(line));
            }
        }

        /** Skips the data lines after the line {@code commandLine} up to and including a line that is {@code \.}. */
        private void skipCopyData(int commandLine) {
            int total = lines.physicalLines();
            for (int line = commandLine + 1; line <= total; line++) {
                int start = lines.lineStart(line);
                int end = lines.lineContentEnd(line, content);
                while (end > start && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
                    end--;
                }
                if (end - start == 2 && content.charAt(start) == '\\' && content.charAt(start + 1) == '.') {
                    lexer.moveTo(lines.nextLineStart(line));
                    return;
                }
            }
            int dataStart = lines.nextLineStart(commandLine);
            if (dataStart < content.length()) {
                // psql would take the end of the file as the end of the data; say so, since the rest is hidden
                problems.add(new SplitProblem(
                        "COPY ... FROM stdin data has no terminating \\. line; the rest of the file is read as data",
                        commandLine + 1,
                        1));
            }
            lexer.moveTo(content.length());
        }

        private SqlStatement emit(StatementKind fixedKind) {
            String text = content.substring(statementStart, statementEnd);
            StatementKind kind = fixedKind != null ? fixedKind : StatementClassifier.classify(text);
            SqlStatement statement = new SqlStatement(
                    text, statementStart, statementEnd, line(statementStart), column(statementStart), kind);
            statementStart = -1;
            sink.accept(statement);
            return statement;
        }

        /** Whether only blanks stand between the start of its line and {@code offset}. */
        private boolean startsLine(int offset) {
            int i = offset - 1;
            while (i >= begin && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
                i--;
            }
            return i < begin || content.charAt(i) == '\n' || content.charAt(i) == '\r';
        }

        private String unterminated(Token token) {
            return switch (token.type()) {
                case DOLLAR_STRING ->
                    "unterminated dollar-quoted string "
                            + content.substring(token.start(), token.start() + token.tagLength())
                            + " starting here";
                case QUOTED_IDENTIFIER -> "unterminated quoted identifier starting here";
                case BLOCK_COMMENT -> "unterminated block comment starting here";
                default -> "unterminated quoted string starting here";
            };
        }

        private String upper(Token token) {
            return content.substring(token.start(), token.end()).toUpperCase(Locale.ROOT);
        }

        private int line(int offset) {
            return lines.lineOf(offset);
        }

        private int column(int offset) {
            return lines.columnOf(offset);
        }
    }
}
