package dev.refguard.postgres;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies migration files to a PostgreSQL database as a migration tool does: each file in one transaction, sent
 * whole, so PostgreSQL's own parser (not the driver's, not refguard's) splits it into statements.
 */
public final class MigrationReplay {
    /**
     * A line comment that says PostgreSQL must reject the statement it stands in (or the one starting on the next
     * line); fixtures that exercise a rejection carry it, and PostgresGraphComparisonTest checks it.
     */
    public static final String REJECTION_MARKER = "-- postgres-rejects";

    private static final Pattern PSQL_META_COMMAND = Pattern.compile("(?m)^[ \\t]*\\\\[a-zA-Z!?]");
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?im)^\\s*copy\\s[^;]*?\\bfrom\\s+stdin\\b");
    /** Statements PostgreSQL refuses inside a transaction block, and a multi-statement message is one. */
    private static final Pattern OUTSIDE_TRANSACTION =
            Pattern.compile("(?is)\\b(?:create\\s+(?:unique\\s+)?index\\s+concurrently|drop\\s+index\\s+concurrently"
                    + "|reindex\\s[^;]*\\bconcurrently|create\\s+database|drop\\s+database|alter\\s+system)\\b"
                    + "|(?im)^\\s*vacuum\\b");

    private MigrationReplay() {}

    /**
     * The result of applying a list of files.
     *
     * @param failedIndex index of the file PostgreSQL rejected, or -1 when all applied
     * @param error PostgreSQL's error for that file, empty when all applied
     */
    public record Outcome(int failedIndex, String error) {
        /** Whether every file applied. */
        public boolean applied() {
            return failedIndex < 0;
        }
    }

    /** Reads a file as the text sent to PostgreSQL. */
    public static String read(Path file) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }

    /**
     * Why this file cannot be sent to PostgreSQL as one transaction over JDBC, or empty when it can. Such a file
     * is for psql (meta-commands, {@code COPY ... FROM stdin} data) or must run outside a transaction.
     */
    public static Optional<String> unsupportedReason(Path file) throws IOException {
        String sql;
        try {
            sql = read(file);
        } catch (CharacterCodingException e) {
            return Optional.of("it is not UTF-8");
        }
        if (sql.indexOf('\0') >= 0) {
            return Optional.of("it holds NUL bytes, which no PostgreSQL query string can carry");
        }
        if (PSQL_META_COMMAND.matcher(sql).find()) {
            return Optional.of("it holds psql meta-commands, which only psql runs");
        }
        if (COPY_FROM_STDIN.matcher(sql).find()) {
            return Optional.of("it holds COPY ... FROM stdin data, which only psql sends");
        }
        if (OUTSIDE_TRANSACTION.matcher(sql).find()) {
            return Optional.of("it holds a statement PostgreSQL runs only outside a transaction block");
        }
        return Optional.empty();
    }

    /** Whether the file says PostgreSQL must reject a statement of it ({@value #REJECTION_MARKER}). */
    public static boolean expectsRejection(Path file) throws IOException {
        return read(file).contains(REJECTION_MARKER);
    }

    /**
     * Applies {@code files} in order to {@code database}, one connection and transaction per file, and stops at
     * the first file PostgreSQL rejects. A fresh session per file keeps {@code SET search_path} and other
     * session settings of one file from leaking into the next, as with {@code psql -f} per file.
     */
    public static Outcome apply(PostgresServer server, String database, List<Path> files)
            throws IOException, SQLException {
        for (int i = 0; i < files.size(); i++) {
            Optional<String> error = applyFile(server, database, files.get(i));
            if (error.isPresent()) {
                return new Outcome(i, error.get());
            }
        }
        return new Outcome(-1, "");
    }

    /** Applies one file in one transaction; PostgreSQL's error (with its line) when it rejects it. */
    public static Optional<String> applyFile(PostgresServer server, String database, Path file)
            throws IOException, SQLException {
        String sql = read(file);
        try (Connection connection = server.connect(database)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                connection.commit();
                return Optional.empty();
            } catch (PSQLException e) {
                connection.rollback();
                return Optional.of(describe(e, sql));
            }
        }
    }

    private static String describe(PSQLException e, String sql) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null) {
            return e.getMessage();
        }
        StringBuilder text = new StringBuilder(server.getSQLState() + " " + server.getMessage());
        int position = server.getPosition();
        if (position > 0 && position <= sql.length()) {
            long line = sql.substring(0, position - 1)
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            text.append(" (line ").append(line).append(')');
        }
        if (server.getDetail() != null) {
            text.append(": ").append(server.getDetail());
        }
        if (server.getWhere() != null) {
            text.append(" where: ").append(server.getWhere().replace('\n', ' '));
        }
        return text.toString();
    }
}
