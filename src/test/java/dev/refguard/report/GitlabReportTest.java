package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabReportTest {

    private static JsonArray parse(List<Finding> findings) {
        return JsonParser.parseString(GitlabReport.render(ReportFixtures.withFindings(findings)))
                .getAsJsonArray();
    }

    private static Finding at(int line, String statementFingerprint, String message) {
        return new Finding(
                "mixed-user-reference",
                Severity.ERROR,
                new Location("db/V1__init.sql", line, 5),
                message,
                "",
                statementFingerprint,
                false);
    }

    @Test
    void writesOneIssuePerShownFindingWithTheFieldsGitlabReads() {
        JsonArray issues = JsonParser.parseString(GitlabReport.render(ReportFixtures.sample()))
                .getAsJsonArray();

        assertThat(issues).hasSize(3);
        JsonObject first = issues.get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("description", "check_name", "fingerprint", "severity", "location");
        assertThat(first.get("description").getAsString())
                .isEqualTo("songs.last_modified_by references auth.users(id); 7 other FKs reference public.users(id)");
        assertThat(first.get("check_name").getAsString()).isEqualTo("mixed-user-reference");
        assertThat(first.get("fingerprint").getAsString()).matches("[0-9a-f]{64}");
        JsonObject location = first.getAsJsonObject("location");
        assertThat(location.get("path").getAsString()).isEqualTo(ReportFixtures.BASELINE_FILE);
        assertThat(location.getAsJsonObject("lines").get("begin").getAsInt()).isEqualTo(147);
        assertThat(issues.asList())
                .extracting(i -> i.getAsJsonObject().get("severity").getAsString())
                .containsExactly("critical", "minor", "info");
    }

    @Test
    void fingerprintsAreUniqueWithinTheReport() {
        JsonArray issues = parse(List.of(
                at(1, "s1", "same message"),
                at(2, "s1", "same message"),
                at(3, "s1", "other message"),
                at(4, "", "same message"),
                at(5, "", "same message")));

        assertThat(issues.asList().stream()
                        .map(i -> i.getAsJsonObject().get("fingerprint").getAsString())
                        .distinct())
                .hasSize(5);
    }

    @Test
    void aFingerprintSurvivesLinesAddedAboveTheStatement() {
        String before = fingerprint(parse(List.of(at(10, "stmt", "m"))).get(0));
        String after = fingerprint(parse(List.of(at(42, "stmt", "m"))).get(0));
        String otherStatement = fingerprint(parse(List.of(at(10, "other", "m"))).get(0));

        assertThat(after).isEqualTo(before);
        assertThat(otherStatement).isNotEqualTo(before);
    }

    @Test
    void aFindingWithoutAStatementFingerprintIsToldApartByItsPlace() {
        String one = fingerprint(parse(List.of(at(10, "", "m"))).get(0));
        String two = fingerprint(parse(List.of(at(11, "", "m"))).get(0));

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void leavesOutBaselinedFindingsAndGivesFileLevelFindingsLineOne() {
        Finding baselined = at(3, "s", "m").asBaselined();
        Finding wholeFile = ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", 0, 0, "m");

        JsonArray issues = parse(List.of(baselined, wholeFile));

        assertThat(issues).hasSize(1);
        assertThat(issues.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("location")
                        .getAsJsonObject("lines")
                        .get("begin")
                        .getAsInt())
                .isEqualTo(1);
    }

    @Test
    void anEmptyReportIsAnEmptyArray() {
        assertThat(GitlabReport.render(ReportFixtures.nothingFound())).isEqualTo("[]\n");
    }

    @Test
    void descriptionsAreOneLineWithHiddenCharactersShown() {
        JsonArray issues = parse(List.of(at(1, "s", "a\nb \u202Eevil")));

        assertThat(issues.get(0).getAsJsonObject().get("description").getAsString())
                .isEqualTo("a b \\u202eevil");
    }

    private static String fingerprint(JsonElement issue) {
        return issue.getAsJsonObject().get("fingerprint").getAsString();
    }
}
