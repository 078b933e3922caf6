package dev.refguard.maven;

import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run of the {@code check} goal needs, validated.
 *
 * @param config the engine's configuration
 * @param formats the reports to write
 * @param failOn the lowest severity that fails the build; {@code null} for {@code never}
 */
public record CheckSettings(RefguardConfig config, Set<ReportFormat> formats, Severity failOn) {
    public CheckSettings {
        formats = Set.copyOf(formats);
    }

    /** The failure threshold, empty when {@code failOn} is {@code never}. */
    public Optional<Severity> failThreshold() {
        return Optional.ofNullable(failOn);
    }
}
