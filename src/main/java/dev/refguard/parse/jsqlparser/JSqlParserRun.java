package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.SchemaChange;
import dev.refguard.split.SqlStatement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * One statement's run through JSqlParser (PostgreSQL dialect) and {@link JSqlParserReader}, guarded
 * three ways: statements over {@value #MAX_STATEMENT_CHARS} chars or nested more than {@value
 * #MAX_NESTING_DEPTH} parentheses deep are not given to it (its recursive descent grows about cubically
 * with nesting); a shared watchdog sets the parser's cooperative {@code interrupted} flag when the
 * statement timeout elapses; and a {@link StackOverflowError} is caught.
 */
public final class JSqlParserRun implements AutoCloseable {
    /**
     * Statements longer than this are not given to JSqlParser but read by the token reader directly. The
     * watchdog stops JSqlParser only inside expression rules, so a long statement without expressions (a
     * CREATE TABLE of 100,000 columns) would run to its end: about 20 microseconds a char, 11 s for such a
     * 900 KB table against under a second for the token reader. Real DDL stays far below: PostgreSQL allows
     * 1,600 columns to a table.
     */
    public static final int MAX_STATEMENT_CHARS = 200_000;

    /** Deeper nesting is not given to JSqlParser: it would take minutes or overflow the stack. */
    static final int MAX_NESTING_DEPTH = 200;

    private static final int MAX_PROBLEM_LENGTH = 300;

    /**
     * A parser is reused (by {@code ReInit}) only after statements up to this length: its lookahead caches
     * are keyed by the tokens of earlier statements and are never cleared, so what it keeps stays small.
     */
    private static final int REUSE_MAX_CHARS = 8_000;

    /** How many statements one parser reads before a fresh one is made (its caches bounded the same way). */
    private static final int REUSE_MAX_STATEMENTS = 64;

    /**
     * Each thread's parser, kept for the next statement after a clean parse only: {@code ReInit} resets the
     * input and the lookahead state but not the tree builder's stack, the counters or the caches that a
     * failed or interrupted parse may leave behind, so such a parser is dropped. Constructing a parser
     * costs about a fifth of a typical statement's parse.
     */
    private final ThreadLocal<Reusable> reusable = new ThreadLocal<>();

    private static final class Reusable {
        final CCJSqlParser parser;
        int uses;

        Reusable(CCJSqlParser parser) {
            this.parser = parser;
        }
    }

    /** Whether MySQL's own ALTER TABLE actions are read (a MySQL or MariaDB file). */
    private final boolean mysql;

    private final long timeoutNanos;
    private final ScheduledThreadPoolExecutor watchdog;

    /**
     * JSqlParser's reading of one statement: the changes, or why it failed.
     *
     * @param changes the schema changes, or null when the statement was not read
     * @param failure why it was not read (one line), or null when it was
     */
    public record Attempt(List<SchemaChange> changes, String failure) {
        static Attempt read(List<SchemaChange> changes) {
            return new Attempt(Objects.requireNonNull(changes, "changes"), null);
        }

        static Attempt failed(String failure) {
            return new Attempt(null, clip(failure));
        }
    }

    /**
     * Creates the run and its watchdog thread.
     *
     * @param statementTimeout the bound of one statement's parse; JSqlParser stops cooperatively, in its
     *     expression rules, which are where parse time can explode
     */
    public JSqlParserRun(Duration statementTimeout) {
        this(statementTimeout, false);
    }

