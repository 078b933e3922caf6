package dev.refguard.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code gl-code-quality-report.json}: GitLab's Code Quality format (a subset of Code Climate's), which a
 * job publishes with {@code artifacts: reports: codequality:} so merge requests show new and fixed findings.
 *
 * <p>One object per finding that is shown (baselined and switched-off findings are left out: they are
 * accepted, and GitLab has no notion of a suppressed issue). Severities: {@code error} is
 * {@code critical}, {@code warning} is {@code minor}, {@code info} is {@code info}; GitLab's
 * {@code blocker} and {@code major} are not used.
 *
 * <p>GitLab tells a new issue from an old one by its fingerprint alone, so it must survive edits elsewhere
 * in the file: it is the SHA-256 of the rule id, the file, the finding's statement fingerprint (the hash of
 * the offending statement's normalised text; line and column only when a finding has none) and the
 * message. Two findings with all four equal get an occurrence number mixed in, so fingerprints are unique
 * within the report, as GitLab requires.
 */
public final class GitlabReport {
    /** The file name in the output directory; the name GitLab's documentation uses. */
    public static final String FILE_NAME = "gl-code-quality-report.json";

    private GitlabReport() {}

    /** The whole file as text, ending with a newline: a JSON array, empty when nothing is shown. */
    public static String render(AnalysisResult result) {
        JsonArray issues = new JsonArray();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding finding : result.findings()) {
            if (!ReportText.shown(finding)) {
                continue;
            }
            String recipe = recipe(finding);
            int occurrence = seen.merge(recipe, 1, Integer::sum);
            issues.add(issue(finding, sha256(occurrence == 1 ? recipe : recipe + "\n#" + occurrence)));
        }
        return JsonText.render(issues);
    }

    /** GitLab's severity of a refguard severity. */
    public static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "minor";
            case INFO, OFF -> "info";
        };
    }

    private static JsonObject issue(Finding finding, String fingerprint) {
        JsonObject o = new JsonObject();
        // one line, control and bidi characters made visible, as on the console
        o.addProperty("description", ReportText.oneLine(finding.message()));
        o.addProperty("check_name", finding.ruleId());
        o.addProperty("fingerprint", fingerprint);
        o.addProperty("severity", severity(finding.severity()));
        JsonObject lines = new JsonObject();
        // GitLab needs a line; a finding about a whole file points at its first
        lines.addProperty("begin", Math.max(1, finding.location().line()));
        JsonObject location = new JsonObject();
        location.addProperty("path", finding.location().file());
        location.add("lines", lines);
        o.add("location", location);
        return o;
    }

    private static String recipe(Finding finding) {
        String where = finding.fingerprint().isEmpty()
                ? finding.location().line() + ":" + finding.location().column()
                : finding.fingerprint();
        return "refguard/v1\n" + finding.ruleId() + "\n" + finding.location().file() + "\n" + where + "\n"
                + finding.message();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
