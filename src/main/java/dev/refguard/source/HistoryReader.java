package dev.refguard.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the files of one history root by the rules of its layout: which files belong to it, the order the
 * tool runs them in, and which are seed files. Every order here is total, so the result never depends on
 * the order the file system lists entries in.
 */
final class HistoryReader {
    /**
     * Folders never searched below a root: version control, installed dependencies and build output hold
     * copies of files (a {@code node_modules} package may ship its own {@code prisma/migrations}, Maven
     * copies {@code db/migration} to {@code target/classes}).
     */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", "build", "dist", "vendor");

    private final Path baseDir;
    private final SeedClassifier seeds;
    private final FlywaySettings flywaySettings;

    /**
     * @param baseDir the absolute, normalised base directory; relative paths are given from it
     * @param seeds the {@code seedPatterns}
     */
    HistoryReader(Path baseDir, SeedClassifier seeds) {
        this(baseDir, seeds, FlywaySettings.defaults());
    }

    /**
     * @param flywaySettings the module's Flyway naming and placeholders
     */
    HistoryReader(Path baseDir, SeedClassifier seeds, FlywaySettings flywaySettings) {
        this.baseDir = baseDir;
        this.seeds = seeds;
        this.flywaySettings = flywaySettings;
    }

    /** The module's Flyway configuration. */
    FlywaySettings flywaySettings() {
        return flywaySettings;
    }

    /**
     * The layout a folder's place implies, if any.
     *
     * @param requireFlywayResources whether Flyway's {@code db/migration} must sit in {@code src/main/resources}
     *     (auto-discovery), or may stand anywhere (a folder the user configured)
     */
    static Optional<Layout> layoutOf(Path dir, boolean requireFlywayResources) {
        String name = name(dir);
        Path parent = dir.getParent();
        String parentName = name(parent);
        if (name.equals("migrations") && parentName.equals("supabase")) {
            return Optional.of(Layout.SUPABASE);
        }
        // prisma migrate writes migration_lock.toml into its migrations folder, wherever the schema puts it
        // (formbricks keeps packages/database/migration)
        if ((name.equals("migrations") && parentName.equals("prisma"))
                || Files.isRegularFile(dir.resolve("migration_lock.toml"))) {
            return Optional.of(Layout.PRISMA);
        }
        if (name.equals("migration") && parentName.equals("db")) {
            if (!requireFlywayResources) {
                return Optional.of(Layout.FLYWAY);
            }
            Path resources = parent.getParent();
            Path main = resources == null ? null : resources.getParent();
            Path src = main == null ? null : main.getParent();
            if (name(resources).equals("resources")
                    && name(main).equals("main")
                    && name(src).equals("src")) {
                return Optional.of(Layout.FLYWAY);
            }
        }
        return Optional.empty();
    }

    /** A file dbmate runs: a name that starts with a digit (its version) and ends in {@code .sql}. */
    private static final Pattern DBMATE_NAME = Pattern.compile("(\\d+).*\\.sql");

    /** A file goose runs: a positive version, {@code _}, anything, {@code .sql}. */
    private static final Pattern GOOSE_NAME = Pattern.compile("(\\d+)_.*\\.sql");

    /** A golang-migrate file: {@code <version>_<title>.up.sql} or {@code .down.sql}. */
    private static final Pattern GOLANG_MIGRATE_NAME = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");

    /** How much of each file detection reads for a tool's marker; the markers stand near the top. */
    private static final int MARKER_SCAN_CHARS = 1 << 16;

