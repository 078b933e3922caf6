package dev.refguard.rules;

import dev.refguard.findings.Candidate;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ReplayEvent.StatementRef;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings rules report, turning statement references into locations. */
public final class FindingSink {
    private final List<Candidate> candidates = new ArrayList<>();

    /** Reports a finding at the rule's default severity. */
    public void report(RuleInfo rule, StatementRef at, String message, String hint) {
        report(rule, rule.defaultSeverity(), at, message, hint, false);
    }

    /**
     * Reports a finding.
     *
     * @param severity the severity the rule proposes for this case (a rule may propose a lower one than
     *     its default, e.g. a warning for integer widths)
     * @param demoted whether unreadable statements make the facts uncertain
     */
    public void report(
            RuleInfo rule, Severity severity, StatementRef at, String message, String hint, boolean demoted) {
        report(rule, severity, at, message, hint, "", demoted);
    }

    /**
     * Reports a finding whose hint holds the exact SQL to write.
     *
     * @param hint the hint in words, {@code fix} included
     * @param fix the exact SQL of the fix, as it appears in {@code hint}
     */
    public void reportWithFix(RuleInfo rule, StatementRef at, String message, String hint, String fix) {
        report(rule, rule.defaultSeverity(), at, message, hint, fix, false);
    }

    private void report(
            RuleInfo rule,
            Severity severity,
            StatementRef at,
            String message,
            String hint,
            String fix,
            boolean demoted) {
        Location location = location(at);
        // a statement under a guard refguard could not evaluate may never run (docs/replay.md, "Control flow")
        String said = at.uncertain() ? message + " (under a condition refguard cannot evaluate)" : message;
        Finding finding = new Finding(rule.id(), severity, location, said, hint, at.fingerprint(), false, fix, false);
        candidates.add(new Candidate(finding, at.statementLine(), demoted || at.uncertain()));
    }

    /** Where a statement reference points, as findings name it. */
    public static Location location(StatementRef at) {
        return new Location(
                at.file().relativePath(), at.position().line(), at.position().column());
    }

    /** Everything reported so far. */
    public List<Candidate> candidates() {
        return List.copyOf(candidates);
    }
}
