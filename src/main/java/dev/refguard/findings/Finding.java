package dev.refguard.findings;

import java.util.Comparator;
import java.util.List;
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
 * @param cascades the later statements that fail only because this one does (its table never created, its column
 *     never added, its transaction block aborted), folded under it rather than reported on their own
 *     ({@link CascadeFolding}); empty for most findings
 */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String message,
        String hint,
        String fingerprint,
        boolean baselined,
        List<Cascade> cascades)
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
        cascades = cascades == null ? List.of() : List.copyOf(cascades);
    }

    /** A finding with no cascade. */
    public Finding(
            String ruleId,
            Severity severity,
            Location location,
            String message,
            String hint,
            String fingerprint,
            boolean baselined) {
        this(ruleId, severity, location, message, hint, fingerprint, baselined, List.of());
    }

    /**
     * A statement that fails only because the finding's statement failed.
     *
     * @param location where it is
     * @param reason PostgreSQL's words for its failure, e.g. {@code relation "orders" does not exist}
     */
    public record Cascade(Location location, String reason) {
        public Cascade {
            Objects.requireNonNull(location, "location");
            reason = reason == null ? "" : reason;
        }
    }

    /** A copy with another message and the cascades folded under it. */
    public Finding withCascades(String newMessage, List<Cascade> newCascades) {
        return new Finding(ruleId, severity, location, newMessage, hint, fingerprint, baselined, newCascades);
    }

    /** A copy with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, hint, fingerprint, baselined, cascades);
    }

    /** A copy marked as recorded in the baseline. */
    public Finding asBaselined() {
        return new Finding(ruleId, severity, location, message, hint, fingerprint, true, cascades);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
