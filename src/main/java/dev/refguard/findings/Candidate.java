package dev.refguard.findings;

/**
 * A finding as a rule proposes it, before configuration, suppression and the baseline are applied.
 *
 * @param finding the finding with the rule's default severity
 * @param statementLine the line where the offending statement starts: a suppression comment on the
 *     line above it applies
 * @param demoted whether the rule lowered its own confidence (the facts depend on a statement that
 *     could not be read): an error is then reported as a warning
 */
public record Candidate(Finding finding, int statementLine, boolean demoted) {}
