package dev.refguard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.split.SqlComment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final List<String> IDS = List.of("missing-reference-target", "table-redefined");

    private static Candidate finding(String rule, int line, int statementLine) {
        Finding f = new Finding(rule, Severity.ERROR, new Location("a.sql", line, 5), "m", "h", "", false);
        return new Candidate(f, statementLine, false);
    }

    private static List<String> rules(List<Candidate> out) {
        return out.stream()
                .map(c -> c.finding().ruleId() + "@" + c.finding().location().line())
                .toList();
    }

    @Test
    void aCommentOnTheLineOrAboveTheStatementSilencesItsRule() {
        List<Candidate> in = List.of(finding("missing-reference-target", 4, 3), finding("table-redefined", 9, 9));
        Map<String, List<SqlComment>> comments = Map.of(
                "a.sql",
                List.of(
                        new SqlComment(" refguard:ignore missing-reference-target legacy table", 2, 1),
                        new SqlComment(" refguard:ignore table-redefined, missing-reference-target reset", 9, 40)));
        assertThat(rules(Suppressions.apply(in, comments, IDS))).isEmpty();
    }

    @Test
    void aCommentElsewhereOrForAnotherRuleSilencesNothingAndIsReportedUnused() {
        List<Candidate> in = List.of(finding("missing-reference-target", 4, 4));
        Map<String, List<SqlComment>> comments =
                Map.of("a.sql", List.of(new SqlComment(" refguard:ignore table-redefined because", 3, 1)));
        assertThat(rules(Suppressions.apply(in, comments, IDS)))
                .containsExactly("missing-reference-target@4", "unused-suppression@3");
    }

    @Test
    void aSuppressionWithoutReasonStillSilencesButIsReported() {
        List<Candidate> in = List.of(finding("missing-reference-target", 4, 4));
        Map<String, List<SqlComment>> comments =
                Map.of("a.sql", List.of(new SqlComment(" refguard:ignore missing-reference-target", 4, 30)));
        assertThat(rules(Suppressions.apply(in, comments, IDS))).containsExactly("invalid-suppression@4");
    }

    @Test
    void fileWideSuppressionAndUnknownIds() {
        List<Candidate> in = List.of(finding("table-redefined", 40, 40));
        Map<String, List<SqlComment>> comments = Map.of(
                "a.sql",
                List.of(new SqlComment(" refguard:ignore-file table-redefined, no-such-rule squashed history", 1, 1)));
        assertThat(rules(Suppressions.apply(in, comments, IDS))).containsExactly("invalid-suppression@1");
    }
}
