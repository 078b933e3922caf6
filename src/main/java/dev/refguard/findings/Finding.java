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
 * @param hint how to fix it, in words, with the exact SQL of {@code fix} inside it when there is one; may span
 *     lines
 * @param fingerprint a stable hash of the offending statement's normalised text, for the baseline
 * @param baselined whether the baseline file records this finding (it then does not fail the build)
 * @param fix the exact SQL to write in a new migration, when the rule can say it; empty when the hint is prose
 *     only. Reports show it as code (a Markdown {@code sql} block, a SARIF fix), never the prose around it
 * @param preexisting whether the finding lies in a file the change under review did not touch ({@code sinceRef}):
 *     it is reported as pre-existing and does not fail the build
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
        String fix,
        boolean preexisting,
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
        fix = fix == null ? "" : fix.strip();
        cascades = cascades == null ? List.of() : List.copyOf(cascades);
    }

    /** A finding whose hint is prose only (no SQL fix), in a file the change under review touched, no cascade. */
    public Finding(
            String ruleId,
            Severity severity,
            Location location,
            String message,
            String hint,
            String fingerprint,
            boolean baselined) {
        this(ruleId, severity, location, message, hint, fingerprint, baselined, "", false, List.of());
    }

    /** A finding with its SQL fix, no cascade. */
    public Finding(
            String ruleId,
            Severity severity,
            Location location,
            String message,
            String hint,
            String fingerprint,
            boolean baselined,
            String fix,
            boolean preexisting) {
        this(ruleId, severity, location, message, hint, fingerprint, baselined, fix, preexisting, List.of());
    }

    /** A finding with the cascades folded under it, its hint prose only. */
    public Finding(
            String ruleId,
            Severity severity,
            Location location,
            String message,
            String hint,
            String fingerprint,
            boolean baselined,
            List<Cascade> cascades) {
        this(ruleId, severity, location, message, hint, fingerprint, baselined, "", false, cascades);
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
        return new Finding(
                ruleId, severity, location, newMessage, hint, fingerprint, baselined, fix, preexisting, newCascades);
    }

    /** A copy with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(
                ruleId, newSeverity, location, message, hint, fingerprint, baselined, fix, preexisting, cascades);
    }

    /** A copy marked as recorded in the baseline. */
    public Finding asBaselined() {
        return new Finding(ruleId, severity, location, message, hint, fingerprint, true, fix, preexisting, cascades);
    }

    /** A copy marked as pre-existing: outside the files changed since {@code sinceRef}. */
    public Finding asPreexisting() {
        return new Finding(ruleId, severity, location, message, hint, fingerprint, baselined, fix, true, cascades);
    }

    /** Whether it stays out of the build's verdict: recorded in the baseline, or older than the change. */
    public boolean accepted() {
        return baselined || preexisting;
    }

    /** The words of the hint before its SQL fix (the whole prose when there is no fix in it). */
    public String hintBeforeFix() {
        if (fix.isEmpty() || !hint.contains(fix)) {
            return hint.strip();
        }
        return hint.substring(0, hint.indexOf(fix)).strip();
    }

    /** The words of the hint after its SQL fix; empty when there is no fix in it. */
    public String hintAfterFix() {
        if (fix.isEmpty() || !hint.contains(fix)) {
            return "";
        }
        return hint.substring(hint.indexOf(fix) + fix.length()).strip();
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
