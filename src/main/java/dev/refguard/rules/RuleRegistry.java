package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.findings.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The explicit list of built-in rules, and strict parsing of rule ids. */
public final class RuleRegistry {
    private static final List<Rule> RULES = List.of(
            new MixedUserReferenceRule(),
            new SeedOnlyReferenceRule(),
            new MissingReferenceTargetRule(),
            new TableRedefinedRule(),
            new IdentifierCaseMismatchRule(),
            new FkTypeMismatchRule(),
            new IfNotExistsOverSharedRule(),
            new FkToNonUniqueRule(),
            new IgnoredInlineReferenceRule(),
            new DestructiveOnSharedRule(),
            new MissingUserSyncTriggerRule(),
            new UnenforcedReferenceRule(),
            new RejectedStatementRule(),
            new UnparsedStatementRule());

    private RuleRegistry() {}

    /** The rules that check replayed histories, in documentation order. */
    public static List<Rule> rules() {
        return RULES;
    }

    private static final List<RuleInfo> INFOS = collectInfos();
    private static final List<RuleInfo> ALL_INFOS = allInfos(INFOS);
    private static final List<String> IDS = ALL_INFOS.stream().map(RuleInfo::id).toList();

    private static List<RuleInfo> allInfos(List<RuleInfo> replay) {
        List<RuleInfo> all = new ArrayList<>(replay);
        all.addAll(DriftRules.infos());
        return List.copyOf(all);
    }

    private static List<RuleInfo> collectInfos() {
        List<RuleInfo> infos = new ArrayList<>();
        RULES.forEach(r -> infos.add(r.info()));
        infos.add(Suppressions.UNUSED);
        infos.add(Suppressions.INVALID);
        return List.copyOf(infos);
    }

    /** Every rule's metadata, the suppression checks included, in documentation order. */
    public static List<RuleInfo> infos() {
        return INFOS;
    }

    /**
     * The checks of the {@code drift} goal ({@link DriftRules}): registered ids with default severities, but no
     * replay rules, so {@code check} neither runs nor lists them.
     */
    public static List<RuleInfo> driftInfos() {
        return DriftRules.infos();
    }

    /** {@link #infos()} and then {@link #driftInfos()}: every id {@code severities} and suppressions accept. */
    public static List<RuleInfo> allInfos() {
        return ALL_INFOS;
    }

    /** Every built-in rule id, the drift checks included, in documentation order. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * Validates a {@code severities} configuration map (rule id to severity name).
     *
     * @throws IllegalArgumentException naming the bad rule id or severity and listing the valid ones
     */
    public static Map<String, Severity> parseSeverities(Map<String, String> raw) {
        Map<String, Severity> result = new TreeMap<>();
        raw.forEach((id, value) -> {
            String key = id == null ? "" : id.trim();
            if (!ids().contains(key)) {
                throw new IllegalArgumentException(
                        "unknown rule id '" + id + "' in severities; valid: " + String.join(", ", ids()));
            }
            try {
                result.put(key, Severity.parse(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("severities." + key + ": " + e.getMessage(), e);
            }
        });
        return result;
    }
}
