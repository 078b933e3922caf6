package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.schema.TableId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Writes the chosen reports of one analysis. */
public final class ReportWriter {
    /** The environment variable GitHub Actions sets to {@code true} on its runners. */
    public static final String GITHUB_ACTIONS = "GITHUB_ACTIONS";

    /** The environment variable naming the file a step appends its Markdown summary to. */
    public static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportWriter() {}

    /**
     * Writes every format in {@code formats}, marking the default identity tables (README, "Configuration") in the diagrams;
     * see {@link #write(AnalysisResult, Set, Collection, Path, ConsoleSink, Map)}.
     */
    public static void write(
            AnalysisResult result,
            Set<ReportFormat> formats,
            Path outputDirectory,
            ConsoleSink console,
            Map<String, String> environment)
            throws IOException {
        write(result, formats, RefguardConfig.DEFAULT_IDENTITY_TABLES, outputDirectory, console, environment);
    }

    /**
     * Writes every format in {@code formats}: console lines to {@code console}, files into {@code outputDirectory}.
     *
     * <p>The {@code github} format is added when the environment has {@code GITHUB_ACTIONS=true} (README, "Configuration").
     * The output directory is created only when a file format is chosen, and nothing is written outside it
     * except the step summary GitHub asks for. Each file is written beside its target and then moved over
     * it, so a failed run never leaves half a report for a later step to read. When no migration history
     * was found, the warning naming the places looked in is printed even without the console format.
     *
     * @param identityTables the configured identity tables (as in {@code identityTables}), which the
     *     diagrams mark
     * @param environment the process environment ({@code GITHUB_ACTIONS}, {@code GITHUB_STEP_SUMMARY})
     * @throws IOException when the output directory cannot be written (the message names the path)
     */
    public static void write(
            AnalysisResult result,
            Set<ReportFormat> formats,
            Collection<String> identityTables,
            Path outputDirectory,
            ConsoleSink console,
            Map<String, String> environment)
            throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(console, "console");
        Set<ReportFormat> chosen = effectiveFormats(formats, environment);

        if (chosen.contains(ReportFormat.CONSOLE)) {
            ConsoleReport.write(result, console);
        } else if (result.stats().histories().isEmpty()) {
            console.warn(ConsoleReport.noMigrationsLine(result));
        }
        if (chosen.contains(ReportFormat.GITHUB)) {
            GithubReport.annotate(result, console);
        }

        List<ReportFormat> files =
                chosen.stream().filter(f -> f.fileName() != null).toList();
        if (!files.isEmpty()) {
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            createDirectory(outputDirectory);
            List<TableId> identity = identityTables(identityTables);
            for (ReportFormat format : files) {
                writeFile(outputDirectory, format.fileName(), render(format, result, identity));
            }
        }

        String summary = environment == null ? null : environment.get(GITHUB_STEP_SUMMARY);
        if (chosen.contains(ReportFormat.GITHUB) && summary != null && !summary.isBlank()) {
            appendStepSummary(Path.of(summary), GithubReport.stepSummary(result));
        }
    }

    /** The content of a file format's file. */
    static String render(ReportFormat format, AnalysisResult result, Collection<TableId> identityTables) {
        return switch (format) {
            case SARIF -> SarifReport.render(result);
            case JSON -> JsonReport.render(result);
            case GITLAB -> GitlabReport.render(result);
            case CHECKSTYLE -> CheckstyleReport.render(result);
            case JUNIT -> JunitReport.render(result);
            case MARKDOWN -> MarkdownReport.render(result);
            case MERMAID -> MermaidReport.render(result, identityTables);
            case DOT -> DotReport.render(result, identityTables);
            case HTML -> HtmlReport.render(result, identityTables);
            case CONSOLE, GITHUB -> throw new IllegalArgumentException(format.id() + " writes no file");
        };
    }

    private static List<TableId> identityTables(Collection<String> configured) {
        if (configured == null) {
            return List.of();
        }
        return configured.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(TableId::parse)
                .toList();
    }

    /** {@code formats}, plus {@code github} when running on GitHub Actions. */
    static Set<ReportFormat> effectiveFormats(Set<ReportFormat> formats, Map<String, String> environment) {
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        if (formats != null) {
            chosen.addAll(formats);
        }
        if (environment != null && "true".equalsIgnoreCase(trim(environment.get(GITHUB_ACTIONS)))) {
            chosen.add(ReportFormat.GITHUB);
        }
        return chosen;
    }

    private static void createDirectory(Path directory) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            Path blocking = regularFileInTheWay(directory);
            if (blocking != null) {
                throw new IOException(
                        "cannot write refguard reports to " + directory + ": " + blocking
                                + " is a file, not a directory",
                        e);
            }
            throw cannotWrite(directory, e);
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot write refguard reports to " + directory + ": not a directory");
        }
    }

    /**
     * The existing non-directory at or above {@code directory} that stops it from being created, if any. The JDK
     * names the folder it tried to create ("Not a directory"), not the file that is in the way, which is the one
     * the user has to move.
     */
    private static Path regularFileInTheWay(Path directory) {
        for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static void writeFile(Path directory, String fileName, String content) throws IOException {
        Path target = directory.resolve(fileName);
        Path temp = null;
        try {
            // not Files.createTempFile: it creates the file rw------- whatever the umask, and the report would keep
            // those permissions after the move, unreadable to a CI step that runs as another user; a file created
            // plainly gets the permissions the umask gives (rw-r--r-- under 022)
            temp = directory.resolve("." + fileName + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            // getBytes, not writeString: a lone surrogate (never read from a file, but possible in a name
            // built elsewhere) becomes '?' instead of failing the whole report
            Files.write(
                    temp,
                    content.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void appendStepSummary(Path file, String markdown) throws IOException {
        try {
            Files.writeString(
                    file,
                    markdown,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IOException(
                    "cannot append the refguard summary to " + GITHUB_STEP_SUMMARY + " file " + file + ": " + reason(e),
                    e);
        }
    }

    private static IOException cannotWrite(Path path, IOException cause) {
        return new IOException("cannot write refguard reports to " + path + ": " + reason(cause), cause);
    }

    /** Says what went wrong in words; the JDK's messages for these are often just the path. */
    private static String reason(IOException e) {
        String file = e instanceof FileSystemException fse && fse.getFile() != null ? " (" + fse.getFile() + ")" : "";
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file that is not a directory is in the way" + file;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + file;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + file;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
