package dev.refguard.parse;

import dev.refguard.source.MigrationFile;
import dev.refguard.source.SqlText;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SplitProblem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Brings a migration file's text into memory for its parse: checks its size, waits for room in the {@link
 * MemoryBudget}, decodes it ({@link FileDecoder}) and notes what is wrong with its bytes, and hands the text to
 * the parse while the room is held. What cannot be read becomes a {@link ParsedFile} with the problem, never an
 * exception; the parse's own failures are the parse's.
 */
final class FileReading {
    /** Files larger than this are reported, not read, so one stray dump cannot exhaust the heap. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final MemoryBudget memory = new MemoryBudget(Runtime.getRuntime().maxMemory() / 8);

    /**
     * A file's text as the parse takes it, and what was wrong with it (undecodable bytes, a NUL, a generator's
     * problems).
     */
    record FileText(String text, List<SplitProblem> problems) {
        FileText {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads {@code file} and gives its text to {@code parse}, within the memory budget; a file that cannot be
     * read, is too large or does not fit the heap gives a file with the problem instead.
     */
    ParsedFile read(MigrationFile file, Charset encoding, Function<FileText, ParsedFile> parse) {
        if (file.sqlText() instanceof SqlText.Generated generated) {
            List<SplitProblem> problems = new ArrayList<>();
            generated.problems().forEach(p -> problems.add(new SplitProblem(p.message(), Math.max(1, p.line()), 1)));
            return parse.apply(new FileText(generated.text(), problems));
        }
        long size;
        try {
            size = Files.size(file.path());
        } catch (IOException | SecurityException e) {
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
            return readRetried(file, size, encoding, parse);
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

    /** A file that was not read, with why. */
    static ParsedFile unreadFile(MigrationFile file, String message) {
        return new ParsedFile(file, List.of(), List.of(), List.of(new SplitProblem(message, 1, 1)), 0, 0);
    }

    /**
     * Reads a file once more when the first attempt ran out of memory: a large file's text needs long runs of
     * free heap, which a heap close to its limit may only have once the first attempt's garbage is gone (seen
     * intermittently on the 1 GB history in a 512 MB heap).
     */
    private static ParsedFile readRetried(
            MigrationFile file, long size, Charset encoding, Function<FileText, ParsedFile> parse) {
        try {
            return readOnce(file, size, encoding, parse);
        } catch (OutOfMemoryError first) {
            System.gc();
            return readOnce(file, size, encoding, parse);
        }
    }

    private static ParsedFile readOnce(
            MigrationFile file, long size, Charset encoding, Function<FileText, ParsedFile> parse) {
        FileDecoder.Decoded decoded;
        try {
            decoded = FileDecoder.read(file.path(), size, encoding);
        } catch (IOException | SecurityException e) {
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
        return parse.apply(new FileText(text, problems));
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
}
