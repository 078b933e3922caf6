package dev.refguard.source;

import java.nio.file.Path;
import java.util.List;

/** Finds the migration histories of a project (SPEC §4). */
public final class SourceDiscovery {
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
     * @throws SourceException when a configured directory does not exist or cannot be read
     */
    public static Discovery discover(
            Path baseDir, List<String> directories, List<String> seedPatterns, boolean skipModuleDirectories) {
        throw new UnsupportedOperationException("TODO: discovery");
    }
}
