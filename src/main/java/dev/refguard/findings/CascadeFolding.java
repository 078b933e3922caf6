package dev.refguard.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the echoes of a failure under their cause. A statement that fails only because an earlier one failed (the
 * table it needs was never created, the column never added, its transaction block aborted) is no new finding: its
 * errors are dropped, and the root's finding says how many later statements fail because of it and lists where
 * they are ({@link Finding#cascades()}). So a broken history reads as its few causes, not hundreds of echoes (see
 * docs/replay.md, "Rejected statements and cascades").
 *
 * <p>Only errors are folded: a warning or a note about the later statement (an unenforced reference, a destructive
 * statement) stays. A root that no rule reported (a rejection resting on a statement refguard could not read) folds
 * nothing, so no error is hidden without its cause being shown.
 */
public final class CascadeFolding {
    private CascadeFolding() {}

    /**
     * One statement that fails only because an earlier one failed, as the replay knows it.
     *
     * @param at where the statement fails
     * @param statementLine the line where the statement starts
     * @param root the offending clause of the statement whose failure this one echoes
     * @param rootStatementLine the line where that statement starts
     * @param reason PostgreSQL's words for this statement's failure
     */
    public record Link(Location at, int statementLine, Location root, int rootStatementLine, String reason) {}

    private record StatementKey(String file, int line) {}

    /**
     * The candidates with every cascade folded under its root's finding.
     *
     * @param candidates the findings the rules reported for one history
     * @param links the cascades the replay of that history recorded, in history order
     */
    public static List<Candidate> fold(List<Candidate> candidates, List<Link> links) {
        if (links.isEmpty()) {
            return candidates;
        }
        Map<StatementKey, List<Link>> byRoot = new LinkedHashMap<>();
        for (Link link : links) {
            byRoot.computeIfAbsent(
                            new StatementKey(link.root().file(), link.rootStatementLine()), k -> new ArrayList<>())
                    .add(link);
        }
        List<Candidate> out = new ArrayList<>(candidates);
        Set<StatementKey> echoes = new HashSet<>();
        byRoot.forEach((rootKey, rootLinks) -> {
            int index = rootIndex(out, rootKey, rootLinks.get(0).root());
            if (index < 0) {
                return;
            }
            List<Finding.Cascade> cascades = new ArrayList<>();
            Set<Location> seen = new HashSet<>();
            for (Link link : rootLinks) {
                StatementKey at = new StatementKey(link.at().file(), link.statementLine());
                if (at.equals(rootKey)) {
                    continue;
                }
                echoes.add(at);
                if (seen.add(link.at())) {
                    cascades.add(new Finding.Cascade(link.at(), link.reason()));
                }
            }
            if (cascades.isEmpty()) {
                return;
            }
            cascades.sort(Comparator.comparing(Finding.Cascade::location));
            Candidate root = out.get(index);
            Finding f = root.finding();
            List<Finding.Cascade> all = new ArrayList<>(f.cascades());
            all.addAll(cascades);
            int n = all.size();
            String message =
                    f.message() + ", and " + n + " later statement" + (n == 1 ? " fails" : "s fail") + " because of it";
            out.set(index, new Candidate(f.withCascades(message, all), root.statementLine(), root.demoted()));
        });
        out.removeIf(c -> c.finding().severity() == Severity.ERROR
                && c.finding().cascades().isEmpty()
                && echoes.contains(new StatementKey(c.finding().location().file(), c.statementLine())));
        return out;
    }

    /**
     * The finding that stands for the root statement: its first error, the one at the offending clause first,
     * else its first other finding; -1 when no rule reported the statement.
     */
    private static int rootIndex(List<Candidate> candidates, StatementKey rootKey, Location root) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (!c.finding().location().file().equals(rootKey.file()) || c.statementLine() != rootKey.line()) {
                continue;
            }
            boolean error = c.finding().severity() == Severity.ERROR;
            boolean atClause = c.finding().location().equals(root);
            int rank = error ? (atClause ? 0 : 1) : (atClause ? 2 : 3);
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }
}
