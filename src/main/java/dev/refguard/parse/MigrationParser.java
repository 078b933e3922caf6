package dev.refguard.parse;

import dev.refguard.source.MigrationFile;
import dev.refguard.parse.block.DoBodyReader;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SplitResult;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Reads, splits and parses migration files, in parallel over files, on a fixed pool of worker threads
 * with large stacks; each statement's parse is time-bounded. Never throws on file content.
 *
 * <p>Each statement of a kind that can change the model goes to JSqlParser (PostgreSQL dialect) on the
 * worker thread itself, guarded three ways: statements over {@value #MAX_STATEMENT_CHARS} chars or
 * nested more than {@value #MAX_NESTING_DEPTH} parentheses deep are not given to it (its recursive
 * descent grows about cubically with nesting); a shared watchdog sets the parser's cooperative
 * {@code interrupted} flag when the statement timeout elapses; and a {@link StackOverflowError} is caught.
 * When JSqlParser fails, or its AST cannot be mapped faithfully, the token-level {@link FallbackReader}
 * tries; a statement neither can read is {@link ParseOutcome#UNREADABLE}. {@code CREATE FUNCTION},
 * {@code CREATE TRIGGER} and {@code SET search_path}, which JSqlParser reads only opaquely, go to the
 * token reader directly. The statements inside {@code DO} blocks follow the block, marked conditional.
 */
public final class MigrationParser implements AutoCloseable {
    /**
     * Statements longer than this are not given to JSqlParser but read by the token reader directly. The
     * watchdog stops JSqlParser only inside expression rules, so a long statement without expressions (a
     * CREATE TABLE of 100,000 columns) would run to its end: about 20 microseconds a char, 11 s for such a
     * 900 KB table against under a second for the token reader. Real DDL stays far below: PostgreSQL allows
     * 1,600 columns to a table.
     */
    static final int MAX_STATEMENT_CHARS = 200_000;

    /** Deeper nesting is not given to JSqlParser: it would take minutes or overflow the stack. */
    static final int MAX_NESTING_DEPTH = 200;

    /** Files larger than this are reported, not read, so one stray dump cannot exhaust the heap. */
    static final long MAX_FILE_BYTES = 256L << 20;

    /** How deep DO blocks inside DO blocks are opened. */
    private static final int MAX_DO_DEPTH = 3;

    private static final int MAX_PROBLEM_LENGTH = 300;

    /** How a suppression comment's text starts (after blanks); {@code Suppressions} reads only these. */
    private static final String DIRECTIVE = "refguard:";

    private final long timeoutNanos;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor watchdog;
    private final MemoryBudget memory = new MemoryBudget(Runtime.getRuntime().maxMemory() / 8);

    /**
     * Creates the parser and its threads (started on demand: at most {@code min(threads, files)}).
     *
     * @param statementTimeout the bound of one statement's parse; JSqlParser stops cooperatively, in its
     *     expression rules, which are where parse time can explode
     * @param threads worker threads (files are parsed in parallel)
     */
    public MigrationParser(Duration statementTimeout, int threads) {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive: " + statementTimeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.timeoutNanos = statementTimeout.toNanos();
        AtomicInteger workerNumber = new AtomicInteger();
        // one core thread per submitted file until `threads` exist, so min(threads, files) are started
        this.workers = new ThreadPoolExecutor(
                threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    // a large stack: JSqlParser's recursive descent is deep even within the nesting guard
                    Thread thread =
                            new Thread(null, task, "refguard-parse-" + workerNumber.incrementAndGet(), 64L << 20);
                    thread.setDaemon(true);
                    return thread;
                });
        this.watchdog = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "refguard-parse-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * Parses every file, in parallel on the worker threads; the result is in the order of {@code files}.
     * A file that cannot be read or decoded gives a {@link ParsedFile} with the problem, never an exception.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public List<ParsedFile> parseAll(List<MigrationFile> files, Charset encoding) {
        Objects.requireNonNull(encoding, "encoding");
        List<Future<ParsedFile>> futures = new ArrayList<>(files.size());
        for (MigrationFile file : files) {
            futures.add(workers.submit(() -> parseFile(file, encoding)));
        }
        List<ParsedFile> parsed = new ArrayList<>(files.size());
        for (Future<ParsedFile> future : futures) {
            parsed.add(await(future, futures));
        }
        return parsed;
    }

    /**
     * Parses content already in memory (tests), on a worker thread like a file.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public ParsedFile parseText(MigrationFile file, String content) {
        Future<ParsedFile> future = workers.submit(() -> parse(file, content, List.of()));
        return await(future, List.of(future));
    }

    /** Stops the worker and watchdog threads; parses under way finish. */
    @Override
    public void close() {
        workers.shutdown();
        watchdog.shutdownNow();
    }

    private static ParsedFile await(Future<ParsedFile> future, List<Future<ParsedFile>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing migrations", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("parsing failed: " + cause, cause);
        }
    }

    private ParsedFile parseFile(MigrationFile file, Charset encoding) {
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
            return readAndParse(file, size, encoding);
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

    private ParsedFile readAndParse(MigrationFile file, long size, Charset encoding) {
        Decoded decoded;
        try {
            decoded = read(file.path(), size, encoding);
        } catch (IOException | RuntimeException e) {
            return unreadFile(file, "cannot read file: " + describe(e, file));
        }
        List<SplitProblem> problems = new ArrayList<>(2);
        String text = decoded.text();
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

    /** The decoded text and the char offset of the first undecodable input (-1 when none). */
    record Decoded(String text, int firstMalformed) {}

    /** Bytes read, and chars decoded, at a time. */
    private static final int CHUNK = 1 << 16;

    /**
     * Reads and decodes a file in chunks straight into its text, so the peak is the text twice (the
     * builder and the string made of it) rather than the bytes plus a char buffer plus the string, five
     * times the file for ASCII. Latin-1 text takes a byte a char, other text two.
     */
    static Decoded read(Path path, long size, Charset charset) throws IOException {
        try (ReadableByteChannel channel = Files.newByteChannel(path)) {
            return decode(channel, (int) Math.min(Integer.MAX_VALUE - 64L, size), charset);
        }
    }

    /** Decodes {@code bytes}, replacing undecodable input with U+FFFD and noting where the first one was. */
    static Decoded decode(byte[] bytes, Charset charset) {
        try {
            return decode(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to be read
        }
    }

    private static Decoded decode(ReadableByteChannel channel, int sizeHint, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String replacement = decoder.replacement();
        // chars do not outnumber bytes in the charsets migrations are written in, so this is the final size
        StringBuilder text = new StringBuilder(Math.max(16, sizeHint));
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        int firstMalformed = -1;
        boolean endOfInput = false;
        while (true) {
            if (!endOfInput && channel.read(in) < 0) {
                endOfInput = true;
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, endOfInput);
            text.append(out.array(), 0, out.position());
            out.clear();
            if (result.isError()) {
                if (firstMalformed < 0) {
                    firstMalformed = text.length();
                }
                text.append(replacement);
                in.position(in.position() + result.length());
            } else if (result.isUnderflow() && endOfInput) {
                break;
            }
            in.compact();
        }
        while (decoder.flush(out).isOverflow()) {
            text.append(out.array(), 0, out.position());
            out.clear();
        }
        text.append(out.array(), 0, out.position());
        return new Decoded(text.toString(), firstMalformed);
    }

    /** Splits and parses one file's text. */
    private ParsedFile parse(MigrationFile file, String content, List<SplitProblem> readProblems) {
        List<ParsedStatement> statements = new ArrayList<>();
        List<SqlComment> comments = new ArrayList<>();
        List<SplitProblem> problems = new ArrayList<>(readProblems);
        LineIndex lines = LineIndex.of(content);
        int[] skipped = {0};
        try {
            // statement by statement as they are cut, so no more than one statement's text is held at a time
            SplitResult split = StatementSplitter.split(content, statement -> {
                if (statement.kind().modelRelevant()) {
                    read(statement, false, 0, lines, statements, comments);
                } else {
                    skipped[0]++; // bulk data is only counted: a record a row would outgrow the heap
                }
            });
            comments.addAll(split.comments());
            problems.addAll(split.problems());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in our own code must not end the run; it becomes a visible problem of this file
            problems.add(new SplitProblem("internal error while reading this file: " + e, 1, 1));
        }
        // only suppression directives are kept: a file of commented-out data must not stay in memory
        comments.removeIf(comment -> !comment.text().stripLeading().startsWith(DIRECTIVE));
        comments.sort(Comparator.comparingInt(SqlComment::line).thenComparingInt(SqlComment::column));
        problems.sort(Comparator.comparingInt(SplitProblem::line).thenComparingInt(SplitProblem::column));
        return new ParsedFile(file, statements, comments, problems, lines.lineCount(), skipped[0]);
    }

    /** Reads one model-relevant statement (and, for a DO block, the statements in its body) into {@code out}. */
    private void read(
            SqlStatement statement,
            boolean conditional,
            int doDepth,
            LineIndex lines,
            List<ParsedStatement> out,
            List<SqlComment> comments) {
        StatementKind kind = statement.kind();
        if (kind != StatementKind.DO_BLOCK) {
            out.add(readStatement(statement, conditional));
            return;
        }
        if (doDepth >= MAX_DO_DEPTH) {
            out.add(result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "DO blocks nested more than " + MAX_DO_DEPTH + " deep are not read",
                    List.of()));
            return;
        }
        // the body keeps PostgreSQL's control flow; its statements are read as any other (docs/replay-guards.md)
        DoBodyReader.Result body = DoBodyReader.read(statement, lines, inner -> readInner(inner, doDepth + 1, lines));
        switch (body.status()) {
            case NOT_PLPGSQL -> out.add(result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "DO block in a language other than PL/pgSQL",
                    List.of()));
            case NO_BODY -> out.add(result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "the body of this DO block is not in a dollar-quoted or plain string",
                    List.of()));
            default -> {
                SchemaChange.DoBlock block = new SchemaChange.DoBlock(
                        body.steps(), new SourcePosition(statement.line(), statement.column()));
                out.add(result(statement, conditional, ParseOutcome.PARSED, List.of(block), null, List.of()));
                comments.addAll(body.comments());
            }
        }
    }

    /** One statement inside a DO block's body (a nested DO block is read to {@value #MAX_DO_DEPTH} levels). */
    private ParsedStatement readInner(SqlStatement inner, int doDepth, LineIndex lines) {
        List<ParsedStatement> one = new ArrayList<>(1);
        List<SqlComment> ignored = new ArrayList<>();
        read(inner, true, doDepth, lines, one, ignored);
        return one.get(0);
    }

    /** Reads one model-relevant statement that is not a DO block. */
    private ParsedStatement readStatement(SqlStatement statement, boolean conditional) {
        StatementKind kind = statement.kind();
        if (kind == StatementKind.CREATE_FUNCTION
                || kind == StatementKind.CREATE_TRIGGER
                || kind == StatementKind.SET_SEARCH_PATH) {
            // JSqlParser keeps these opaque; they are the token reader's by design, not parser gaps
            Optional<List<SchemaChange>> changes = fallbackRead(statement);
            if (changes.isPresent()) {
                return result(statement, conditional, ParseOutcome.PARSED, changes.get(), null, List.of());
            }
            return result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "the token reader could not read this " + describe(kind),
                    touchedTables(statement));
        }
        Attempt attempt = parseWithJSqlParser(statement);
        if (attempt.changes() != null) {
            return result(statement, conditional, ParseOutcome.PARSED, attempt.changes(), null, List.of());
        }
        Optional<List<SchemaChange>> fallback = fallbackRead(statement);
        if (fallback.isPresent()) {
            return result(statement, conditional, ParseOutcome.FALLBACK, fallback.get(), attempt.failure(), List.of());
        }
        return result(
                statement,
                conditional,
                ParseOutcome.UNREADABLE,
                List.of(),
                attempt.failure(),
                touchedTables(statement));
    }

    private static String describe(StatementKind kind) {
        return switch (kind) {
            case CREATE_FUNCTION -> "CREATE FUNCTION";
            case CREATE_TRIGGER -> "CREATE TRIGGER";
            case SET_SEARCH_PATH -> "search_path setting";
            default -> kind.name();
        };
    }

    /** JSqlParser's reading: the changes, or why it failed. */
    private record Attempt(List<SchemaChange> changes, String failure) {
        static Attempt failed(String failure) {
            return new Attempt(null, failure);
        }
    }

    private Attempt parseWithJSqlParser(SqlStatement statement) {
        String text = statement.text();
        if (text.length() > MAX_STATEMENT_CHARS) {
            return Attempt.failed("statement too long for the parser (" + text.length() + " chars)");
        }
        int depth;
        try {
            depth = CCJSqlParserUtil.getNestingDepth(text);
        } catch (RuntimeException e) {
            return Attempt.failed("cannot measure the nesting of this statement: " + firstLine(e));
        }
        if (depth > MAX_NESTING_DEPTH) {
            return Attempt.failed(
                    "statement nested " + depth + " levels deep; the parser reads at most " + MAX_NESTING_DEPTH);
        }
        CCJSqlParser parser = null;
        ScheduledFuture<?> timer = null;
        Statement ast;
        try {
            parser = CCJSqlParserUtil.newParser(text).withDialect(Dialect.POSTGRESQL);
            CCJSqlParser watched = parser;
            timer = watchdog.schedule(() -> watched.interrupted = true, timeoutNanos, TimeUnit.NANOSECONDS);
            ast = parser.Statement();
            if (parser.interrupted) {
                // the flag steers lookaheads, so a parse that finished after it was set cannot be trusted
                return Attempt.failed(timedOut());
            }
            Token next = parser.getToken(1);
            if (next != null && next.kind != CCJSqlParserConstants.EOF) {
                return Attempt.failed("the parser stopped before the end of the statement, at line " + next.beginLine
                        + ", column " + next.beginColumn);
            }
        } catch (Exception e) {
            return Attempt.failed(parser != null && parser.interrupted ? timedOut() : firstLine(e));
        } catch (StackOverflowError e) {
            return Attempt.failed("statement too deeply nested for the parser");
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (ast == null || ast instanceof UnsupportedStatement) {
            return Attempt.failed("the parser does not support this statement");
        }
        try {
            return new Attempt(JSqlParserReader.map(ast, statement), null);
        } catch (IllegalArgumentException e) {
            return Attempt.failed(firstLine(e));
        } catch (RuntimeException e) {
            return Attempt.failed("internal error mapping the parsed statement: " + firstLine(e));
        }
    }

    private String timedOut() {
        return "parse timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
    }

    private static Optional<List<SchemaChange>> fallbackRead(SqlStatement statement) {
        try {
            Optional<List<SchemaChange>> changes = FallbackReader.read(statement);
            return changes == null ? Optional.empty() : changes;
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // the reader's failure is "could not read", never the run's end
        }
    }

    private static List<QualifiedName> touchedTables(SqlStatement statement) {
        try {
            List<QualifiedName> tables = FallbackReader.touchedTables(statement);
            return tables == null ? List.of() : tables;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static ParsedStatement result(
            SqlStatement statement,
            boolean conditional,
            ParseOutcome outcome,
            List<SchemaChange> changes,
            String problem,
            List<QualifiedName> touchedTables) {
        return new ParsedStatement(
                statement.kind(),
                statement.line(),
                statement.column(),
                fingerprint(statement.text()),
                changes,
                outcome,
                problem,
                touchedTables,
                conditional);
    }

    /**
     * Bounds the bytes of the files being read at once. Reading a file holds its text about twice at its
     * peak (three to five times its size), so worker threads reading large files side by side could
     * exhaust a heap that holds each of them alone: a file that does not fit the budget beside the others
     * waits until they are done, and one larger than the whole budget is read alone.
     */
    private static final class MemoryBudget {
        private final long limit;
        private long inFlight;

        MemoryBudget(long limit) {
            this.limit = Math.max(limit, 1L << 20);
        }

        synchronized void acquire(long bytes) throws InterruptedException {
            while (inFlight > 0 && inFlight + bytes > limit) {
                wait();
            }
            inFlight += bytes;
        }

        synchronized void release(long bytes) {
            inFlight -= bytes;
            notifyAll();
        }
    }

    /**
     * The first 16 hex digits of the SHA-256 of the statement with comments dropped and whitespace runs
     * collapsed, so edits of layout or comments do not change it.
     */
    static String fingerprint(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(StatementSplitter.normalize(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_PROBLEM_LENGTH ? line.substring(0, MAX_PROBLEM_LENGTH) + "..." : line;
    }
}
