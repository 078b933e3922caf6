package dev.refguard.source.liquibase;

import dev.refguard.source.MigrationFile;
import dev.refguard.source.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.SQLFileChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.DatabaseList;
import liquibase.database.OfflineConnection;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Reads a Liquibase master changelog and all it includes with Liquibase's own parsers (XML, YAML, JSON, formatted
 * SQL), in the order Liquibase runs the changesets, and renders each changeset as the SQL Liquibase would run
 * offline for PostgreSQL. The SQL is laid out so that each statement starts on the line of the change that produced
 * it in its changelog file, so findings point at the changelog. Liquibase's classes stay in this package.
 */
public final class LiquibaseReader {
    /** The change types that only move data: their SQL cannot change the schema, and some need data files. */
    private static final Set<String> DATA_CHANGES = Set.of(
            "insert", "update", "delete", "loadData", "loadUpdateData", "empty", "output", "stop", "tagDatabase");

    /** What a context or label names when its changeset holds seed or demo data. */
    private static final Pattern SEED_WORD = Pattern.compile("seed|demo|test|sample|dev|development");

    private final Path baseDir;
    private final Function<Path, String> relative;
    private final Predicate<String> seedPath;

    /**
     * @param baseDir the base directory
     * @param relative a path as findings name it (relative to the base directory)
     * @param seedPath whether a file's relative path matches {@code seedPatterns}
     */
    public LiquibaseReader(Path baseDir, Function<Path, String> relative, Predicate<String> seedPath) {
        this.baseDir = baseDir;
        this.relative = relative;
        this.seedPath = seedPath;
    }