    /**
     * The Go migration tool whose files a folder holds, by their names and markers: {@code *.up.sql} and
     * {@code *.down.sql} twins (golang-migrate), {@code -- migrate:up} (dbmate), {@code -- +goose Up} (goose). Only
     * the {@code .sql} files directly in the folder count, as each tool reads one folder.
     */
    static Optional<Layout> toolLayoutOf(Path dir) {
        List<Path> files;
        try {
            files = FileTree.sqlFiles(dir, false, false);
        } catch (IOException e) {
            return Optional.empty();
        }
        files.sort(Comparator.comparing(HistoryReader::name));
        boolean up = false;
        boolean down = false;
        for (Path file : files) {
            var m = GOLANG_MIGRATE_NAME.matcher(name(file));
            if (m.matches()) {
                up |= m.group(3).equals("up");
                down |= m.group(3).equals("down");
            }
        }
        if (up && down) {
            return Optional.of(Layout.GOLANG_MIGRATE);
        }
        for (Path file : files) {
            String name = name(file);
            if (!DBMATE_NAME.matcher(name).matches()) {
                continue;
            }
            String head = head(file);
            if (UpSections.hasDbmateMarker(head)) {
                return Optional.of(Layout.DBMATE);
            }
            if (GOOSE_NAME.matcher(name).matches() && UpSections.hasGooseMarker(head)) {
                return Optional.of(Layout.GOOSE);
            }
        }
        return up ? Optional.of(Layout.GOLANG_MIGRATE) : Optional.empty();
    }

