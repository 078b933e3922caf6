package dev.refguard.source;

import dev.refguard.engine.RefguardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link SourceDiscovery} in a child JVM, for the tests that need a process which cannot read a folder. Arguments:
 * the base directory, the folder that must be unreadable, the directories ({@code -} for auto-discovery). Prints
 * {@code listable: <whether it could list that folder>}, then {@code roots: <history roots>} or
 * {@code error: <the SourceException's message>}.
 */
public final class DiscoveryProbe {
    private DiscoveryProbe() {}

    public static void main(String[] args) {
        Path base = Path.of(args[0]);
        System.out.println("listable: " + listable(Path.of(args[1])));
        List<String> directories = "-".equals(args[2]) ? List.of() : Arrays.asList(args[2].split(","));
        try {
            SourceDiscovery.Discovery discovery =
                    SourceDiscovery.discover(base, directories, RefguardConfig.DEFAULT_SEED_PATTERNS, false);
            System.out.println("roots: "
                    + discovery.histories().stream().map(MigrationHistory::root).collect(Collectors.joining(",")));
        } catch (SourceException e) {
            System.out.println("error: " + e.getMessage().replaceAll("\\R", " "));
        }
    }

    private static boolean listable(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.count() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
