package dev.refguard.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a migration file with {@code psql -f}, as a migration runner that shells out to psql does, and collects
 * every statement PostgreSQL rejects, with its SQLSTATE, message and lines.
 *
 * <p>psql runs each statement in its own transaction unless the file itself says {@code BEGIN}, and with
 * {@code ON_ERROR_STOP=0} goes on after an error: a statement that fails leaves nothing behind, and the ones after
 * it still run (inside a failed {@code BEGIN} block they fail with {@code 25P02} until its end). Each file gets its
 * own session, so a {@code SET search_path} or a temporary table does not outlive its file.
 *
 * <p>psql reports an error as {@code psql:FILE:LINE: ERROR:  SQLSTATE: message}, where LINE is the line on which
 * the statement ends, and {@code --echo-errors} adds the statement's text; the statement's first line is its last
 * one less the line breaks of that text (psql drops the line comments before a statement, not the statement's own
 * lines).
 */
final class PsqlReplay {
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(2);

    private PsqlReplay() {}

    /**
     * A statement PostgreSQL rejected.
     *
     * @param file the migration file's path relative to the project, as refguard's findings name it
     * @param firstLine the statement's first line (1-based)
     * @param lastLine the line on which the statement ends, the one psql reports
     * @param sqlState the SQLSTATE, e.g. {@code 42P01}
     * @param message PostgreSQL's primary message
     * @param statement the statement as psql sent it
     */
    record Rejection(String file, int firstLine, int lastLine, String sqlState, String message, String statement) {
        /** Whether {@code line} of {@code file} lies within this statement. */
        boolean covers(String otherFile, int line) {
            return file.equals(otherFile) && line >= firstLine && line <= lastLine;
        }

        /** Whether the statement fails only because its transaction block was aborted before it. */
        boolean inAbortedBlock() {
            return sqlState.equals("25P02");
        }

        @Override
        public String toString() {
            String lines = firstLine == lastLine ? "" + firstLine : firstLine + "-" + lastLine;
            return file + ":" + lines + ": " + sqlState + " " + message;
        }
    }

    /**
     * Applies {@code file} to {@code database} with the psql installed beside the server, and returns what
     * PostgreSQL rejected, in order.
     *
     * @param relativePath the name the rejections give the file
     */
    static List<Rejection> applyFile(PostgresServer server, String database, Path file, String relativePath)
            throws IOException {
        Path absolute = file.toAbsolutePath();
        List<String> command = List.of(
                server.clientBinary("psql").toString(),
                "-X",
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(server.port()),
                "-U",
                PostgresServer.SUPERUSER,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=0",
                "-v",
                "VERBOSITY=verbose",
                "--echo-errors",
                "-o",
                "/dev/null",
                "-f",
                absolute.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // \i and \copy paths are relative to where psql runs
        builder.directory(absolute.getParent().toFile());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        builder.environment().put("PGAPPNAME", "refguard-tests");
        // notices are no rejections; a pathological statement must not hang the build
        builder.environment().put("PGOPTIONS", "-c client_min_messages=error -c statement_timeout=120s");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path errors = Files.createTempFile("refguard-psql-", ".log");
        try {
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            try {
                if (!process.waitFor(FILE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("psql timed out on " + relativePath);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while psql applied " + relativePath, e);
            }
            String output = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                // with ON_ERROR_STOP=0 only a failure of psql itself (no connection, unreadable file) exits non-zero
                throw new IllegalStateException(
                        "psql failed on " + relativePath + " (exit " + process.exitValue() + "):\n" + output);
            }
            return parse(output, absolute.toString(), relativePath);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /**
     * Reads psql's error output for one file.
     *
     * @param output what psql wrote to its standard error
     * @param shownPath the file name as psql prints it (the {@code -f} argument)
     * @param relativePath the name the rejections give the file
     */
    static List<Rejection> parse(String output, String shownPath, String relativePath) {
        Pattern header = Pattern.compile(
                "(?m)^psql:" + Pattern.quote(shownPath) + ":(\\d+): (ERROR|FATAL|STATEMENT|WARNING|NOTICE|error):  ?");
        Matcher m = header.matcher(output);
        List<int[]> starts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            kinds.add(m.group(2));
            lines.add(Integer.parseInt(m.group(1)));
        }
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String kind = kinds.get(i);
            if (!kind.equals("ERROR") && !kind.equals("FATAL")) {
                continue;
            }
            String body = body(output, starts, i);
            String first = body.lines().findFirst().orElse("");
            String state = "";
            String message = first;
            Matcher code = Pattern.compile("^([0-9A-Z]{5}): (.*)$").matcher(first);
            if (code.matches()) {
                state = code.group(1);
                message = code.group(2);
            }
            int lastLine = lines.get(i);
            String statement = "";
            if (i + 1 < starts.size() && kinds.get(i + 1).equals("STATEMENT")) {
                statement = body(output, starts, i + 1);
                if (statement.endsWith("\n")) {
                    statement = statement.substring(0, statement.length() - 1);
                }
            }
            int breaks = (int) statement.chars().filter(c -> c == '\n').count();
            rejections.add(new Rejection(
                    relativePath, Math.max(1, lastLine - breaks), lastLine, state, message.strip(), statement));
        }
        return rejections;
    }

    private static String body(String output, List<int[]> starts, int i) {
        int from = starts.get(i)[1];
        int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : output.length();
        return output.substring(from, to);
    }
}
