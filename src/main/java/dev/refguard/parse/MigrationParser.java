package dev.refguard.parse;

import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.source.Dialect;
import dev.refguard.source.MigrationFile;
import dev.refguard.split.LineIndex;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SplitResult;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Parses migration files, in parallel over files on {@link ParseWorkers}: each file's text is brought in by
 * {@link FileReading} (size, memory budget, decoding), cut by the {@link StatementSplitter} and its
 * model-relevant statements read by the {@link StatementReader}. Never throws on file content.
 */
public final class MigrationParser implements AutoCloseable {
    /** How a suppression comment's text starts (after blanks); {@code Suppressions} reads only these. */
    private static final String DIRECTIVE = "refguard:";

    private final JSqlParserRun jsqlParser;
    private final ParseWorkers workers;
    private final StatementReader reader;
    private final Dialect dialect;
    private final FileReading fileReading = new FileReading();

    /**
     * Creates the parser and its threads (started on demand: at most {@code min(threads, files)}).
     *
     * @param statementTimeout the bound of one statement's parse; JSqlParser stops cooperatively, in its
     *     expression rules, which are where parse time can explode
     * @param threads worker threads (files are parsed in parallel)
     */
    public MigrationParser(Duration statementTimeout, int threads) {
        this(statementTimeout, threads, Dialect.POSTGRESQL);
    }

    /**
     * Creates the parser of {@code dialect}'s scripts: a MySQL or MariaDB file is first put in PostgreSQL's lexical
     * form, char for char ({@link MysqlLexis}), and its names follow MySQL's case rules ({@link MysqlNames}).
     */
    public MigrationParser(Duration statementTimeout, int threads, Dialect dialect) {
        this.jsqlParser = new JSqlParserRun(statementTimeout, dialect.mysqlFamily());
        this.workers = new ParseWorkers(threads);
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.reader = new StatementReader(jsqlParser, dialect);
    }

    /**
     * Parses every file, in parallel on the worker threads; the result is in the order of {@code files}.
     * A file that cannot be read or decoded gives a {@link ParsedFile} with the problem, never an exception.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public List<ParsedFile> parseAll(List<MigrationFile> files, Charset encoding) {
        Objects.requireNonNull(encoding, "encoding");
        List<Callable<ParsedFile>> tasks = new ArrayList<>(files.size());
        for (MigrationFile file : files) {
            tasks.add(() -> parseFile(file, encoding));
        }
        return workers.runAll(tasks);
    }

    /**
     * Parses content already in memory (tests), on a worker thread like a file.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public ParsedFile parseText(MigrationFile file, String content) {
        return workers.runAll(List.<Callable<ParsedFile>>of(() -> parse(file, content, List.of())))
                .get(0);
    }

    /** Stops the worker and watchdog threads; parses under way finish. */
    @Override
    public void close() {
        workers.close();
        jsqlParser.close();
    }

    private ParsedFile parseFile(MigrationFile file, Charset encoding) {
        try {
            return fileReading.read(file, encoding, text -> parse(file, text.text(), text.problems()));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in reading the file (the parse has its own guard): the run goes on without this file
            return FileReading.unreadFile(file, InternalFailure.describe(null, e) + " (this file was not read)");
        }
    }

    /** MySQL's {@code RENAME TABLE a TO b}: a statement PostgreSQL does not have, so not one the splitter knows. */
    private static boolean renamesTables(SqlStatement statement) {
        return RENAME_TABLE.matcher(statement.text()).lookingAt();
    }

    private static final java.util.regex.Pattern RENAME_TABLE =
            java.util.regex.Pattern.compile("(?i)RENAME\\s+TABLES?\\s");

    /** Splits and parses one file's text. */
    private ParsedFile parse(MigrationFile file, String written, List<SplitProblem> readProblems) {
        String content = dialect.mysqlFamily() ? MysqlLexis.toPostgres(written) : written;
        List<ParsedStatement> statements = new ArrayList<>();
        List<SqlComment> comments = new ArrayList<>();
        List<SplitProblem> problems = new ArrayList<>(readProblems);
        LineIndex lines = LineIndex.of(content);
        int[] skipped = {0};
        try {
            // statement by statement as they are cut, so no more than one statement's text is held at a time
            SplitResult split = StatementSplitter.split(content, statement -> {
                if (statement.kind().modelRelevant() || (dialect.mysqlFamily() && renamesTables(statement))) {
                    reader.read(statement, false, 0, lines, statements, comments);
                } else {
                    skipped[0]++; // bulk data is only counted: a record a row would outgrow the heap
                }
            });
            comments.addAll(split.comments());
            problems.addAll(split.problems());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in our own code must not end the run; it becomes a visible problem of this file, which is
            // read no further
            problems.add(new SplitProblem(
                    InternalFailure.describe(null, e) + " (the file was read up to the last statement before it)",
                    1,
                    1));
        }
        // only suppression directives are kept: a file of commented-out data must not stay in memory
        comments.removeIf(comment -> !comment.text().stripLeading().startsWith(DIRECTIVE));
        comments.sort(Comparator.comparingInt(SqlComment::line).thenComparingInt(SqlComment::column));
        problems.sort(Comparator.comparingInt(SplitProblem::line).thenComparingInt(SplitProblem::column));
        return new ParsedFile(file, statements, comments, problems, lines.lineCount(), skipped[0]);
    }
}
