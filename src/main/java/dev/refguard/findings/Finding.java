package dev.refguard.findings;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found, immutable. Findings are sorted by file, line, column, then rule.
 *
 * @param ruleId the kebab-case rule id, e.g. {@code mixed-user-reference}
 * @param severity the effective severity (configuration applied)
 * @param location where the offending clause is
 * @param message one line that names the tables and columns
 * @param hint how to fix it, ideally the exact SQL to write; may span lines
 * @param fingerprint a stable hash of the offending statement's normalised text, for the baseline
 * @param baselined whether the baseline file records this finding (it then does not fail the build)
 */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String message,
        String hint,
        String fingerprint,
        boolean baselined)
        implements Comparable<Finding> {

    /** The report order: file, line, column, rule, then message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** A copy with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, hint, fingerprint, baselined);
    }

    /** A copy marked as recorded in the baseline. */
    public Finding asBaselined() {
        return new Finding(ruleId, severity, location, message, hint, fingerprint, true);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
