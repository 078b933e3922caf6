package dev.refguard.fix;

import dev.refguard.findings.Finding;
import dev.refguard.source.MigrationHistory;
import java.util.List;

/**
 * The one new migration {@code refguard:fix} writes for a history.
 *
 * @param history the history it extends
 * @param target where it goes
 * @param text the whole file
 * @param fixed the findings its SQL corrects, in report order
 */
public record FixFile(MigrationHistory history, FixTarget target, String text, List<Finding> fixed) {
    public FixFile {
        fixed = List.copyOf(fixed);
    }
}
