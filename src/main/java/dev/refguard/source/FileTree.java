package dev.refguard.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists files below a folder without following symbolic links to folders, so a link loop cannot make a
 * walk endless. A link to a single regular file is read like the file, as the migration tools read it.
 *
 * <p>Paths come back as seen from the folder asked for: when that folder is itself a link (a configured
 * {@code migrations -> ../shared/migrations}), its target is walked but the paths found are given below
 * the link, so they read the way the user wrote them. The result is in no particular order; callers sort.
 */
final class FileTree {
    private FileTree() {}

    /**
     * The regular files named {@code *.sql} (any case) in {@code dir}, and below it when {@code recursive}.
     *
     * @param strict whether a folder that cannot be read is an error (configured folders) or is skipped
     *     (auto-discovery)
     * @throws IOException in strict mode, the first folder that cannot be read
     */
    static List<Path> sqlFiles(Path dir, boolean recursive, boolean strict) throws IOException {
        return sqlFiles(dir, recursive, strict, Set.of());
    }

    /**
     * Like {@link #sqlFiles(Path, boolean, boolean)}, but never enters a folder below {@code dir} whose name
     * is in {@code skippedFolders} ({@code dir} itself is always read).
     */
    static List<Path> sqlFiles(Path dir, boolean recursive, boolean strict, Set<String> skippedFolders)
            throws IOException {
        List<Path> found = new ArrayList<>();
        walk(dir, recursive ? Integer.MAX_VALUE : 1, strict, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                boolean skipped = !d.equals(dir) && skippedFolders.contains(String.valueOf(d.getFileName()));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Files.isRegularFile follows a link to a file but is false for a folder named x.sql.
                if (isSqlName(file) && Files.isRegularFile(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // only reached when not strict
            }
        });
        return found;
    }

    /**
     * Walks {@code dir} with {@link Files#walkFileTree}, never following links, handing {@code visitor}
     * paths below {@code dir} as written (see the class comment).
     *
     * @param strict whether the first path that cannot be read ends the walk with its exception; otherwise the
     *     visitor's {@code visitFileFailed} decides (a folder that cannot be opened reaches only that method,
     *     never {@code preVisitDirectory})
     */
    static void walk(Path dir, int maxDepth, boolean strict, FileVisitor<Path> visitor) throws IOException {
        Path start = linkTarget(dir);
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth, new FileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                return visitor.preVisitDirectory(seenFrom(dir, start, d), attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                return visitor.visitFile(seenFrom(dir, start, file), attrs);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (strict) {
                    throw exc;
                }
                return visitor.visitFileFailed(seenFrom(dir, start, file), exc);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && strict) {
                    throw exc;
                }
                return visitor.postVisitDirectory(seenFrom(dir, start, d), null);
            }
        });
    }

    /**
     * The sub-folders directly in {@code dir} (a link to a folder counts: listing one level cannot loop).
     *
     * @throws IOException when {@code dir} cannot be listed and {@code strict}
     */
    static List<Path> subdirectories(Path dir, boolean strict) throws IOException {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    result.add(entry);
                }
            }
        } catch (IOException e) {
            if (strict) {
                throw e;
            }
        }
        return result;
    }

    private static boolean isSqlName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** The real folder behind {@code dir} when it is a link, else {@code dir} itself. */
    private static Path linkTarget(Path dir) {
        if (!Files.isSymbolicLink(dir)) {
            return dir;
        }
        try {
            return dir.toRealPath();
        } catch (IOException | SecurityException e) {
            return dir;
        }
    }

    private static Path seenFrom(Path dir, Path start, Path found) {
        return start == dir ? found : dir.resolve(start.relativize(found));
    }
}
