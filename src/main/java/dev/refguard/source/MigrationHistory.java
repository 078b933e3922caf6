package dev.refguard.source;

import java.util.List;

/**
 * The files of one migration history in the order they run. Each discovered layout root is its own
 * history and is replayed on its own.
 *
 * @param root the history's root directory relative to the base directory ({@code /} separators,
 *     {@code .} for the base directory itself)
 * @param layout the convention the files follow
 * @param files the files in migration order, seed files included at their place in that order
 */
public record MigrationHistory(String root, Layout layout, List<MigrationFile> files) {
    public MigrationHistory {
        files = List.copyOf(files);
    }
}
