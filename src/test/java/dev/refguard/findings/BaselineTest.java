package dev.refguard.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static Finding finding(String rule, int line, String fingerprint) {
        return new Finding(rule, Severity.ERROR, new Location("a.sql", line, 3), "m" + line, "h", fingerprint, false);
    }

    @Test
    void aRecordedFindingMovedToAnotherLineIsStillBaselined() {
        Baseline baseline = Baseline.of(List.of(finding("missing-reference-target", 4, "f1")));
        Baseline.Applied applied = baseline.apply(List.of(finding("missing-reference-target", 40, "f1")));
        assertThat(applied.findings()).allMatch(Finding::baselined);
        assertThat(applied.unmatchedEntries()).isZero();
    }

    @Test
    void aChangedStatementOrAnotherRuleIsNotCovered() {
        Baseline baseline = Baseline.of(List.of(finding("missing-reference-target", 4, "f1")));
        Baseline.Applied applied = baseline.apply(
                List.of(finding("missing-reference-target", 4, "f2"), finding("table-redefined", 4, "f1")));
        assertThat(applied.findings()).noneMatch(Finding::baselined);
        assertThat(applied.unmatchedEntries()).isEqualTo(1);
    }

    @Test
    void eachEntryCoversOneFinding() {
        Baseline baseline = Baseline.of(List.of(finding("mixed-user-reference", 4, "f1")));
        Baseline.Applied applied = baseline.apply(
                List.of(finding("mixed-user-reference", 4, "f1"), finding("mixed-user-reference", 5, "f1")));
        assertThat(applied.findings()).extracting(Finding::baselined).containsExactly(true, false);
    }

    @Test
    void writesSortedJsonThatReadsBackTheSame(@TempDir Path dir) throws IOException {
        Baseline baseline =
                Baseline.of(List.of(finding("table-redefined", 9, "b"), finding("fk-type-mismatch", 2, "a")));
        Path file = dir.resolve("refguard-baseline.json");
        baseline.write(file);
        String first = Files.readString(file);
        Baseline.read(file).write(file);
        assertThat(Files.readString(file)).isEqualTo(first).endsWith("}\n");
        assertThat(Baseline.read(file).entries())
                .extracting(Baseline.Entry::ruleId)
                .containsExactly("fk-type-mismatch", "table-redefined");
    }

    @Test
    void pinsTheCanonicalIdentityTableOfEachHistoryAndReadsItBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("refguard-baseline.json");
        Baseline.of(List.of(finding("mixed-user-reference", 4, "f1")), Map.of("supabase/migrations", "auth.users"))
                .write(file);
        assertThat(Files.readString(file))
                .contains("\"canonicalIdentityTables\": {\n    \"supabase/migrations\": \"auth.users\"\n  }");
        assertThat(Baseline.read(file).canonicalIdentityTables())
                .containsExactly(Map.entry("supabase/migrations", "auth.users"));
        Baseline.of(List.of()).write(file);
        assertThat(Files.readString(file)).doesNotContain("canonicalIdentityTables");
        assertThat(Baseline.read(file).canonicalIdentityTables()).isEmpty();
    }

    @Test
    void aFileThatIsNotABaselineIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("refguard-baseline.json");
        Files.writeString(file, "[1, 2");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(IOException.class);
        Files.writeString(file, "{\"version\": 1}");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("findings");
    }
}