    private static String head(Path file) {
        try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            char[] buffer = new char[MARKER_SCAN_CHARS];
            int n = reader.read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n);
        } catch (IOException | RuntimeException e) {
            return ""; // an unreadable or undecodable file marks no tool; it is reported when read
        }
    }

    /**
     * The files of the history rooted at {@code root}, in migration order.
     *
     * @param strict whether an unreadable folder is an error rather than skipped
     */
    List<MigrationFile> read(Path root, Layout layout, boolean strict) throws IOException {
        return switch (layout) {
            case SUPABASE -> supabase(root, strict);
            case PRISMA -> prisma(root, strict);
            case FLYWAY -> flyway(root, strict);
            case LIQUIBASE -> liquibaseMaster(root).map(this::liquibase).orElse(List.of());
            case DBMATE -> dbmate(root, strict);
            case GOOSE -> goose(root, strict);
            case GOLANG_MIGRATE -> golangMigrate(root, strict);
            case PLAIN -> plain(List.of(root), strict);
        };
    }

    /**
     * The folder {@code seedPatterns} are matched from: the project that holds the layout
     * ({@code apps/demo-app} for {@code apps/demo-app/supabase/migrations}), so the name of a monorepo
     * package ({@code demo-app}) does not make all its migrations seed files.
     */
    private Path seedBase(Path root, Layout layout) {
        Path base = switch (layout) {
            case SUPABASE, PRISMA -> up(root, 2);
            case FLYWAY -> name(up(root, 3)).equals("resources") ? up(root, 5) : up(root, 2);
            case DBMATE, GOOSE, GOLANG_MIGRATE ->
                root.toAbsolutePath().normalize().getParent();
            case LIQUIBASE, PLAIN -> baseDir;
        };
        return base == null ? baseDir : base;
    }

    private static Path up(Path path, int levels) {
        Path p = path.toAbsolutePath().normalize();
        for (int i = 0; i < levels && p != null; i++) {
            p = p.getParent();
        }
        return p;
    }

    /**
     * Supabase: {@code migrations/*.sql} by file name, which is how the CLI orders its timestamp-prefixed
     * files; then the seed files {@code supabase db reset} runs after them: {@code seed.sql} (the CLI's
     * default {@code sql_paths}) and {@code seeds/**}{@code /*.sql}.
     */
    private List<MigrationFile> supabase(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.SUPABASE);
        List<MigrationFile> files = new ArrayList<>();
        FileTree.sqlFiles(root, false, strict).stream()
                .sorted(Comparator.comparing(HistoryReader::name))
                .forEach(path -> files.add(file(path, false, base)));
        Path supabaseDir = root.getParent();
        if (supabaseDir != null) {
            Path seedFile = supabaseDir.resolve("seed.sql");
            if (Files.isRegularFile(seedFile)) {
                files.add(file(seedFile, true, base));
            }
            Path seedsDir = supabaseDir.resolve("seeds");
            if (Files.isDirectory(seedsDir)) {
                sortedByPath(FileTree.sqlFiles(seedsDir, true, strict))
                        .forEach(path -> files.add(file(path, true, base)));
            }
        }
        return files;
    }

    /**
     * Prisma: {@code migrations/<folder>/migration.sql}, by folder name as {@code prisma migrate} orders
     * them; a folder matching {@code seedPatterns} (say {@code 20260205000656_npm_run_db_seed_demo}) makes
     * its migration a seed file.
     */
    private List<MigrationFile> prisma(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.PRISMA);
        List<MigrationFile> files = new ArrayList<>();
        List<Path> folders = FileTree.subdirectories(root, strict);
        folders.sort(Comparator.comparing(HistoryReader::name));
        for (Path folder : folders) {
            Path migration = folder.resolve("migration.sql");
            if (Files.isRegularFile(migration)) {
                files.add(file(migration, false, base));
            }
        }
        return files;
    }

    /**
     * Flyway: versioned {@code V<version>__*.sql} files anywhere below the location, by version; then the
     * repeatable {@code R__*.sql} files by description, as Flyway applies them after all versioned ones. With
     * baseline migrations ({@code B<version>__*.sql}) a fresh database runs the latest of them first and only the
     * versions after it.
     * Undo files ({@code U<version>__}) never run in a forward migration, and Flyway ignores any other
     * {@code .sql} file, so both are left out.
     */
    private List<MigrationFile> flyway(Path root, boolean strict) throws IOException {
        return flyway(
                List.of(new FlywaySettings.Location(relative(root), root, false)),
                seedBase(root, Layout.FLYWAY),
                strict);
    }

    /**
     * Flyway's configured {@code locations}, merged into one history as Flyway merges them: all versioned files by
     * version, then all repeatable ones by description. Files of a seed location are seed files.
     */
    List<MigrationFile> flywayLocations(List<FlywaySettings.Location> locations, boolean strict) throws IOException {
        return flyway(locations, baseDir, strict);
    }

    private List<MigrationFile> flyway(List<FlywaySettings.Location> locations, Path base, boolean strict)
            throws IOException {
        record Named(Path path, String relativePath, FlywayFileName name, boolean seed) {}
        List<Named> versioned = new ArrayList<>();
        List<Named> repeatable = new ArrayList<>();
        List<Named> baselines = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FlywaySettings.Location location : locations) {
            for (Path path : FileTree.sqlFiles(location.dir(), true, strict)) {
                Optional<FlywayFileName> parsed = FlywayFileName.parse(name(path), flywaySettings.naming());
                if (parsed.isEmpty() || !seen.add(relative(path))) {
                    continue;
                }
                Named named = new Named(path, relative(path), parsed.get(), location.seed());
                switch (parsed.get().kind()) {
                    case VERSIONED -> versioned.add(named);
                    case REPEATABLE -> repeatable.add(named);
                    case BASELINE -> baselines.add(named);
                    case UNDO -> {
                        // reverts a version; not part of the history a fresh database replays
                    }
                }
            }
        }
        // Flyway refuses two files of one version; the path only makes such a history's order stable.
        versioned.sort(Comparator.comparing((Named n) -> n.name().version())
                .thenComparing(Named::relativePath, NaturalOrder.PATHS));
        repeatable.sort(Comparator.comparing((Named n) -> n.name().description())
                .thenComparing(Named::relativePath, NaturalOrder.PATHS));
        // a fresh database: the latest baseline migration runs first, in place of every version up to its own
        Named baseline = baselines.stream()
                .max(Comparator.comparing((Named n) -> n.name().version())
                        .thenComparing(Named::relativePath, NaturalOrder.PATHS))
                .orElse(null);
        if (baseline != null) {
            versioned.removeIf(n -> n.name().version().compareTo(baseline.name().version()) <= 0);
            versioned.add(0, baseline);
        }
        SqlText text = flywaySettings.sqlText();
        List<MigrationFile> files = new ArrayList<>();
        versioned.forEach(n -> files.add(file(n.path(), n.seed(), base, text)));
        repeatable.forEach(n -> files.add(file(n.path(), n.seed(), base, text)));
        return files;
    }

    /** The master changelog names Liquibase and Spring Boot look for in {@code db/changelog}. */
    static final List<String> LIQUIBASE_MASTERS = List.of(
            "db.changelog-master.yaml",
            "db.changelog-master.yml",
            "db.changelog-master.xml",
            "db.changelog-master.json",
            "db.changelog-master.sql");

    /** The master changelog names JHipster generates in {@code config/liquibase}. */
    static final List<String> JHIPSTER_MASTERS = List.of("master.xml", "master.yaml", "master.yml", "master.json");

    /**
     * The master changelog of a folder, if it has one: Spring Boot's {@code db/changelog/db.changelog-master.*}, or
     * JHipster's {@code config/liquibase/master.*}.
     */
    static Optional<Path> liquibaseMaster(Path dir) {
        List<String> names;
        if (name(dir).equals("changelog") && name(dir.getParent()).equals("db")) {
            names = LIQUIBASE_MASTERS;
        } else if (name(dir).equals("liquibase") && name(dir.getParent()).equals("config")) {
            names = JHIPSTER_MASTERS;
        } else {
            return Optional.empty();
        }
        return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Whether a file is a Liquibase changelog Liquibase reads: XML, YAML or JSON by its name, SQL only when its first
     * line says {@code --liquibase formatted sql}.
     */
    static boolean liquibaseChangelog(Path file) {
        String n = name(file).toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".xml") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")) {
            return true;
        }
        if (!n.endsWith(".sql")) {
            return false;
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null
                    && first.strip()
                            .replace(" ", "")
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("--liquibaseformattedsql");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Liquibase: the master changelog and all it includes, read by Liquibase itself, each changeset rendered as the
     * SQL it runs on PostgreSQL; changesets whose context or labels name seed data are seed parts.
     */
    List<MigrationFile> liquibase(Path master) {
        return new dev.refguard.source.liquibase.LiquibaseReader(baseDir, this::relative, seeds::isSeed)
                .read(master.toAbsolutePath().normalize(), liquibaseRoots(master));
    }

    /** The folders Liquibase resolves the paths of {@code master}'s changelogs from, the classpath root first. */
    List<Path> liquibaseRoots(Path master) {
        Path file = master.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        // the classpath root the changelog's paths are written from: src/main/resources, or the folder above db/
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (name(p).equals("resources") && name(p.getParent()).equals("main")) {
                roots.add(p);
                break;
            }
        }
        Path changelogDir = file.getParent();
        if (name(changelogDir).equals("changelog")
                && name(changelogDir.getParent()).equals("db")) {
            Path above = changelogDir.getParent().getParent();
            if (above != null && !roots.contains(above)) {
                roots.add(above);
            }
        }
        if (!roots.contains(baseDir)) {
            roots.add(baseDir);
        }
        return roots;
    }

    /**
     * dbmate: the files of the folder whose names start with their version, by file name as dbmate sorts them;
     * only their {@code -- migrate:up} sections are read.
     */
    private List<MigrationFile> dbmate(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.DBMATE);
        SqlText up = new SqlText.Rewritten("dbmate migrate:up sections", UpSections::dbmate);
        List<MigrationFile> files = new ArrayList<>();
        FileTree.sqlFiles(root, false, strict).stream()
                .filter(path -> DBMATE_NAME.matcher(name(path)).matches())
                .sorted(Comparator.comparing(HistoryReader::name))
                .forEach(path -> files.add(file(path, false, base, up)));
        return files;
    }

    /**
     * goose: the files of the folder named {@code <version>_<name>.sql}, by version as a number (goose refuses two
     * files of one version; the name only makes the order total); only their {@code -- +goose Up} sections are
     * read. {@code StatementBegin}/{@code StatementEnd} need nothing: refguard's splitter reads dollar quotes.
     */
    private List<MigrationFile> goose(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.GOOSE);
        SqlText up = new SqlText.Rewritten("goose Up section", UpSections::goose);
        return byVersion(root, strict, GOOSE_NAME, base, up);
    }

    /** golang-migrate: the {@code <version>_<title>.up.sql} files, by version as a number. */
    private List<MigrationFile> golangMigrate(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.GOLANG_MIGRATE);
        List<MigrationFile> all = byVersion(root, strict, GOLANG_MIGRATE_NAME, base, SqlText.AS_WRITTEN);
        return all.stream().filter(f -> f.fileName().endsWith(".up.sql")).toList();
    }

    private List<MigrationFile> byVersion(Path root, boolean strict, Pattern name, Path base, SqlText text)
            throws IOException {
        record Versioned(Path path, java.math.BigInteger version, String name) {}
        List<Versioned> found = new ArrayList<>();
        for (Path path : FileTree.sqlFiles(root, false, strict)) {
            var m = name.matcher(name(path));
            if (m.matches()) {
                found.add(new Versioned(path, new java.math.BigInteger(m.group(1)), name(path)));
            }
        }
        found.sort(Comparator.comparing(Versioned::version).thenComparing(Versioned::name));
        List<MigrationFile> files = new ArrayList<>();
        found.forEach(v -> files.add(file(v.path(), false, base, text)));
        return files;
    }

    /**
     * Plain folders: every {@code .sql} file below them, merged and ordered by relative path in natural
     * order ({@code 2_x.sql} before {@code 10_y.sql}); a file reached through two configured folders
     * counts once. Folders of {@link #SKIPPED_DIRECTORIES} below a root are not entered: a configured
     * {@code .} must not replay the copies Maven puts in {@code target/classes} a second time.
     */
    List<MigrationFile> plain(List<Path> roots, boolean strict) throws IOException {
        Map<String, MigrationFile> byPath = new TreeMap<>(NaturalOrder.PATHS);
        for (Path root : roots) {
            for (Path path : FileTree.sqlFiles(root, true, strict, SKIPPED_DIRECTORIES)) {
                MigrationFile file = file(path, false, baseDir);
                byPath.putIfAbsent(file.relativePath(), file);
            }
        }
        return List.copyOf(byPath.values());
    }

    /** {@code path} relative to the base directory with {@code /} separators; {@code .} for the base itself. */
    String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path relative;
        try {
            relative = baseDir.relativize(absolute);
        } catch (IllegalArgumentException e) {
            // another drive or file system root (Windows): there is no relative path
            relative = absolute;
        }
        if (relative.isAbsolute()) {
            return relative.toString().replace('\\', '/');
        }
        List<String> names = new ArrayList<>();
        relative.forEach(element -> names.add(element.toString()));
        String text = String.join("/", names);
        return text.isEmpty() ? "." : text;
    }

    private MigrationFile file(Path path, boolean alwaysSeed, Path seedBase) {
        return file(path, alwaysSeed, seedBase, SqlText.AS_WRITTEN);
    }

    private MigrationFile file(Path path, boolean alwaysSeed, Path seedBase, SqlText text) {
        String relativePath = relative(path);
        String seedPath = slashed(seedBase.relativize(path.toAbsolutePath().normalize()));
        return new MigrationFile(
                path.toAbsolutePath().normalize(), relativePath, alwaysSeed || seeds.isSeed(seedPath), "", text);
    }

    private static String slashed(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(element -> names.add(element.toString()));
        return String.join("/", names);
    }

    private List<Path> sortedByPath(List<Path> paths) {
        return paths.stream()
                .sorted(Comparator.comparing(this::relative, NaturalOrder.PATHS))
                .toList();
    }

    private static String name(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name == null ? "" : name.toString();
    }
}