    /**
     * The changesets of {@code master}, in Liquibase's order, as migration files: each run of changesets of one
     * changelog file that are all seed or all schema is one part of that file; an {@code sqlFile} change is its SQL
     * file. A changelog Liquibase cannot read gives one part with the problem, at the line Liquibase names if any.
     *
     * @param master the master changelog
     * @param resourceRoots the folders Liquibase resolves changelog paths from ({@code src/main/resources} first)
     */
    public List<MigrationFile> read(Path master, List<Path> resourceRoots) {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.classLoader.name(), LiquibaseReader.class.getClassLoader());
        scope.put("liquibase.analytics.enabled", false);
        try {
            return Scope.child(scope, () -> readInScope(master, resourceRoots));
        } catch (Exception | LinkageError e) {
            return List.of(problem(master, 1, "Liquibase cannot read this changelog: " + message(e)));
        }
    }

    private List<MigrationFile> readInScope(Path master, List<Path> roots) throws Exception {
        List<ResourceAccessor> accessors = new ArrayList<>();
        Path root = null;
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                accessors.add(new DirectoryResourceAccessor(r.toFile()));
                if (root == null
                        && master.toAbsolutePath()
                                .normalize()
                                .startsWith(r.toAbsolutePath().normalize())) {
                    root = r.toAbsolutePath().normalize();
                }
            }
        }
        Path folder = master.toAbsolutePath().normalize().getParent();
        if (root == null) {
            root = folder;
            accessors.add(0, new DirectoryResourceAccessor(root.toFile()));
        } else if (!folder.equals(root)) {
            // last: tools whose search path is the master's own folder (Grails, the CLI run there) include by file name
            accessors.add(new DirectoryResourceAccessor(folder.toFile()));
        }
        List<Path> searchRoots = new ArrayList<>();
        searchRoots.add(root);
        roots.forEach(searchRoots::add);
        searchRoots.add(folder);
        try (ResourceAccessor accessor = new CompositeResourceAccessor(accessors)) {
            String logical = slashed(root.relativize(master.toAbsolutePath().normalize()));
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new OfflineConnection("offline:postgresql", accessor));
            ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(logical, accessor);
            DatabaseChangeLog changeLog;
            try {
                changeLog = parser.parse(logical, new ChangeLogParameters(database), accessor);
            } catch (Exception e) {
                return List.of(problem(
                        master,
                        1,
                        "Liquibase cannot read this changelog: " + message(e) + " (refguard looked in "
                                + searched(searchRoots) + ")"));
            }
            return render(changeLog, database, searchRoots);
        }
    }

    /** One part of a changelog file under construction: its changesets' SQL, each at its line. */
    private final class Part {
        final Path file;
        final boolean seed;
        final String firstId;
        final LineLayout layout = new LineLayout();
        final List<SqlText.Problem> problems = new ArrayList<>();

        Part(Path file, boolean seed, String firstId) {
            this.file = file;
            this.seed = seed;
            this.firstId = firstId;
        }
    }

    private List<MigrationFile> render(DatabaseChangeLog changeLog, Database database, List<Path> roots) {
        List<MigrationFile> files = new ArrayList<>();
        Map<Path, ChangelogText> texts = new LinkedHashMap<>();
        Map<String, Integer> partsPerFile = new HashMap<>();
        Part part = null;
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (!runsOnPostgres(changeSet, database)) {
                continue;
            }
            Path file = locate(changeSet.getFilePath(), roots);
            if (file == null) {
                continue;
            }
            ChangelogText text = texts.computeIfAbsent(file, ChangelogText::read);
            boolean seed = seedContext(changeSet.buildFullContext())
                    || seedContext(changeSet.buildFullLabels())
                    || seedPath.test(relative.apply(file));
            if (part == null || !part.file.equals(file) || part.seed != seed) {
                close(part, files, partsPerFile);
                part = new Part(file, seed, changeSet.getId());
            }
            int changeSetLine = text.changeSetLine(changeSet.getId(), changeSet.getAuthor());
            for (Change change : changeSet.getChanges()) {
                String name = change.getSerializedObjectName();
                int line = text.changeLine(name, changeSetLine);
                if (DATA_CHANGES.contains(name)) {
                    continue;
                }
                if (change instanceof SQLFileChange sqlFile) {
                    Path sql = sqlFilePath(sqlFile, file, roots);
                    if (sql != null) {
                        close(part, files, partsPerFile);
                        part = new Part(file, seed, changeSet.getId());
                        files.add(new MigrationFile(
                                sql.toAbsolutePath().normalize(),
                                relative.apply(sql),
                                seed || seedPath.test(relative.apply(sql)),
                                "",
                                SqlText.AS_WRITTEN));
                        continue;
                    }
                }
                if (change instanceof RawSQLChange raw && raw.getSql() != null) {
                    Integer start = raw.getSqlStartLine();
                    if (start != null && start > 0 && text.isFormattedSql()) {
                        // formatted SQL: the changeset's own lines, where they stand in the file
                        part.layout.place(start, text.lines(start, raw.getSqlEndLine()));
                    } else {
                        part.layout.place(line, raw.getSql().strip() + ";");
                    }
                    continue;
                }
                try {
                    for (Sql sql : SqlGeneratorFactory.getInstance()
                            .generateSql(change.generateStatements(database), database)) {
                        part.layout.place(line, sql.toSql() + sql.getEndDelimiter());
                    }
                } catch (Exception | LinkageError e) {
                    part.problems.add(new SqlText.Problem(
                            "Liquibase cannot render " + name + " of changeset " + changeSet.getId() + " offline: "
                                    + message(e),
                            line));
                }
            }
        }
        close(part, files, partsPerFile);
        return files;
    }

    private void close(Part part, List<MigrationFile> files, Map<String, Integer> partsPerFile) {
        if (part == null || (part.layout.isEmpty() && part.problems.isEmpty())) {
            return;
        }
        String path = relative.apply(part.file);
        int index = partsPerFile.merge(path, 1, Integer::sum);
        files.add(new MigrationFile(
                part.file.toAbsolutePath().normalize(),
                path,
                part.seed,
                "changeset " + part.firstId + " (" + index + ")",
                new SqlText.Generated(part.layout.text(), part.problems)));
    }

    private MigrationFile problem(Path file, int line, String message) {
        return new MigrationFile(
                file.toAbsolutePath().normalize(),
                relative.apply(file),
                false,
                "changelog",
                new SqlText.Generated("", List.of(new SqlText.Problem(message, line))));
    }

    /** Whether Liquibase runs the changeset on PostgreSQL ({@code dbms} unset or naming it). */
    private static boolean runsOnPostgres(ChangeSet changeSet, Database database) {
        Set<String> dbms = changeSet.getDbmsSet();
        return dbms == null || dbms.isEmpty() || DatabaseList.definitionMatches(dbms, database, true);
    }

    /**
     * Whether a context or label expression marks seed data: a word in it names seed, demo, test, sample or dev
     * (not negated: {@code !test} runs everywhere but in tests).
     */
    static boolean seedContext(String expression) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        Matcher words = Pattern.compile("(!|\\bnot\\s+)?([A-Za-z0-9_-]+)").matcher(expression);
        while (words.find()) {
            if (words.group(1) != null) {
                continue;
            }
            for (String word : words.group(2).toLowerCase(Locale.ROOT).split("[_-]")) {
                if (word.equals("dev") || word.equals("development")) {
                    return true;
                }
                if (word.contains("seed")
                        || word.contains("demo")
                        || word.contains("test")
                        || word.contains("sample")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The file of a changelog path as Liquibase reports it, below one of the roots. */
    private static Path locate(String filePath, List<Path> roots) {
        if (filePath == null) {
            return null;
        }
        String path = filePath.replaceFirst("^classpath\\*?:", "");
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (Path root : roots) {
            Path candidate = root.resolve(path).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        Path absolute = Path.of(filePath);
        return absolute.isAbsolute() && Files.isRegularFile(absolute) ? absolute : null;
    }

    private static Path sqlFilePath(SQLFileChange change, Path changelog, List<Path> roots) {
        String path = change.getPath();
        if (path == null) {
            return null;
        }
        if (Boolean.TRUE.equals(change.isRelativeToChangelogFile())) {
            Path candidate = changelog.getParent().resolve(path).normalize();
            return Files.isRegularFile(candidate) ? candidate : null;
        }
        return locate(path, roots);
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Liquibase lists the plugin's own class path here: absolute paths of this machine, no help to the user
        return SEARCH_PATH_LIST
                .matcher(text)
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static final Pattern SEARCH_PATH_LIST = Pattern.compile(
            "(?s)\\s*in the configured search path:.*?(?:More locations can be added with the 'searchPath' parameter\\.|$)");

    private String searched(List<Path> folders) {
        List<String> names = new ArrayList<>();
        for (Path f : folders) {
            String name = relative.apply(f);
            String shown = name.isEmpty() ? "." : name;
            if (Files.isDirectory(f) && !names.contains(shown)) {
                names.add(shown);
            }
        }
        return String.join(", ", names);
    }

    private static String slashed(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(p -> names.add(p.toString()));
        return String.join("/", names);
    }

    /** The text of a changelog file, to find where its changesets and changes stand. */
    static final class ChangelogText {
        private final String text;
        private final int[] lineStarts;
        private final boolean formattedSql;
        private int searchFrom;

        private ChangelogText(String text, boolean formattedSql) {
            this.text = text;
            this.formattedSql = formattedSql;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        static ChangelogText read(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                text = "";
            }
            boolean formatted =
                    file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
            return new ChangelogText(text, formatted);
        }

        static ChangelogText of(String text, boolean formattedSql) {
            return new ChangelogText(text, formattedSql);
        }

        boolean isFormattedSql() {
            return formattedSql;
        }

        /**
         * The line of the changeset {@code id}: the next place after the previous changeset where the id stands as
         * an id ({@code id="x"}, {@code id: x}, {@code "id": "x"}, {@code --changeset author:x}); changesets come in
         * file order. Line 1 when it cannot be found.
         */
        int changeSetLine(String id, String author) {
            String quoted = Pattern.quote(id);
            Pattern pattern = formattedSql
                    ? Pattern.compile(
                            "^--\\s*changeset\\s+(\"[^\"]*\"|[^:\\s]+):(\"?)" + quoted + "\\2(\\s|$)",
                            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)
                    : Pattern.compile(
                            "\\bid[\"']?\\s*[:=]\\s*([\"']?)" + quoted + "\\1(?=[\\s,}/>]|$)", Pattern.MULTILINE);
            Matcher m = pattern.matcher(text);
            int at = m.find(searchFrom) ? m.start() : (m.find(0) ? m.start() : -1);
            if (at < 0) {
                return 1;
            }
            searchFrom = m.end();
            return lineOf(at);
        }

        /** The line of the next change named {@code name} at or after {@code fromLine}; {@code fromLine} if none. */
        int changeLine(String name, int fromLine) {
            String quoted = Pattern.quote(name);
            Pattern pattern = Pattern.compile(
                    "<" + quoted + "[\\s/>]|\"" + quoted + "\"\\s*:|^[\\s-]*" + quoted + "\\s*:", Pattern.MULTILINE);
            Matcher m = pattern.matcher(text);
            int from = Math.max(searchFrom, lineStarts[Math.min(fromLine, lineStarts.length) - 1]);
            if (from <= text.length() && m.find(from)) {
                searchFrom = m.end();
                return lineOf(m.start());
            }
            return fromLine;
        }

        /** Lines {@code from} to {@code to} (1-based, inclusive) as written. */
        String lines(int from, Integer to) {
            int last = to == null ? lineStarts.length : Math.min(to, lineStarts.length);
            int start = lineStarts[Math.min(from, lineStarts.length) - 1];
            int end = last < lineStarts.length ? lineStarts[last] : text.length();
            return end <= start ? "" : text.substring(start, end).stripTrailing();
        }

        int lineOf(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }
    }

    /** SQL placed line by line: each piece starts on its line, or right after the piece before when that ran past. */
    static final class LineLayout {
        private final StringBuilder text = new StringBuilder();
        private int line = 1;
        private boolean lineUsed;

        void place(int target, String sql) {
            if (target > line) {
                text.append("\n".repeat(target - line));
                line = target;
                lineUsed = false;
            } else if (lineUsed) {
                text.append('\n');
                line++;
            }
            text.append(sql);
            for (int i = 0; i < sql.length(); i++) {
                if (sql.charAt(i) == '\n') {
                    line++;
                }
            }
            lineUsed = true;
        }

        boolean isEmpty() {
            return text.length() == 0;
        }

        String text() {
            return text.toString() + "\n";
        }
    }
}
