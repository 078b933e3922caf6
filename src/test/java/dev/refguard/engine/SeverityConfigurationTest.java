package dev.refguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.findings.Candidate;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityConfigurationTest {
    private static Candidate candidate(String rule, Severity proposed, boolean demoted) {
        return new Candidate(new Finding(rule, proposed, new Location("a.sql", 1, 1), "m", "h", "", false), 1, demoted);
    }

    @Test
    void configuredSeverityReplacesTheDefaultAndOffDropsTheRule() {
        List<Finding> out = Engine.applySeverities(
                List.of(
                        candidate("table-redefined", Severity.ERROR, false),
                        candidate("unparsed-statement", Severity.WARNING, false)),
                Map.of("table-redefined", Severity.WARNING, "unparsed-statement", Severity.OFF));
        assertThat(out)
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("table-redefined", Severity.WARNING));
    }

    @Test
    void aWarningOfAnErrorRuleDoesNotRiseWithTheRule() {
        List<Finding> out = Engine.applySeverities(
                List.of(candidate("fk-type-mismatch", Severity.WARNING, false)),
                Map.of("fk-type-mismatch", Severity.ERROR));
        assertThat(out.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void demotedFindingsAreAtMostWarnings() {
        List<Finding> out =
                Engine.applySeverities(List.of(candidate("missing-reference-target", Severity.ERROR, true)), Map.of());
        assertThat(out.get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
