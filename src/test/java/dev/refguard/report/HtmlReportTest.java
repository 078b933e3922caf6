package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final List<TableId> IDENTITY = List.of(TableId.parse("auth.users"), TableId.parse("public.users"));
    private static final Path OUT = Path.of("target", "refguard-html-test");

    /** The Prisma incident: an FK to a table only a seed creates, rejected in production, with its finding. */
    static AnalysisResult incident() {
        String tokens = "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql";
        SchemaGraph.ForeignKey rejected = new SchemaGraph.ForeignKey(
                "prisma/migrations",
                new SchemaGraph.Endpoint("public", "password_reset_tokens", List.of("user_id")),
                new SchemaGraph.Endpoint("public", "accounts", List.of("id")),
                "password_reset_tokens_user_id_fkey",
                "CASCADE",
                "NO ACTION",
                tokens,
                9,
                false);
        SchemaGraph graph = new SchemaGraph(
                List.of(new SchemaGraph.Table(
                        "prisma/migrations",
                        "public",
                        "password_reset_tokens",
                        List.of(new SchemaGraph.Column("id", "text"), new SchemaGraph.Column("user_id", "text")),
                        List.of("id"),
                        tokens,
                        false,
                        false)),
                List.of(),
                List.of(new SchemaGraph.RejectedForeignKey(rejected, "target missing")));
        Finding finding = new Finding(
                "missing-reference-target",
                Severity.ERROR,
                new Location(tokens, 9, 5),
                "password_reset_tokens.user_id references accounts, which no migration creates",
                "Create accounts in an earlier migration.",
                "f1",
                false);
        return new AnalysisResult(
                List.of(finding),
                graph,
                new dev.refguard.engine.AnalysisStats(List.of("prisma/migrations (Prisma)"), 1, 2, 2, 0, 0, 0, 1, 0, 1),
                ReportFixtures.rules(),
                List.of(),
                0);
    }

    @Test
    void showsTheSummaryTheFindingsByFileAndTheFixWithACopyButton() {
        String html = HtmlReport.render(ReportFixtures.sample(), IDENTITY);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("1 error, 1 warning, 1 info (1 baselined)");
        assertThat(html).contains("<h3>supabase/migrations/20251106000000_baseline_schema.sql</h3>");
        assertThat(html)
                .contains("<p class=\"prose\">Point it at public.users in a new migration:</p>")
                .contains("<button type=\"button\" class=\"copy\">Copy SQL</button><pre><code>ALTER TABLE songs DROP"
                        + " CONSTRAINT songs_last_modified_by_fkey,\n  ADD FOREIGN KEY (last_modified_by) REFERENCES"
                        + " public.users(id);</code></pre>");
        // the baselined finding is counted, not listed
        assertThat(html).doesNotContain("setlists.created_by");
    }

    @Test
    void loadsNothingFromTheNetwork() {
        String html = HtmlReport.render(ReportFixtures.sample(), IDENTITY);

        assertThat(html).doesNotContainPattern("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)url\\(\\s*[\"']?(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).contains("cytoscape").contains("The Cytoscape Consortium");
    }

    @Test
    void escapesEveryNameFromTheSql() {
        String html = HtmlReport.render(ReportFixtures.hostile(), IDENTITY);

        // the only elements are refguard's own: no tag, attribute or script from a name gets through
        String page = html.substring(0, html.indexOf("<script type=\"application/json\""));
        assertThat(page)
                .doesNotContain("<script>alert")
                .doesNotContain("<b>&amp;")
                .doesNotContain("<c>");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String data = between(html, "<script type=\"application/json\" id=\"refguard-data\">", "</script>");
        assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(data).contains("\\u003cb\\u003e");
        // exactly the page's own four script elements
        assertThat(Pattern.compile("<script\\b").matcher(html).results().count())
                .isEqualTo(4);
    }

    @Test
    void drawsRejectedForeignKeysInTheDiagramsLinkedToTheirFinding() {
        AnalysisResult incident = incident();

        assertThat(MermaidReport.render(incident, IDENTITY))
                .contains("%% rejected by PostgreSQL (target missing): declared at prisma/migrations/")
                .contains("public_password_reset_tokens }o..|| public_accounts : \"✖ rejected (target missing) ⚠"
                        + " missing-reference-target: password_reset_tokens_user_id_fkey\"");
        assertThat(DotReport.render(incident, IDENTITY))
                .contains("\"public.password_reset_tokens\" -> \"public.accounts\" [label=\"user_id → id\\n✖ rejected:"
                        + " target missing\\n⚠ missing-reference-target\"")
                .contains("style=\"dotted\"");
        String data = between(
                HtmlReport.render(incident, IDENTITY),
                "<script type=\"application/json\" id=\"refguard-data\">",
                "</script>");
        assertThat(data).contains("\"rejected\":\"target missing\"").contains("\"anchor\":\"finding-1\"");
    }

    /**
     * Renders the page in headless Chromium (installed by {@code .ci/run}; skipped where there is none): the
     * diagram is drawn with the rejected key, a search finds a table and shows its key linked to the finding, and a
     * screenshot is saved under {@code target/} to look at.
     */
    @Test
    void rendersInHeadlessChromiumWithSearchAndTheBrokenKeyDrawnAndLinked() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on this machine");
        Files.createDirectories(OUT);
        Path page = OUT.resolve("incident.html").toAbsolutePath();
        Files.writeString(page, HtmlReport.render(incident(), IDENTITY), StandardCharsets.UTF_8);

        String dom = run(chromium, "--dump-dom", page.toUri() + "#search=reset");

        assertThat(attribute(dom, "data-layout")).isEqualTo("dagre");
        assertThat(attribute(dom, "data-tables")).isEqualTo("2");
        assertThat(attribute(dom, "data-rejected-drawn")).isEqualTo("1");
        assertThat(dom).contains("1 table: public.password_reset_tokens");
        // the details of the table found: its columns, and its rejected key linked to the finding
        assertThat(dom).contains("<td>user_id</td><td>text</td><td>FK</td>");
        assertThat(dom).contains("rejected: target missing");
        assertThat(dom).contains("<a href=\"#finding-1\" class=\"finding-link\">error missing-reference-target</a>");
        assertThat(dom).contains("id=\"finding-1\"");

        Path screenshot = OUT.resolve("incident.png").toAbsolutePath();
        run(chromium, "--screenshot=" + screenshot, "--window-size=1400,1000", page.toUri() + "#search=reset");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    /** A page of 300 tables renders and lays out in Chromium in reasonable time. */
    @Test
    void drawsThreeHundredTables() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on this machine");
        List<SchemaGraph.Table> tables = new ArrayList<>();
        List<SchemaGraph.ForeignKey> fks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tables.add(new SchemaGraph.Table(
                    "db",
                    "public",
                    "table_" + i,
                    List.of(new SchemaGraph.Column("id", "bigint"), new SchemaGraph.Column("parent_id", "bigint")),
                    List.of("id"),
                    "db/V" + i + ".sql",
                    false,
                    false));
            if (i > 0) {
                fks.add(new SchemaGraph.ForeignKey(
                        "db",
                        new SchemaGraph.Endpoint("public", "table_" + i, List.of("parent_id")),
                        new SchemaGraph.Endpoint("public", "table_" + (i % 10 == 0 ? 0 : i - 1), List.of("id")),
                        "table_" + i + "_parent_id_fkey",
                        "NO ACTION",
                        "NO ACTION",
                        "db/V" + i + ".sql",
                        1,
                        false));
            }
        }
        AnalysisResult big = new AnalysisResult(
                List.of(),
                new SchemaGraph(tables, fks),
                new dev.refguard.engine.AnalysisStats(List.of("db (plain)"), 300, 600, 600, 0, 0, 0, 300, 299),
                ReportFixtures.rules(),
                List.of(),
                0);
        Files.createDirectories(OUT);
        Path page = OUT.resolve("300-tables.html").toAbsolutePath();
        Files.writeString(page, HtmlReport.render(big, IDENTITY), StandardCharsets.UTF_8);

        long start = System.nanoTime();
        String dom = run(chromium, "--dump-dom", page.toUri() + "#search=table_42");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(attribute(dom, "data-tables")).isEqualTo("300");
        assertThat(dom).contains("1 table: public.table_42");
        assertThat(millis).as("rendering 300 tables").isLessThan(60_000);
        run(
                chromium,
                "--screenshot=" + OUT.resolve("300-tables.png").toAbsolutePath(),
                "--window-size=1400,1000",
                page.toUri().toString());
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("id=\"graph-status\"[^>]*?" + name + "=\"([^\"]*)\"")
                .matcher(dom);
        if (!m.find()) {
            m = Pattern.compile(name + "=\"([^\"]*)\"[^>]*?id=\"graph-status\"").matcher(dom);
            assertThat(m.find())
                    .as(name + " in " + dom.substring(Math.max(0, dom.indexOf("graph-status") - 200)))
                    .isTrue();
        }
        return m.group(1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs headless Chromium with no network at all: every host name resolves to nothing. */
    private static String run(String chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(log);
        return new String(out, StandardCharsets.UTF_8);
    }
}
