package dev.refguard.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Finds the migration histories of a project (docs/sources.md). */
public final class SourceDiscovery {
    /** The conventional places, named in the warning when auto-discovery finds nothing. */
    private static final List<String> CONVENTIONAL_ROOTS = List.of(
            "supabase/migrations",
            "prisma/migrations",
            "src/main/resources/db/migration",
            "src/main/resources/db/changelog/db.changelog-master.*",
            "src/main/resources/config/liquibase/master.*");

    private SourceDiscovery() {}

    /**
     * The histories found.
     *
     * @param histories every history, ordered by root
     * @param lookedIn when none was found, the places looked in (relative paths), for the warning
     */
    public record Discovery(List<MigrationHistory> histories, List<String> lookedIn) {
        public Discovery {
            histories = List.copyOf(histories);
            lookedIn = List.copyOf(lookedIn);
        }
    }

    /**
     * Discovers the histories below {@code baseDir}, or reads {@code directories} as one history when given.
     *
     * <p>Auto-discovery finds every Supabase ({@code supabase/migrations}), Prisma ({@code prisma/migrations})
     * and Flyway ({@code src/main/resources/db/migration}) root below {@code baseDir}; each is its own
     * history. Folders that cannot be read are skipped while searching, but a root that was found and cannot be
     * read is an error. Configured directories form one history; a single
     * configured directory that is a layout root keeps that layout's order and seed files.
     *
     * @param baseDir the project's base directory
     * @param directories configured roots, relative to {@code baseDir} or absolute; empty (or all blank)
     *     means auto-discovery
     * @param seedPatterns globs of seed/demo files, see {@link SeedClassifier}
     * @param skipModuleDirectories whether folders below {@code baseDir} with their own {@code pom.xml} are
     *     skipped, as the folders of other Maven modules
     * @throws SourceException when a configured directory does not exist or cannot be read, or a discovered root
     *     cannot be read
     */
    public static Discovery discover(
            Path baseDir, List<String> directories, List<String> seedPatterns, boolean skipModuleDirectories) {
        return discover(baseDir, directories, seedPatterns, skipModuleDirectories, ToolConfiguration.NONE);
    }

    /**
     * Like {@link #discover(Path, List, List, boolean)}, with what the build says about the migration tools: a
     * configured Flyway's {@code locations} (from the {@code flyway-maven-plugin}, else Spring Boot's
     * {@code spring.flyway.locations}) form one history in place of Flyway's default folder, and its naming and
     * placeholders apply to every Flyway file of the module.
     */
    public static Discovery discover(
            Path baseDir,
            List<String> directories,
            List<String> seedPatterns,
            boolean skipModuleDirectories,
            ToolConfiguration tools) {
        Path base = baseDir.toAbsolutePath().normalize();
        SpringConfig spring = SpringConfig.read(base);
        FlywaySettings flyway = FlywaySettings.resolve(base, tools.flyway(), spring);
        HistoryReader reader =
                new HistoryReader(base, SeedClassifier.of(seedPatterns == null ? List.of() : seedPatterns), flyway);
        List<String> configured = directories == null
                ? List.of()
                : directories.stream()
                        .filter(d -> d != null && !d.isBlank())
                        .map(String::trim)
                        .toList();
        return configured.isEmpty()
                ? autoDiscover(base, reader, skipModuleDirectories, liquibaseMasters(base, tools, spring))
                : readConfigured(base, reader, configured);
    }

    /**
     * How Flyway names migration files in the module at {@code baseDir}: its prefixes and separator as the
     * {@code flyway-maven-plugin} or Spring Boot configures them, else Flyway's defaults.
     */
    public static FlywayNaming flywayNaming(Path baseDir, ToolConfiguration tools) {
        Path base = baseDir.toAbsolutePath().normalize();
        ToolConfiguration configured = tools == null ? ToolConfiguration.NONE : tools;
        return FlywaySettings.resolve(base, configured.flyway(), SpringConfig.read(base))
                .naming();
    }