    /**
     * Like {@link #JSqlParserRun(Duration)}; with {@code mysql}, MySQL's own ALTER TABLE actions are read too.
     */
    public JSqlParserRun(Duration statementTimeout, boolean mysql) {
        this.mysql = mysql;
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive: " + statementTimeout);
        }
        this.timeoutNanos = statementTimeout.toNanos();
        this.watchdog = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "refguard-parse-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // one sweep a tick instead of a timer per statement: scheduling and cancelling a timer for every
        // statement woke the watchdog thread twice a statement and made the parse threads queue on its lock
        long tick = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, timeoutNanos / 4));
        this.watchdog.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** The shortest and the longest pause between two sweeps of the watchdog. */
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * One parse under way, as the watchdog sees it. The flag is set only under the watch's lock and while it is not
     * done, so it never reaches a parser after its statement, when the parser may be reading the next one.
     */
    private static final class Watch {
        final CCJSqlParser parser;
        final long deadline;
        private boolean done;

        Watch(CCJSqlParser parser, long deadline) {
            this.parser = parser;
            this.deadline = deadline;
        }

        synchronized void stopIfLate(long now) {
            if (!done && now - deadline >= 0) {
                parser.interrupted = true;
            }
        }

        synchronized void finish() {
            done = true;
        }
    }

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();

    /** Stops every parse past its deadline (JSqlParser checks the flag in its expression rules). */
    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            watch.stopIfLate(now);
        }
    }

    /**
     * Parses and maps one statement. What JSqlParser cannot parse, or refguard cannot map faithfully, is a
     * failed attempt; an exception is a bug in refguard's mapping of the AST, never a property of the SQL.
     */
    public Attempt read(SqlStatement statement) {
        String text = statement.text();
        if (text.length() > MAX_STATEMENT_CHARS) {
            return Attempt.failed("statement too long for the parser (" + text.length() + " chars)");
        }
        // a plain count of parentheses over the chars: it cannot fail
        int depth = CCJSqlParserUtil.getNestingDepth(text);
        if (depth > MAX_NESTING_DEPTH) {
            return Attempt.failed(
                    "statement nested " + depth + " levels deep; the parser reads at most " + MAX_NESTING_DEPTH);
        }
        CCJSqlParser parser = null;
        Watch watch = null;
        Statement ast;
        Reusable kept = reusable.get();
        reusable.remove(); // kept again below only when this parse ends cleanly
        boolean clean = false;
        try {
            if (kept != null && !text.isEmpty()) {
                parser = kept.parser;
                parser.ReInit(new StringProvider(text));
                parser.interrupted = false; // ReInit leaves the flag
            } else {
                parser = CCJSqlParserUtil.newParser(text).withDialect(Dialect.POSTGRESQL);
                kept = new Reusable(parser);
            }
            watch = new Watch(parser, System.nanoTime() + timeoutNanos);
            watched.add(watch);
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
            clean = true;
        } catch (ParseException | TokenMgrException e) {
            // what JSqlParser documents for a statement it cannot read: its grammar's and its lexer's errors
            return Attempt.failed(parser != null && parser.interrupted ? timedOut() : firstLine(e));
        } catch (RuntimeException e) {
            // JSqlParser's own code failing on an input it does not foresee (its bug, not refguard's): the
            // statement is still the token reader's to try, so it is a failed attempt that names the library
            return Attempt.failed(
                    parser != null && parser.interrupted
                            ? timedOut()
                            : "JSqlParser failed: " + e.getClass().getSimpleName() + detail(e));
        } catch (StackOverflowError e) {
            return Attempt.failed("statement too deeply nested for the parser");
        } finally {
            if (watch != null) {
                watch.finish(); // from here on the watchdog leaves this parser alone
                watched.remove(watch);
            }
            boolean stopped = parser != null && parser.interrupted;
            if (clean && !stopped && text.length() <= REUSE_MAX_CHARS && ++kept.uses < REUSE_MAX_STATEMENTS) {
                reusable.set(kept);
            }
        }
        if (ast == null || ast instanceof UnsupportedStatement) {
            return Attempt.failed("the parser does not support this statement");
        }
        return JSqlParserReader.map(ast, statement, mysql);
    }

    /** Stops the watchdog thread. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private String timedOut() {
        return "parse timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }

    /** ": " and the first line of the exception's message, or nothing when it has none. */
    private static String detail(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "" : ": " + firstLine(e);
    }

    private static String clip(String failure) {
        return failure.length() > MAX_PROBLEM_LENGTH ? failure.substring(0, MAX_PROBLEM_LENGTH) + "..." : failure;
    }
}
