package dev.refguard.findings;

/**
 * What reports need to know about a rule.
 *
 * @param id kebab-case id
 * @param defaultSeverity the rule's own default
 * @param summary one sentence: what it catches
 * @param help what to do about it, a paragraph
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary, String help) {}
