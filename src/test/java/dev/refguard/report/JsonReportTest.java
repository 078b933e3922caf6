package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void writesFindingsGraphAndStatsWithKeysInTheDocumentedOrder() {
        SchemaGraph graph = new SchemaGraph(
                List.of(new SchemaGraph.Table(
                        "prisma/migrations",
                        "public",
                        "password_reset_tokens",
                        List.of(new SchemaGraph.Column("id", "text"), new SchemaGraph.Column("user_id", "text")),
                        List.of("id"),
                        "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql",
                        false,
                        false)),
                List.of(new SchemaGraph.ForeignKey(
                        "prisma/migrations",
                        new SchemaGraph.Endpoint("public", "password_reset_tokens", List.of("user_id")),
                        new SchemaGraph.Endpoint("public", "users", List.of("id")),
                        "password_reset_tokens_user_id_fkey",
                        "CASCADE",
                        "NO ACTION",
                        "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql",
                        9,
                        false)));
        Finding finding = new Finding(
                "seed-only-reference",
                Severity.ERROR,
                new Location("prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql", 9, 5),
                "password_reset_tokens.user_id references \"users\", created only by a seed migration",
                "create \"users\" in a schema migration",
                "9f8e",
                false);
        AnalysisStats stats = new AnalysisStats(List.of("prisma/migrations (Prisma)"), 2, 8, 6, 1, 0, 1, 1, 1);
        AnalysisResult result = new AnalysisResult(List.of(finding), graph, stats, List.of(), List.of(), 1234);

        assertThat(JsonReport.render(result)).isEqualTo("""
                        {
                          "findings": [
                            {
                              "ruleId": "seed-only-reference",
                              "severity": "error",
                              "file": "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql",
                              "line": 9,
                              "column": 5,
                              "message": "password_reset_tokens.user_id references \\"users\\", created only by a seed migration",
                              "hint": "create \\"users\\" in a schema migration",
                              "fix": "",
                              "fingerprint": "9f8e",
                              "baselined": false,
                              "preexisting": false
                            }
                          ],
                          "graph": {
                            "tables": [
                              {
                                "history": "prisma/migrations",
                                "schema": "public",
                                "name": "password_reset_tokens",
                                "file": "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql",
                                "seed": false,
                                "incomplete": false,
                                "primaryKey": [
                                  "id"
                                ],
                                "columns": [
                                  {
                                    "name": "id",
                                    "type": "text"
                                  },
                                  {
                                    "name": "user_id",
                                    "type": "text"
                                  }
                                ]
                              }
                            ],
                            "foreignKeys": [
                              {
                                "history": "prisma/migrations",
                                "from": {
                                  "schema": "public",
                                  "table": "password_reset_tokens",
                                  "columns": [
                                    "user_id"
                                  ]
                                },
                                "to": {
                                  "schema": "public",
                                  "table": "users",
                                  "columns": [
                                    "id"
                                  ]
                                },
                                "name": "password_reset_tokens_user_id_fkey",
                                "onDelete": "CASCADE",
                                "onUpdate": "NO ACTION",
                                "file": "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql",
                                "line": 9,
                                "seed": false
                              }
                            ],
                            "rejectedForeignKeys": []
                          },
                          "stats": {
                            "histories": [
                              "prisma/migrations (Prisma)"
                            ],
                            "files": 2,
                            "statements": 8,
                            "parsed": 6,
                            "fallback": 1,
                            "skipped": 0,
                            "unreadable": 1,
                            "tables": 1,
                            "foreignKeys": 1,
                            "rejectedForeignKeys": 0,
                            "declaredForeignKeys": 1,
                            "coveragePercent": 87.5
                          }
                        }
                        """);
    }

    @Test
    void listsTheStatementsThatFailBecauseOfAFindingAsItsCascades() {
        String json = JsonReport.render(ReportFixtures.withFindings(List.of(ReportFixtures.rootWithCascades())));

        assertThat(json).contains("""
                              "baselined": false,
                              "preexisting": false,
                              "cascades": [
                                {
                                  "file": "supabase/migrations/20251106000000_baseline_schema.sql",
                                  "line": 20,
                                  "column": 1,
                                  "reason": "relation \\"invoices\\" does not exist"
                                },
                                {
                                  "file": "supabase/migrations/20260217000000_add_password_reset_tokens.sql",
                                  "line": 4,
                                  "column": 5,
                                  "reason": "current transaction is aborted, commands ignored"
                                }
                              ]
                            }
                        """);
    }

    @Test
    void writesNoCascadesKeyForAFindingWithoutCascades() {
        assertThat(JsonReport.render(ReportFixtures.sample())).doesNotContain("cascades");
    }

    @Test
    void writesAnEmptyResultWithEveryKeyPresent() {
        assertThat(JsonReport.render(ReportFixtures.nothingFound())).isEqualTo("""
                        {
                          "findings": [],
                          "graph": {
                            "tables": [],
                            "foreignKeys": [],
                            "rejectedForeignKeys": []
                          },
                          "stats": {
                            "histories": [],
                            "files": 0,
                            "statements": 0,
                            "parsed": 0,
                            "fallback": 0,
                            "skipped": 0,
                            "unreadable": 0,
                            "tables": 0,
                            "foreignKeys": 0,
                            "rejectedForeignKeys": 0,
                            "declaredForeignKeys": 0,
                            "coveragePercent": 100.0
                          }
                        }
                        """);
    }

    @Test
    void countsRejectedForeignKeysApartAndListsThemWithTheirReason() {
        SchemaGraph.ForeignKey declared = new SchemaGraph.ForeignKey(
                "prisma/migrations",
                new SchemaGraph.Endpoint("public", "password_reset_tokens", List.of("user_id")),
                new SchemaGraph.Endpoint("public", "users", List.of("id")),
                "password_reset_tokens_user_id_fkey",
                "NO ACTION",
                "NO ACTION",
                "prisma/migrations/2/migration.sql",
                9,
                false);
        SchemaGraph graph = new SchemaGraph(
                List.of(), List.of(), List.of(new SchemaGraph.RejectedForeignKey(declared, "target missing")));
        AnalysisStats stats = new AnalysisStats(List.of("prisma/migrations (Prisma)"), 2, 8, 8, 0, 0, 0, 1, 0, 1);
        AnalysisResult result = new AnalysisResult(List.of(), graph, stats, List.of(), List.of(), 0);

        JsonObject json = JsonParser.parseString(JsonReport.render(result)).getAsJsonObject();

        JsonObject rejected = json.getAsJsonObject("graph")
                .getAsJsonArray("rejectedForeignKeys")
                .get(0)
                .getAsJsonObject();
        assertThat(rejected.get("reason").getAsString()).isEqualTo("target missing");
        assertThat(rejected.get("name").getAsString()).isEqualTo("password_reset_tokens_user_id_fkey");
        assertThat(json.getAsJsonObject("graph").getAsJsonArray("foreignKeys")).isEmpty();
        JsonObject counts = json.getAsJsonObject("stats");
        assertThat(counts.get("foreignKeys").getAsInt()).isZero();
        assertThat(counts.get("rejectedForeignKeys").getAsInt()).isEqualTo(1);
        assertThat(counts.get("declaredForeignKeys").getAsInt()).isEqualTo(1);
    }

    @Test
    void writesNamesFromSqlLiterallyAndKeepsUnknownValuesAsNull() {
        SchemaGraph graph = new SchemaGraph(
                List.of(new SchemaGraph.Table("db", "public", "a<b>&'c", List.of(), List.of(), null, false, false)),
                List.of());
        AnalysisResult result = new AnalysisResult(List.of(), graph, ReportFixtures.stats(), List.of(), List.of(), 0);

        String json = JsonReport.render(result);

        assertThat(json).contains("\"name\": \"a<b>&'c\"").contains("\"file\": null");
    }
}
