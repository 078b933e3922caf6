package dev.refguard.rules;

import dev.refguard.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The explicit list of built-in rules, and strict parsing of rule ids. */
public final class RuleRegistry {
    private RuleRegistry() {}

    /** Every built-in rule id, in documentation order. */
    public static List<String> ids() {
        throw new UnsupportedOperationException("TODO: rules");
    }

    /**
     * Validates a {@code severities} configuration map (rule id to severity name).
     *
     * @throws IllegalArgumentException naming the bad rule id or severity and listing the valid ones
     */
    public static Map<String, Severity> parseSeverities(Map<String, String> raw) {
        Map<String, Severity> result = new TreeMap<>();
        raw.forEach((id, value) -> {
            if (!ids().contains(id.trim())) {
                throw new IllegalArgumentException(
                        "unknown rule id '" + id + "' in severities; valid: " + String.join(", ", ids()));
            }
            result.put(id.trim(), Severity.parse(value));
        });
        return result;
    }
}
