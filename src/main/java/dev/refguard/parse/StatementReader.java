package dev.refguard.parse;

import dev.refguard.parse.block.DoBodyReader;
import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.parse.tokens.FallbackReader;
import dev.refguard.source.Dialect;
import dev.refguard.split.LineIndex;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Chooses the reader of each model-relevant statement and turns its reading into a {@link
 * ParsedStatement}.
 *
 * <p>Each statement goes to JSqlParser first ({@link JSqlParserRun}); when it fails, or its AST cannot
 * be mapped faithfully, the token-level {@link FallbackReader} tries; a statement neither can read is
 * {@link ParseOutcome#UNREADABLE}. {@code CREATE FUNCTION}, {@code CREATE TRIGGER} and {@code SET
 * search_path}, which JSqlParser reads only opaquely, and the type definitions ({@code CREATE TYPE|DOMAIN},
 * {@code ALTER TYPE}, {@code DROP TYPE|DOMAIN}) go to the token reader directly. A {@code DO}
 * block's body is read into its control flow ({@link DoBodyReader}); its statements, marked conditional,
 * live inside the block's {@link SchemaChange.DoBlock}.
 *
 * <p>The readers say "cannot read" by their result, never by throwing. An exception out of a reader is a bug
 * in refguard: it does not end the run (nothing in SQL may), but the statement is unreadable with an
 * {@link InternalFailure} text naming the reader and the place in refguard's code, never taken for a
 * statement the readers do not know.
 */
final class StatementReader {
    /** How deep DO blocks inside DO blocks are opened. */
    private static final int MAX_DO_DEPTH = 3;

    private final JSqlParserRun jsqlParser;
    private final Dialect dialect;
    private final TokenReader tokenReader;

    /** The token-level reader: {@link FallbackReader#read}, or a failing one in tests. */
    @FunctionalInterface
    interface TokenReader {
        Optional<List<SchemaChange>> read(SqlStatement statement);
    }

    StatementReader(JSqlParserRun jsqlParser) {
        this(jsqlParser, Dialect.POSTGRESQL);
    }

    StatementReader(JSqlParserRun jsqlParser, Dialect dialect) {
        this(jsqlParser, dialect, FallbackReader::read);
    }

    StatementReader(JSqlParserRun jsqlParser, Dialect dialect, TokenReader tokenReader) {
        this.jsqlParser = jsqlParser;
        this.dialect = dialect;
        this.tokenReader = tokenReader;
    }

    /** One reader's reading: the changes, or why not (the reader's own words, or an internal error's text). */
    private record Reading(List<SchemaChange> changes, String failure) {
        static Reading failed(String failure) {
            return new Reading(null, failure);
        }

        boolean internalError() {
            return InternalFailure.isInternal(failure);
        }
    }

