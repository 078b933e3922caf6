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

    /**
     * @param baseDir the absolute, normalised base directory; relative paths are given from it
     * @param seeds the {@code seedPatterns}
     */
    HistoryReader(Path baseDir, SeedClassifier seeds) {
        this.baseDir = baseDir;
        this.seeds = seeds;
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
            case PLAIN -> baseDir;
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
     * repeatable {@code R__*.sql} files by description, as Flyway applies them after all versioned ones.
     * Undo files ({@code U<version>__}) never run in a forward migration, and Flyway ignores any other
     * {@code .sql} file, so both are left out.
     */
    private List<MigrationFile> flyway(Path root, boolean strict) throws IOException {
        Path base = seedBase(root, Layout.FLYWAY);
        record Named(Path path, String relativePath, FlywayFileName name) {}
        List<Named> versioned = new ArrayList<>();
        List<Named> repeatable = new ArrayList<>();
        for (Path path : FileTree.sqlFiles(root, true, strict)) {
            Optional<FlywayFileName> parsed = FlywayFileName.parse(name(path));
            if (parsed.isEmpty()) {
                continue;
            }
            Named named = new Named(path, relative(path), parsed.get());
            switch (parsed.get().kind()) {
                case VERSIONED -> versioned.add(named);
                case REPEATABLE -> repeatable.add(named);
                case UNDO -> {
                    // reverts a version; not part of the history a fresh database replays
                }
            }
        }
        // Flyway refuses two files of one version; the path only makes such a history's order stable.
        versioned.sort(Comparator.comparing((Named n) -> n.name().version())
                .thenComparing(Named::relativePath, NaturalOrder.PATHS));
        repeatable.sort(Comparator.comparing((Named n) -> n.name().description())
                .thenComparing(Named::relativePath, NaturalOrder.PATHS));
        List<MigrationFile> files = new ArrayList<>();
        versioned.forEach(n -> files.add(file(n.path(), false, base)));
        repeatable.forEach(n -> files.add(file(n.path(), false, base)));
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
        String relativePath = relative(path);
        String seedPath = slashed(seedBase.relativize(path.toAbsolutePath().normalize()));
        return new MigrationFile(path.toAbsolutePath().normalize(), relativePath, alwaysSeed || seeds.isSeed(seedPath));
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
