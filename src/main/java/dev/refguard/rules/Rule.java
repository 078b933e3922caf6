package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;

/** One check over a replayed history. Implementations are stateless. */
public interface Rule {
    /** The rule's id, default severity, summary and help. */
    RuleInfo info();

    /** Reports what is wrong in {@code context} to {@code sink}. */
    void check(RuleContext context, FindingSink sink);
}