    /** Reads one model-relevant statement (and, for a DO block, the statements in its body) into {@code out}. */
    void read(
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
        // the body keeps PostgreSQL's control flow; its statements are read as any other (docs/replay.md, "Control
        // flow")
        DoBodyReader.Result body = DoBodyReader.read(statement, lines, inner -> readInner(inner, doDepth + 1, lines));
        switch (body.status()) {
            case NOT_PLPGSQL ->
                out.add(result(
                        statement,
                        conditional,
                        ParseOutcome.UNREADABLE,
                        List.of(),
                        "DO block in a language other than PL/pgSQL",
                        List.of()));
            case NO_BODY ->
                out.add(result(
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
        read(inner, true, doDepth, lines, one, new ArrayList<>());
        return one.get(0);
    }

    /** Reads one model-relevant statement that is not a DO block. */
    private ParsedStatement readStatement(SqlStatement statement, boolean conditional) {
        StatementKind kind = statement.kind();
        if (dialect.mysqlFamily() && (kind == StatementKind.CREATE_FUNCTION || kind == StatementKind.CREATE_TRIGGER)) {
            // MySQL's routines and triggers change rows, not tables or keys: nothing of them is modelled
            return result(statement, conditional, ParseOutcome.PARSED, List.of(), null, List.of());
        }
        if (dialect.mysqlFamily() && kind == StatementKind.TRANSACTION) {
            // MySQL's DDL is not transactional: each statement commits, and a ROLLBACK undoes no table
            return result(statement, conditional, ParseOutcome.PARSED, List.of(), null, List.of());
        }
        if (kind == StatementKind.SET_FOREIGN_KEY_CHECKS) {
            Matcher m = MysqlLexis.FOREIGN_KEY_CHECKS.matcher(statement.text());
            List<SchemaChange> changes = List.of();
            while (m.find()) {
                String value = m.group(1).toLowerCase(java.util.Locale.ROOT);
                boolean on = value.equals("1") || value.equals("on") || value.equals("true");
                changes = List.of(new SchemaChange.ForeignKeyChecks(
                        on, new SourcePosition(statement.line(), statement.column())));
            }
            return result(statement, conditional, ParseOutcome.PARSED, changes, null, List.of());
        }
        if (tokenReaderOnly(kind)) {
            Reading tokens = fallbackRead(statement, "the token reader could not read this " + describe(kind));
            if (tokens.changes() != null) {
                return result(statement, conditional, ParseOutcome.PARSED, tokens.changes(), null, List.of());
            }
            return unreadable(statement, conditional, tokens.failure());
        }
        Reading early = null;
        if (kind == StatementKind.ALTER_TABLE
                && !dialect.mysqlFamily()
                && FallbackReader.startsWithHarmlessAction(statement)) {
            // an ALTER TABLE whose every action leaves tables, columns and keys alone (ENABLE ROW LEVEL SECURITY,
            // OWNER TO, ...: DdlWords' harmless actions) needs no AST: its one change is the table's lookup, which
            // the token reader gives as JSqlParser would (ReaderAgreementTest) at a tenth of the cost; its first
            // words tell whether to try, so other ALTER TABLEs are not read twice
            early = fallbackRead(statement, null);
            if (early.changes() != null && lookupOnly(early.changes())) {
                return result(statement, conditional, ParseOutcome.PARSED, early.changes(), null, List.of());
            }
            if (early.internalError()) {
                return unreadable(statement, conditional, early.failure()); // a bug of the token reader shows
            }
        }
        Reading parsed = jsqlParserRead(statement);
        if (parsed.changes() != null) {
            return result(statement, conditional, ParseOutcome.PARSED, parsed.changes(), null, List.of());
        }
        if (parsed.internalError()) {
            // the token reader might read it, but then the bug would pass unseen: it is reported instead
            return unreadable(statement, conditional, parsed.failure());
        }
        Reading fallback = early == null
                ? fallbackRead(statement, parsed.failure())
                : early.changes() != null ? early : Reading.failed(parsed.failure()); // read once already
        if (fallback.changes() != null) {
            return result(
                    statement, conditional, ParseOutcome.FALLBACK, fallback.changes(), parsed.failure(), List.of());
        }
        return unreadable(statement, conditional, fallback.failure());
    }

    /** Whether {@code changes} is one {@code ALTER TABLE} without actions: the table is only looked up. */
    private static boolean lookupOnly(List<SchemaChange> changes) {
        return changes.size() == 1
                && changes.get(0) instanceof SchemaChange.AlterTable alter
                && alter.actions().isEmpty();
    }

    /** JSqlParser's reading, or the internal error of refguard's mapping of its AST. */
    private Reading jsqlParserRead(SqlStatement statement) {
        JSqlParserRun.Attempt attempt;
        try {
            attempt = jsqlParser.read(statement);
        } catch (RuntimeException | StackOverflowError e) {
            // JSqlParser's own failures are attempts; what is thrown is refguard's (the nesting guard keeps
            // the AST shallow, so even a stack overflow is a bug here)
            return Reading.failed(InternalFailure.describe("JSqlParser reader", e));
        }
        return attempt.changes() != null ? new Reading(attempt.changes(), null) : Reading.failed(attempt.failure());
    }

    /**
     * The token reader's reading; when it cannot read the statement, {@code failure} says why, and when it
     * throws, the internal error does.
     */
    private Reading fallbackRead(SqlStatement statement, String failure) {
        Optional<List<SchemaChange>> changes;
        try {
            changes = tokenReader.read(statement);
        } catch (RuntimeException | StackOverflowError e) {
            // the token reader does not recurse: a stack overflow is as much a bug as any exception
            return Reading.failed(InternalFailure.describe("token reader", e));
        }
        return changes.isPresent() ? new Reading(changes.get(), null) : Reading.failed(failure);
    }

    /** An unreadable statement, with the tables it names marked incomplete. */
    private ParsedStatement unreadable(SqlStatement statement, boolean conditional, String problem) {
        List<QualifiedName> touched;
        try {
            touched = FallbackReader.touchedTables(statement);
        } catch (RuntimeException | StackOverflowError e) {
            touched = List.of();
            String internal = InternalFailure.describe("token reader (listing the tables it names)", e);
            problem = InternalFailure.isInternal(problem) ? problem : internal + "; " + problem;
        }
        return result(statement, conditional, ParseOutcome.UNREADABLE, List.of(), problem, touched);
    }

    /**
     * Whether statements of {@code kind} go to the token reader directly, never to JSqlParser. JSqlParser keeps
     * these opaque, or drops what matters (an index's IF NOT EXISTS, CONCURRENTLY, a DROP INDEX): they are the token
     * reader's by design, not parser gaps.
     */
    static boolean tokenReaderOnly(StatementKind kind) {
        return kind == StatementKind.CREATE_FUNCTION
                || kind == StatementKind.CREATE_TRIGGER
                || kind == StatementKind.SET_SEARCH_PATH
                || kind == StatementKind.TYPE_DEFINITION
                || kind == StatementKind.CREATE_INDEX
                || kind == StatementKind.DROP_INDEX
                || kind == StatementKind.TRANSACTION
                || kind == StatementKind.CREATE_RELATION
                || kind == StatementKind.SELECT_INTO;
    }

    private static String describe(StatementKind kind) {
        return switch (kind) {
            case CREATE_FUNCTION -> "CREATE FUNCTION";
            case CREATE_TRIGGER -> "CREATE TRIGGER";
            case SET_SEARCH_PATH -> "search_path setting";
            case TYPE_DEFINITION -> "type definition";
            case SELECT_INTO -> "SELECT ... INTO";
            default -> kind.name();
        };
    }

    private ParsedStatement result(
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
                dialect.mysqlFamily() ? MysqlNames.apply(changes) : changes,
                outcome,
                problem,
                touchedTables,
                conditional);
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
}