    private static Discovery autoDiscover(
            Path base, HistoryReader reader, boolean skipModuleDirectories, List<Path> configuredMasters) {
        Map<Path, Layout> roots = new TreeMap<>();
        // Liquibase: master changelogs, configured or found in db/changelog; the files they include are theirs
        Set<Path> masters = new java.util.LinkedHashSet<>(configuredMasters);
        Set<Path> masterDirs = new java.util.HashSet<>();
        configuredMasters.forEach(m -> masterDirs.add(m.getParent()));
        FlywaySettings flyway = reader.flywaySettings();
        // configured locations replace Flyway's default folder; they are read together below
        Set<Path> flywayDirs = new java.util.HashSet<>();
        if (flyway.configured()) {
            flyway.locations().forEach(l -> flywayDirs.add(l.dir()));
            flywayDirs.add(base.resolve("src/main/resources/db/migration"));
        }
        try {
            FileTree.walk(base, Integer.MAX_VALUE, false, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (flywayDirs.contains(dir.toAbsolutePath().normalize())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(base)) {
                        if (HistoryReader.SKIPPED_DIRECTORIES.contains(
                                dir.getFileName().toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        // Inside a Maven build each module reports its own migrations only.
                        if (skipModuleDirectories && Files.isRegularFile(dir.resolve("pom.xml"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    Path normalized = dir.toAbsolutePath().normalize();
                    Optional<Path> master = HistoryReader.liquibaseMaster(normalized);
                    if (master.isPresent() || masterDirs.contains(normalized)) {
                        if (!masterDirs.contains(normalized)) {
                            masters.add(master.get());
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Optional<Layout> layout = HistoryReader.layoutOf(dir, true);
                    if (layout.isEmpty()) {
                        layout = HistoryReader.toolLayoutOf(dir);
                    }
                    if (layout.isPresent()) {
                        roots.put(dir, layout.get());
                        // The layout reader takes it from here; a root is never part of another root.
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path path, IOException exc) {
                    // A folder that cannot be opened is skipped, unless its place makes it a migration root:
                    // that one is read below and fails naming it, rather than passing as "no migrations".
                    Optional<Layout> layout = HistoryReader.layoutOf(path, true);
                    if (layout.isPresent() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        roots.put(path, layout.get());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // not reached: a non-strict walk skips what it cannot read
        }
        List<MigrationHistory> histories = new ArrayList<>();
        Set<String> emptyRoots = new LinkedHashSet<>();
        roots.forEach((dir, layout) -> {
            String root = reader.relative(dir);
            // A folder found by its layout is a history: reading only part of it, or none, would pass a build
            // whose migrations were never checked. Folders outside the roots are still skipped above.
            List<MigrationFile> files = readStrictly(reader, dir, layout, "migration folder " + root);
            if (files.isEmpty()) {
                emptyRoots.add(root);
            } else {
                histories.add(new MigrationHistory(root, layout, files));
            }
        });
        for (Path master : masters) {
            List<MigrationFile> files = reader.liquibase(master);
            if (!files.isEmpty()) {
                histories.add(new MigrationHistory(reader.relative(master), Layout.LIQUIBASE, files));
            }
        }
        List<FlywaySettings.Location> present = flyway.locations().stream()
                .filter(l -> Files.isDirectory(l.dir()))
                .toList();
        if (!present.isEmpty()) {
            String root = String.join(
                    ",", present.stream().map(l -> reader.relative(l.dir())).toList());
            List<MigrationFile> files;
            try {
                files = reader.flywayLocations(present, true);
            } catch (IOException e) {
                throw new SourceException(
                        "Flyway location (" + flyway.configuredIn() + ") cannot be read (" + e.getMessage() + ")", e);
            }
            if (!files.isEmpty()) {
                histories.add(new MigrationHistory(root, Layout.FLYWAY, files));
            }
        }
        histories.sort(Comparator.comparing(MigrationHistory::root));
        if (!histories.isEmpty()) {
            return new Discovery(histories, List.of());
        }
        Set<String> lookedIn = new LinkedHashSet<>(CONVENTIONAL_ROOTS);
        flyway.locations().forEach(l -> lookedIn.add(l.written()));
        lookedIn.addAll(emptyRoots);
        return new Discovery(List.of(), List.copyOf(lookedIn));
    }

    /**
     * The master changelogs the build names: the {@code changeLogFile} of a {@code liquibase-maven-plugin}, else
     * Spring Boot's {@code spring.liquibase.change-log}; a {@code classpath:} path is read below
     * {@code src/main/resources}. Only those that exist.
     */
    private static List<Path> liquibaseMasters(Path base, ToolConfiguration tools, SpringConfig spring) {
        String configured = tools.liquibase().get("changeLogFile");
        if (configured == null || configured.isBlank()) {
            configured = spring.get("spring.liquibase.change-log");
        }
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            return List.of();
        }
        String path = configured.strip();
        boolean classpath = path.startsWith("classpath:");
        path = path.replaceFirst("^classpath\\*?:", "");
        List<Path> candidates = new ArrayList<>();
        if (!classpath) {
            candidates.add(base.resolve(path));
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        candidates.add(base.resolve("src/main/resources").resolve(path));
        return candidates.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .filter(Files::isRegularFile)
                .limit(1)
                .toList();
    }

    private static Discovery readConfigured(Path base, HistoryReader reader, List<String> configured) {
        // a configured entry that is a Liquibase changelog file is that history's master changelog
        if (configured.size() == 1) {
            Path file = resolved(base, configured.get(0));
            if (Files.isRegularFile(file) && HistoryReader.liquibaseChangelog(file)) {
                List<MigrationFile> files = reader.liquibase(file);
                return files.isEmpty()
                        ? new Discovery(List.of(), List.of(reader.relative(file)))
                        : new Discovery(
                                List.of(new MigrationHistory(reader.relative(file), Layout.LIQUIBASE, files)),
                                List.of());
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (String entry : configured) {
            dirs.add(checkedDirectory(base, entry));
        }
        Set<String> roots = new LinkedHashSet<>();
        dirs.forEach(dir -> roots.add(reader.relative(dir)));
        String root = String.join(",", roots);
        Layout layout = dirs.size() == 1
                ? HistoryReader.layoutOf(dirs.get(0), false)
                        .or(() -> HistoryReader.toolLayoutOf(dirs.get(0)))
                        .orElse(Layout.PLAIN)
                : Layout.PLAIN;
        List<MigrationFile> files;
        if (layout == Layout.PLAIN) {
            List<MigrationFile> merged = new ArrayList<>();
            for (int k = 0; k < dirs.size(); k++) {
                merged.addAll(readStrictly(reader, dirs.get(k), Layout.PLAIN, configuredLabel(configured.get(k))));
            }
            // Files of several folders run as one history, by path, as Flyway merges its locations.
            Map<String, MigrationFile> byPath = new TreeMap<>(NaturalOrder.PATHS);
            merged.forEach(file -> byPath.putIfAbsent(file.relativePath(), file));
            files = List.copyOf(byPath.values());
        } else {
            files = readStrictly(reader, dirs.get(0), layout, configuredLabel(configured.get(0)));
        }
        if (files.isEmpty()) {
            return new Discovery(List.of(), List.copyOf(roots));
        }
        return new Discovery(List.of(new MigrationHistory(root, layout, files)), List.of());
    }

    /** The absolute path a configured entry names. */
    private static Path resolved(Path base, String entry) {
        try {
            return base.resolve(entry).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SourceException("refguard.directories: " + entry + " is not a valid path: " + e.getReason(), e);
        }
    }

    /** The absolute folder a configured entry names, checked to be a readable directory. */
    private static Path checkedDirectory(Path base, String entry) {
        Path dir = resolved(base, entry);
        if (!Files.exists(dir)) {
            throw new SourceException("refguard.directories: " + entry + " does not exist (" + dir + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new SourceException(
                    "refguard.directories: " + entry + " does not exist as a directory (" + dir + " is a file; the one"
                            + " file refguard.directories may name is a Liquibase master changelog: .xml, .yaml,"
                            + " .yml, .json, or .sql starting with --liquibase formatted sql)");
        }
        if (!Files.isReadable(dir)) {
            throw new SourceException(
                    "refguard.directories: " + entry + " cannot be read (" + dir + ": access denied)");
        }
        return dir;
    }

    private static String configuredLabel(String entry) {
        return "refguard.directories: " + entry;
    }

    /**
     * The files of one root, failing on the first folder that cannot be read.
     *
     * @param label how the message names the root: the configured entry, or the discovered folder
     */
    private static List<MigrationFile> readStrictly(HistoryReader reader, Path dir, Layout layout, String label) {
        try {
            return reader.read(dir, layout, true);
        } catch (IOException e) {
            String where =
                    e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : dir.toString();
            String reason;
            if (e instanceof AccessDeniedException) {
                reason = "access denied";
            } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
                reason = fse.getReason();
            } else {
                reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            }
            throw new SourceException(label + " cannot be read (" + where + ": " + reason + ")", e);
        }
    }
}
