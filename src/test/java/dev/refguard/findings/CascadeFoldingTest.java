package dev.refguard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeFoldingTest {
    private static final String FILE = "supabase/migrations/20250101000000_init.sql";
    private static final String LATER = "supabase/migrations/20250201000000_more.sql";

    private static Candidate candidate(String rule, Severity severity, String file, int line, int column) {
        return new Candidate(
                new Finding(rule, severity, new Location(file, line, column), rule + " at " + line, "", "", false),
                line,
                false);
    }

    private static CascadeFolding.Link link(String file, int line, int rootLine, String reason) {
        return new CascadeFolding.Link(
                new Location(file, line, 3), line, new Location(FILE, rootLine, 14), rootLine, reason);
    }

    @Test
    void echoesOfAFailureAreCountedUnderTheRootNotReported() {
        Candidate root = candidate("rejected-statement", Severity.ERROR, FILE, 2, 14);
        Candidate echo = candidate("missing-reference-target", Severity.ERROR, FILE, 5, 3);
        Candidate laterEcho = candidate("missing-reference-target", Severity.ERROR, LATER, 1, 3);
        Candidate unrelated = candidate("table-redefined", Severity.ERROR, LATER, 9, 1);

        List<Candidate> folded = CascadeFolding.fold(
                List.of(root, echo, laterEcho, unrelated),
                List.of(
                        link(FILE, 5, 2, "relation \"invoices\" does not exist"),
                        link(LATER, 1, 2, "relation \"invoices\" does not exist"),
                        link(LATER, 4, 2, "relation \"invoices\" does not exist")));

        assertThat(folded)
                .extracting(c -> c.finding().ruleId() + "@" + c.finding().location())
                .containsExactly("rejected-statement@" + FILE + ":2:14", "table-redefined@" + LATER + ":9:1");
        Finding f = folded.get(0).finding();
        assertThat(f.message()).isEqualTo("rejected-statement at 2, and 3 later statements fail because of it");
        assertThat(f.cascades())
                .extracting(c -> c.location().toString())
                .containsExactly(FILE + ":5:3", LATER + ":1:3", LATER + ":4:3");
        assertThat(f.cascades().get(0).reason()).isEqualTo("relation \"invoices\" does not exist");
    }

    @Test
    void oneEchoIsSaidInTheSingular() {
        List<Candidate> folded = CascadeFolding.fold(
                List.of(candidate("rejected-statement", Severity.ERROR, FILE, 2, 14)),
                List.of(link(FILE, 5, 2, "current transaction is aborted")));

        assertThat(folded.get(0).finding().message()).endsWith(", and 1 later statement fails because of it");
    }

    @Test
    void warningsAndNotesOnAnEchoStay() {
        Candidate root = candidate("rejected-statement", Severity.ERROR, FILE, 2, 14);
        Candidate note = candidate("unenforced-reference", Severity.INFO, FILE, 5, 3);

        List<Candidate> folded = CascadeFolding.fold(List.of(root, note), List.of(link(FILE, 5, 2, "r")));

        assertThat(folded)
                .extracting(c -> c.finding().ruleId())
                .containsExactly("rejected-statement", "unenforced-reference");
    }

    @Test
    void aRootNoRuleReportedFoldsNothing() {
        Candidate echo = candidate("missing-reference-target", Severity.ERROR, FILE, 5, 3);

        List<Candidate> folded = CascadeFolding.fold(List.of(echo), List.of(link(FILE, 5, 2, "r")));

        assertThat(folded).containsExactly(echo);
        assertThat(folded.get(0).finding().cascades()).isEmpty();
    }

    @Test
    void theRootsErrorTakesTheCascadesBeforeANoteOnTheSameStatement() {
        Candidate note = candidate("unenforced-reference", Severity.INFO, FILE, 2, 14);
        Candidate error = new Candidate(
                new Finding("rejected-statement", Severity.ERROR, new Location(FILE, 3, 5), "m", "", "", false),
                2,
                false);

        List<Candidate> folded = CascadeFolding.fold(List.of(note, error), List.of(link(FILE, 5, 2, "r")));

        assertThat(folded.get(0).finding().cascades()).isEmpty();
        assertThat(folded.get(1).finding().cascades()).hasSize(1);
    }
}
