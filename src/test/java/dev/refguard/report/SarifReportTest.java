package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    /**
     * The {@code id} of the official SARIF 2.1.0 schema (errata 01), vendored from the OASIS repository under
     * {@code src/test/resources/sarif/} (see the README there).
     */
    private static final String SCHEMA_ID =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static final JsonSchema SCHEMA = loadSchema();

    /**
     * The official schema, from the test classpath only: its {@code id} is mapped to the vendored copy, the
     * draft-04 meta-schema is built into the validator, and any other load is refused, so the test never
     * touches the network.
     */
    private static JsonSchema loadSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.schemaMappers(
                                mappers -> mappers.mapPrefix(SCHEMA_ID, "classpath:sarif/sarif-schema-2.1.0.json"))
                        .schemaLoaders(loaders ->
                                loaders.add(new AllowSchemaLoader(iri -> "classpath".equals(iri.getScheme())))));
        return factory.getSchema(SchemaLocation.of(SCHEMA_ID));
    }

    private static Set<ValidationMessage> validate(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON);
    }

    @Test
    void schemaLoadingNeverReachesForTheNetwork() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.schemaLoaders(
                        loaders -> loaders.add(new AllowSchemaLoader(iri -> "classpath".equals(iri.getScheme())))));

        assertThatThrownBy(() -> factory.getSchema(SchemaLocation.of("https://example.invalid/schema.json")))
                .isInstanceOf(JsonSchemaException.class);
    }

    @Test
    void isValidAgainstTheOfficialSchemaWithFindingsOfEverySeverityAndABaselinedOne() {
        String sarif = SarifReport.render(ReportFixtures.sample());

        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void isValidAgainstTheOfficialSchemaWhenNothingWasFound() {
        assertThat(validate(SarifReport.render(ReportFixtures.nothingFound()))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnInvalidLog() {
        String sarif =
                SarifReport.render(ReportFixtures.sample()).replace("\"level\": \"note\"", "\"level\": \"info\"");

        assertThat(validate(sarif)).isNotEmpty();
    }

    @Test
    void isValidForAFileLevelFindingAndAPathThatNeedsEncoding() {
        AnalysisResult result = ReportFixtures.withFindings(List.of(
                ReportFixtures.finding(
                        "unparsed-statement", Severity.WARNING, "db/my migrations/V1:init.sql", 0, 0, "x"),
                ReportFixtures.finding("not-a-listed-rule", Severity.ERROR, "db/ä%.sql", 3, 0, "y")));

        String sarif = SarifReport.render(result);

        assertThat(validate(sarif)).isEmpty();
        JsonArray results = run(sarif).getAsJsonArray("results");
        JsonObject first = physicalLocation(results.get(0).getAsJsonObject());
        assertThat(first.getAsJsonObject("artifactLocation").get("uri").getAsString())
                .isEqualTo("db/my%20migrations/V1%3Ainit.sql");
        assertThat(first.has("region")).isFalse();
        JsonObject second = physicalLocation(results.get(1).getAsJsonObject());
        assertThat(second.getAsJsonObject("artifactLocation").get("uri").getAsString())
                .isEqualTo("db/%C3%A4%25.sql");
        assertThat(second.getAsJsonObject("region").toString()).isEqualTo("{\"startLine\":3}");
    }

    @Test
    void describesEveryRuleAndPointsEachResultAtItsRule() {
        JsonObject run = run(SarifReport.render(ReportFixtures.sample()));
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        JsonArray rules = driver.getAsJsonArray("rules");

        assertThat(driver.get("name").getAsString()).isEqualTo("refguard");
        assertThat(driver.get("semanticVersion").getAsString()).isEqualTo(RefguardVersion.current());
        assertThat(rules).hasSize(ReportFixtures.rules().size());
        JsonObject first = rules.get(0).getAsJsonObject();
        assertThat(first.get("id").getAsString()).isEqualTo("mixed-user-reference");
        assertThat(first.get("name").getAsString()).isEqualTo("MixedUserReference");
        assertThat(first.getAsJsonObject("shortDescription").get("text").getAsString())
                .isEqualTo("Foreign keys point at more than one identity table.");
        assertThat(first.getAsJsonObject("help").get("text").getAsString())
                .isEqualTo("Point every foreign key at the canonical identity table.");
        assertThat(levels(rules)).containsExactly("error", "error", "warning", "note", "none");

        for (var element : run.getAsJsonArray("results")) {
            JsonObject result = element.getAsJsonObject();
            JsonObject rule = rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject();
            assertThat(rule.get("id").getAsString())
                    .isEqualTo(result.get("ruleId").getAsString());
        }
    }

    @Test
    void writesAResultWithRelativeLocationFingerprintAndHint() {
        JsonObject result = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonArray("results")
                .get(0)
                .getAsJsonObject();

        assertThat(result.get("level").getAsString()).isEqualTo("error");
        assertThat(result.getAsJsonObject("message").get("text").getAsString())
                .startsWith("songs.last_modified_by references auth.users(id)");
        JsonObject location = physicalLocation(result);
        assertThat(location.getAsJsonObject("artifactLocation").toString())
                .isEqualTo("{\"uri\":\"supabase/migrations/20251106000000_baseline_schema.sql\","
                        + "\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(location.getAsJsonObject("region").toString()).isEqualTo("{\"startLine\":147,\"startColumn\":27}");
        assertThat(result.getAsJsonObject("partialFingerprints").toString()).isEqualTo("{\"refguard/v1\":\"a1b2c3\"}");
        assertThat(result.getAsJsonObject("properties").get("hint").getAsString())
                .startsWith("Point it at public.users in a new migration:\nALTER TABLE songs DROP CONSTRAINT");
        assertThat(result.has("baselineState")).isFalse();
        assertThat(result.has("suppressions")).isFalse();
    }

    @Test
    void putsTheStatementsThatFailBecauseOfAFindingInItsRelatedLocations() {
        String sarif = SarifReport.render(ReportFixtures.withFindings(List.of(ReportFixtures.rootWithCascades())));
        JsonObject result = run(sarif).getAsJsonArray("results").get(0).getAsJsonObject();

        assertThat(validate(sarif)).isEmpty();
        JsonArray related = result.getAsJsonArray("relatedLocations");
        assertThat(related).hasSize(2);
        JsonObject first = related.get(0).getAsJsonObject();
        assertThat(first.get("id").getAsInt()).isEqualTo(1);
        assertThat(first.getAsJsonObject("physicalLocation")
                        .getAsJsonObject("region")
                        .toString())
                .isEqualTo("{\"startLine\":20,\"startColumn\":1}");
        assertThat(first.getAsJsonObject("message").get("text").getAsString())
                .isEqualTo("fails because of this result: relation \"invoices\" does not exist");
        assertThat(related.get(1).getAsJsonObject().get("id").getAsInt()).isEqualTo(2);
        assertThat(run(SarifReport.render(ReportFixtures.sample()))
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .has("relatedLocations"))
                .isFalse();
    }

    @Test
    void putsTheHintIntoTheMessageAsMarkdownWithOnlyTheSqlFixAsCode() {
        JsonObject message = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonArray("results")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("message");

        assertThat(message.get("text").getAsString())
                .isEqualTo("songs.last_modified_by references auth.users(id); 7 other FKs reference public.users(id)\n"
                        + "Point it at public.users in a new migration:\n" + ReportFixtures.MIXED_FIX);
        assertThat(message.get("markdown").getAsString())
                .isEqualTo("songs.last\\_modified\\_by references auth.users(id); 7 other FKs reference"
                        + " public.users(id)\n\n"
                        + "Point it at public.users in a new migration:\n\n"
                        + "```sql\n" + ReportFixtures.MIXED_FIX + "\n```");
    }

    @Test
    void aProseHintIsMarkdownTextAndGivesNoFix() {
        JsonObject result = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonArray("results")
                .get(2)
                .getAsJsonObject();

        assertThat(result.get("ruleId").getAsString()).isEqualTo("unparsed-statement");
        assertThat(result.getAsJsonObject("message").get("markdown").getAsString())
                .isEqualTo("ALTER TABLE songs ... could not be read\n\n"
                        + "Simplify the statement, or suppress the finding with -- refguard:ignore &lt;reason&gt;");
        assertThat(result.has("fixes")).isFalse();
    }

    @Test
    void offersTheExactSqlFixAsTheContentOfANewMigration() {
        JsonObject fix = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonArray("results")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("fixes")
                .get(0)
                .getAsJsonObject();

        assertThat(fix.getAsJsonObject("description").get("text").getAsString())
                .startsWith("Add this SQL in a new migration that runs after " + ReportFixtures.BASELINE_FILE);
        JsonObject change = fix.getAsJsonArray("artifactChanges").get(0).getAsJsonObject();
        assertThat(change.getAsJsonObject("artifactLocation").get("uri").getAsString())
                .isEqualTo("supabase/migrations/refguard_fix_mixed_user_reference.sql");
        JsonObject replacement = change.getAsJsonArray("replacements").get(0).getAsJsonObject();
        assertThat(replacement.getAsJsonObject("insertedContent").get("text").getAsString())
                .isEqualTo(ReportFixtures.MIXED_FIX + "\n");
        assertThat(replacement.getAsJsonObject("deletedRegion").toString())
                .isEqualTo("{\"startLine\":1,\"startColumn\":1,\"endLine\":1,\"endColumn\":1}");
    }

    @Test
    void givesEveryRuleItsHelpAsTextAndMarkdown() {
        JsonObject rule = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonObject("tool")
                .getAsJsonObject("driver")
                .getAsJsonArray("rules")
                .get(0)
                .getAsJsonObject();

        assertThat(rule.getAsJsonObject("help").get("text").getAsString())
                .isEqualTo("Point every foreign key at the canonical identity table.");
        assertThat(rule.getAsJsonObject("help").get("markdown").getAsString())
                .isEqualTo("Point every foreign key at the canonical identity table.");
    }

    @Test
    void theRealRulesAndAHostileFindingGiveAValidLog() {
        AnalysisResult hostile = ReportFixtures.hostile();
        AnalysisResult withRealRules = new AnalysisResult(
                hostile.findings(),
                hostile.graph(),
                hostile.stats(),
                dev.refguard.rules.RuleRegistry.infos(),
                List.of(),
                0);

        String sarif = SarifReport.render(withRealRules);

        assertThat(validate(sarif)).isEmpty();
        assertThat(run(sarif)
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("message")
                        .get("markdown")
                        .getAsString())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void withSinceRefMarksEveryResultNewOrUnchangedAndStaysValid() {
        AnalysisResult sample = ReportFixtures.sample();
        List<Finding> findings = new java.util.ArrayList<>(sample.findings());
        findings.set(2, findings.get(2).asPreexisting());
        AnalysisResult scoped = new AnalysisResult(
                findings,
                sample.graph(),
                sample.stats(),
                sample.rules(),
                List.of(),
                0,
                java.util.Map.of(),
                "origin/main");

        String sarif = SarifReport.render(scoped);

        assertThat(validate(sarif)).isEmpty();
        JsonArray results = run(sarif).getAsJsonArray("results");
        assertThat(results.asList().stream()
                        .map(r -> r.getAsJsonObject().get("baselineState").getAsString())
                        .toList())
                .containsExactly("new", "unchanged", "unchanged", "new");
        assertThat(results.get(2).getAsJsonObject().has("suppressions")).isFalse();
        assertThat(ConsoleReport.summaryLine(scoped))
                .contains("findings: 1 error, 0 warnings, 1 info new since origin/main (1 pre-existing, 1 baselined)");
        assertThat(scoped.failing(Severity.INFO)).hasSize(2);
    }

    @Test
    void keepsABaselinedFindingAsUnchangedWithAnExternalSuppression() {
        JsonObject result = run(SarifReport.render(ReportFixtures.sample()))
                .getAsJsonArray("results")
                .get(1)
                .getAsJsonObject();

        assertThat(result.get("baselineState").getAsString()).isEqualTo("unchanged");
        assertThat(result.getAsJsonArray("suppressions").toString())
                .isEqualTo("[{\"kind\":\"external\",\"justification\":\"recorded in the refguard baseline\"}]");
    }

    @Test
    void namesTheSourceRootWithoutAnAbsoluteUriAndCarriesTheStats() {
        JsonObject run = run(SarifReport.render(ReportFixtures.sample()));

        assertThat(run.getAsJsonObject("originalUriBaseIds").toString())
                .isEqualTo("{\"%SRCROOT%\":{\"description\":{\"text\":\"the project base directory\"}}}");
        JsonObject properties = run.getAsJsonObject("properties");
        assertThat(properties.get("statements").getAsInt()).isEqualTo(1423);
        assertThat(properties.get("coveragePercent").getAsString()).isEqualTo("99.8");
    }

    @Test
    void givesAFindingOfAnUnlistedRuleItsOwnDescriptor() {
        Finding finding = new Finding(
                "unused-suppression",
                Severity.WARNING,
                new Location("a.sql", 1, 1),
                "nothing to silence",
                "",
                "",
                false);

        JsonObject run = run(SarifReport.render(ReportFixtures.withFindings(List.of(finding))));

        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        int index = run.getAsJsonArray("results")
                .get(0)
                .getAsJsonObject()
                .get("ruleIndex")
                .getAsInt();
        assertThat(index).isEqualTo(ReportFixtures.rules().size());
        assertThat(rules.get(index).getAsJsonObject().get("id").getAsString()).isEqualTo("unused-suppression");
    }

    private static JsonObject run(String sarif) {
        JsonObject log = JsonParser.parseString(sarif).getAsJsonObject();
        assertThat(log.get("version").getAsString()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").getAsString()).isEqualTo(SarifReport.SCHEMA_URI);
        return log.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    private static JsonObject physicalLocation(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    }

    private static List<String> levels(JsonArray rules) {
        return rules.asList().stream()
                .map(r -> r.getAsJsonObject()
                        .getAsJsonObject("defaultConfiguration")
                        .get("level")
                        .getAsString())
                .toList();
    }
}
