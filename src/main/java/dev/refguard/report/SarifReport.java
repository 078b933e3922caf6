package dev.refguard.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code refguard.sarif}: SARIF 2.1.0 with one run, for GitHub code scanning and other SARIF viewers.
 *
 * <p>Locations are relative to {@code %SRCROOT%}, a base id whose absolute URI is deliberately left out:
 * the report must not depend on where the project was checked out, and code scanning resolves relative
 * URIs against the repository root. Baselined findings stay in the log as {@code unchanged} with an
 * external suppression, so alerts do not flap when a legacy project adopts a baseline.
 */
public final class SarifReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "refguard.sarif";

    /** The schema named in the log's {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The project's home page, shown by SARIF viewers as the tool's information URI. */
    public static final String INFORMATION_URI = "https://github.com/refguard/refguard-maven-plugin";

    /** The base id all result locations are relative to. */
    public static final String SRCROOT = "%SRCROOT%";

    /** The partial fingerprint key; versioned so a change of the fingerprint's recipe can get a new key. */
    public static final String FINGERPRINT_KEY = "refguard/v1";

    private SarifReport() {}

    /** The whole file as text, ending with a newline. */
    public static String render(AnalysisResult result) {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<JsonObject> rules = new ArrayList<>();
        for (RuleInfo rule : result.rules()) {
            if (ruleIndex.putIfAbsent(rule.id(), rules.size()) == null) {
                rules.add(rule(rule));
            }
        }
        // a finding of a rule the list does not know still gets a descriptor, so every ruleIndex is valid
        for (Finding finding : result.findings()) {
            if (ruleIndex.putIfAbsent(finding.ruleId(), rules.size()) == null) {
                rules.add(rule(new RuleInfo(finding.ruleId(), null, "refguard rule " + finding.ruleId(), "")));
            }
        }

        JsonObject driver = new JsonObject();
        driver.addProperty("name", "refguard");
        driver.addProperty("semanticVersion", RefguardVersion.current());
        driver.addProperty("informationUri", INFORMATION_URI);
        JsonArray rulesArray = new JsonArray();
        rules.forEach(rulesArray::add);
        driver.add("rules", rulesArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonObject srcroot = new JsonObject();
        srcroot.add("description", text("the project base directory"));
        JsonObject baseIds = new JsonObject();
        baseIds.add(SRCROOT, srcroot);

        JsonArray results = new JsonArray();
        for (Finding finding : result.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId()), result.sinceRef() != null));
        }

        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("originalUriBaseIds", baseIds);
        run.add("results", results);
        run.add("properties", JsonReport.stats(result.stats()));

        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA_URI);
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        return JsonText.render(log);
    }

    /** The SARIF level of a severity: {@code error}, {@code warning}, {@code note} or {@code none}. */
    public static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
            case OFF -> "none";
        };
    }

    /** {@code mixed-user-reference} gives {@code MixedUserReference}, the form SARIF viewers show as a rule name. */
    static String ruleName(String id) {
        StringBuilder name = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '_' || c == ' ') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * A relative path as a URI reference: every byte outside the characters a path segment may hold is
     * percent-encoded (UTF-8), and so is {@code :}, which in a first segment would read as a scheme.
     */
    static String uri(String relativePath) {
        StringBuilder out = new StringBuilder(relativePath.length());
        for (byte b : relativePath.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static JsonObject rule(RuleInfo rule) {
        JsonObject o = new JsonObject();
        o.addProperty("id", rule.id());
        o.addProperty("name", ruleName(rule.id()));
        o.add("shortDescription", text(nonNull(rule.summary())));
        if (rule.help() != null && !rule.help().isEmpty()) {
            o.add("fullDescription", text(rule.help()));
            o.add("help", textAndMarkdown(rule.help(), markdownLines(rule.help())));
        }
        if (rule.defaultSeverity() != null) {
            JsonObject configuration = new JsonObject();
            configuration.addProperty("level", level(rule.defaultSeverity()));
            o.add("defaultConfiguration", configuration);
        }
        return o;
    }

    /**
     * One result. {@code scoped}: the run compared against {@code sinceRef}, so every result says whether it is
     * {@code new} or {@code unchanged} (pre-existing), and alerts of old files do not reopen on every pull request.
     */
    private static JsonObject result(Finding finding, int ruleIndex, boolean scoped) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", finding.ruleId());
        o.addProperty("ruleIndex", ruleIndex);
        o.addProperty("level", level(finding.severity()));
        o.add("message", message(finding));

        JsonArray locations = new JsonArray();
        locations.add(location(finding.location()));
        o.add("locations", locations);
        if (!finding.cascades().isEmpty()) {
            // the later statements that fail only because this one does: where to look, not results of their own
            JsonArray related = new JsonArray();
            int id = 1;
            for (Finding.Cascade cascade : finding.cascades()) {
                JsonObject location = location(cascade.location());
                location.addProperty("id", id++);
                location.add(
                        "message",
                        text("fails because of this result"
                                + (cascade.reason().isEmpty() ? "" : ": " + cascade.reason())));
                related.add(location);
            }
            o.add("relatedLocations", related);
        }

        if (!finding.fingerprint().isEmpty()) {
            JsonObject fingerprints = new JsonObject();
            fingerprints.addProperty(FINGERPRINT_KEY, finding.fingerprint());
            o.add("partialFingerprints", fingerprints);
        }
        if (finding.baselined()) {
            o.addProperty("baselineState", "unchanged");
            JsonObject suppression = new JsonObject();
            suppression.addProperty("kind", "external");
            suppression.addProperty("justification", "recorded in the refguard baseline");
            JsonArray suppressions = new JsonArray();
            suppressions.add(suppression);
            o.add("suppressions", suppressions);
        } else if (finding.preexisting()) {
            o.addProperty("baselineState", "unchanged");
        } else if (scoped) {
            o.addProperty("baselineState", "new");
        }
        if (!finding.fix().isEmpty()) {
            JsonArray fixes = new JsonArray();
            fixes.add(fix(finding));
            o.add("fixes", fixes);
        }
        if (!finding.hint().isEmpty()) {
            JsonObject properties = new JsonObject();
            properties.addProperty("hint", finding.hint());
            o.add("properties", properties);
        }
        return o;
    }

    private static JsonObject location(Location at) {
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri(at.file()));
        artifact.addProperty("uriBaseId", SRCROOT);
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        // SARIF lines and columns are 1-based; a finding about a whole file has no region
        if (at.line() >= 1) {
            JsonObject region = new JsonObject();
            region.addProperty("startLine", at.line());
            if (at.column() >= 1) {
                region.addProperty("startColumn", at.column());
            }
            physical.add("region", region);
        }
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        return location;
    }

    /**
     * The message as text, and as Markdown with the hint below it: code-scanning views show the message, not a
     * result's properties, so the hint has to be part of it. The words are escaped, the SQL fix is a code block.
     */
    private static JsonObject message(Finding finding) {
        String hint = finding.hint().strip();
        if (hint.isEmpty()) {
            return text(finding.message());
        }
        StringBuilder md = new StringBuilder(MarkdownText.escape(finding.message()));
        String before = markdownLines(finding.hintBeforeFix());
        if (!before.isEmpty()) {
            md.append("\n\n").append(before);
        }
        if (!finding.fix().isEmpty()) {
            md.append("\n\n").append(MarkdownText.fence(ReportText.lines(finding.fix()), "sql", ""));
        }
        String after = markdownLines(finding.hintAfterFix());
        if (!after.isEmpty()) {
            md.append("\n\n").append(after);
        }
        return textAndMarkdown(finding.message() + "\n" + hint, md.toString().strip());
    }

    /**
     * The SQL fix as a SARIF fix: the content of a new migration file beside the finding's file, because every
     * fix refguard proposes belongs in a new migration (an applied one must not change). The file name is a
     * placeholder: the description says to name it as the migration tool expects.
     */
    private static JsonObject fix(Finding finding) {
        String file = finding.location().file();
        int slash = file.lastIndexOf('/');
        String directory = slash < 0 ? "" : file.substring(0, slash + 1);
        String newFile = directory + "refguard_fix_" + finding.ruleId().replace('-', '_') + ".sql";

        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri(newFile));
        artifact.addProperty("uriBaseId", SRCROOT);
        JsonObject empty = new JsonObject();
        empty.addProperty("startLine", 1);
        empty.addProperty("startColumn", 1);
        empty.addProperty("endLine", 1);
        empty.addProperty("endColumn", 1);
        JsonObject content = new JsonObject();
        content.addProperty("text", finding.fix() + "\n");
        JsonObject replacement = new JsonObject();
        replacement.add("deletedRegion", empty);
        replacement.add("insertedContent", content);
        JsonArray replacements = new JsonArray();
        replacements.add(replacement);
        JsonObject change = new JsonObject();
        change.add("artifactLocation", artifact);
        change.add("replacements", replacements);
        JsonArray changes = new JsonArray();
        changes.add(change);

        JsonObject fix = new JsonObject();
        String description = "Add this SQL in a new migration that runs after " + file
                + " (name the file as your migration tool expects)";
        fix.add("description", text(description));
        fix.add("artifactChanges", changes);
        return fix;
    }

    /** Text as Markdown paragraphs: each line escaped, line breaks kept as hard breaks. */
    private static String markdownLines(String text) {
        List<String> lines = ReportText.lines(text);
        StringBuilder md = new StringBuilder();
        for (String line : lines) {
            if (md.length() > 0) {
                md.append(line.isBlank() ? "\n" : "  \n");
            }
            md.append(MarkdownText.escape(line));
        }
        return md.toString().replaceAll(" {2}\n\n", "\n\n").strip();
    }

    private static JsonObject textAndMarkdown(String text, String markdown) {
        JsonObject o = text(text);
        o.addProperty("markdown", markdown);
        return o;
    }

    private static JsonObject text(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        return o;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
