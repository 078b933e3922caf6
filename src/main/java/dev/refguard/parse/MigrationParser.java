package dev.refguard.parse;

import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.source.Dialect;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.SqlText;
import dev.refguard.split.LineIndex;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SplitResult;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reads, splits and parses migration files, in parallel over files on {@link ParseWorkers}, within a
 * {@link MemoryBudget}; each file is decoded by {@link FileDecoder}, cut by the {@link StatementSplitter}
 * and its model-relevant statements read by the {@link StatementReader}. Never throws on file content.
 */
public final class MigrationParser implements AutoCloseable {
    /** Files larger than this are reported, not read, so one stray dump cannot exhaust the heap. */
    static final long MAX_FILE_BYTES = 256L << 20;

    /** How a suppression comment's text starts (after blanks); {@code Suppressions} reads only these. */
    private static final String DIRECTIVE = "refguard:";

    private final JSqlParserRun jsqlParser;
    private final ParseWorkers workers;
    private final StatementReader reader;
    private final Dialect dialect;
    private final MemoryBudget memory = new MemoryBudget(Runtime.getRuntime().maxMemory() / 8);

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
        if (file.sqlText() instanceof SqlText.Generated generated) {
            List<SplitProblem> problems = new ArrayList<>();
            generated.problems().forEach(p -> problems.add(new SplitProblem(p.message(), Math.max(1, p.line()), 1)));
            return parse(file, generated.text(), problems);
        }
        long size;
        try {
            size = Files.size(file.path());
        } catch (IOException | RuntimeException e) {
            return unreadFile(file, "cannot read file: " + describe(e, file));
        }
        if (size > MAX_FILE_BYTES) {
            return unreadFile(
                    file, "file is too large to analyse (" + size + " bytes; the limit is " + MAX_FILE_BYTES + ")");
        }
        try {
            memory.acquire(size);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreadFile(file, "interrupted before reading this file");
        }
        try {
            return readAndParseRetried(file, size, encoding);
        } catch (OutOfMemoryError e) {
            // the last resort: the file's text is garbage now, so the other files can still be read
            return unreadFile(
                    file,
                    "not enough memory to read this file (" + size + " bytes, with a heap of "
                            + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MB); give the JVM more heap, e.g. MAVEN_OPTS=-Xmx2g");
        } finally {
            memory.release(size);
        }
    }

    /**
     * Reads a file once more when the first attempt ran out of memory: a large file's text needs long runs of
     * free heap, which a heap close to its limit may only have once the first attempt's garbage is gone (seen
     * intermittently on the 1 GB history in a 512 MB heap).
     */
    private ParsedFile readAndParseRetried(MigrationFile file, long size, Charset encoding) {
        try {
            return readAndParse(file, size, encoding);
        } catch (OutOfMemoryError first) {
            System.gc();
            return readAndParse(file, size, encoding);
        }
    }

    private ParsedFile readAndParse(MigrationFile file, long size, Charset encoding) {
        FileDecoder.Decoded decoded;
        try {
            decoded = FileDecoder.read(file.path(), size, encoding);
        } catch (IOException | RuntimeException e) {
            return unreadFile(file, "cannot read file: " + describe(e, file));
        }
        List<SplitProblem> problems = new ArrayList<>(2);
        String text = decoded.text();
        if (file.sqlText() instanceof SqlText.Rewritten rewritten) {
            // line for line: what the tool does not run is blanked, placeholders replaced
            text = rewritten.rewrite().apply(text);
        }
        LineIndex lines = null;
        if (decoded.firstMalformed() >= 0) {
            lines = LineIndex.of(text);
            int line = lines.lineOf(decoded.firstMalformed());
            problems.add(new SplitProblem(
                    "file is not valid " + encoding.name() + ": undecodable bytes at line " + line,
                    line,
                    lines.columnOf(decoded.firstMalformed())));
        }
        // PostgreSQL cannot take a NUL in a query text and psql silently cuts the line at one, so what
        // runs is not what the file shows: say where the file is damaged (the rest is still read)
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            lines = lines != null ? lines : LineIndex.of(text);
            int line = lines.lineOf(nul);
            problems.add(new SplitProblem(
                    "file contains a NUL byte (binary data?) at line " + line + "; PostgreSQL rejects it",
                    line,
                    lines.columnOf(nul)));
        }
        return parse(file, text, problems);
    }

    /** MySQL's {@code RENAME TABLE a TO b}: a statement PostgreSQL does not have, so not one the splitter knows. */
    private static boolean renamesTables(SqlStatement statement) {
        return RENAME_TABLE.matcher(statement.text()).lookingAt();
    }

    private static final java.util.regex.Pattern RENAME_TABLE =
            java.util.regex.Pattern.compile("(?i)RENAME\\s+TABLES?\\s");

    private static ParsedFile unreadFile(MigrationFile file, String message) {
        return new ParsedFile(file, List.of(), List.of(), List.of(new SplitProblem(message, 1, 1)), 0, 0);
    }

    /** The reason of an I/O error, without the machine's absolute path (reports must be portable). */
    private static String describe(Exception e, MigrationFile file) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replace(file.path().toString(), file.relativePath());
    }

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
