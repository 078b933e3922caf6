package dev.refguard.findings;

import dev.refguard.split.SqlComment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression: {@code -- refguard:ignore <rule-id>[, <rule-id>] <reason>} on the line of the
 * offending clause, on the line just above that clause, or on the line just above its statement, and {@code -- refguard:ignore-file
 * <rule-id>[, ...] <reason>} for a whole file. A suppression without a reason, naming an unknown rule,
 * or silencing nothing is itself reported.
 */
public final class Suppressions {
    /** A suppression that silenced nothing. */
    public static final RuleInfo UNUSED = new RuleInfo(
            "unused-suppression",
            Severity.WARNING,
            "A refguard:ignore comment silences nothing.",
            "Remove the comment: the finding it was written for is gone, or it names another rule or line.");

    /** A suppression without a reason or with an unknown rule id. */
    public static final RuleInfo INVALID = new RuleInfo(
            "invalid-suppression",
            Severity.WARNING,
            "A refguard:ignore comment has no reason or names an unknown rule.",
            "Write -- refguard:ignore <rule-id>[, <rule-id>] <reason>: the reason tells reviewers why the finding"
                    + " does not apply. Rule ids are those of the rules table.");

    private static final Pattern DIRECTIVE =
            Pattern.compile("^\\s*refguard:(ignore-file|ignore)\\b(.*)$", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    private Suppressions() {}

    private static final class Directive {
        final String file;
        final int line;
        final int column;
        final boolean wholeFile;
        final List<String> ids;
        int uses;

        Directive(String file, int line, int column, boolean wholeFile, List<String> ids) {
            this.file = file;
            this.line = line;
            this.column = column;
            this.wholeFile = wholeFile;
            this.ids = ids;
        }

        boolean covers(Candidate c) {
            Finding f = c.finding();
            if (!f.location().file().equals(file) || !ids.contains(f.ruleId())) {
                return false;
            }
            // the clause's line, the line above the clause (a comment line inside a CREATE TABLE), or the
            // line above the statement
            int at = f.location().line();
            return wholeFile || line == at || line == at - 1 || line == c.statementLine() - 1;
        }
    }

    /**
     * Removes the candidates that comments suppress, and adds findings for invalid and unused
     * suppressions.
     *
     * @param candidates what the rules reported
     * @param commentsByFile every file's comments, by relative path
     * @param knownIds the valid rule ids
     */
    public static List<Candidate> apply(
            List<Candidate> candidates, Map<String, List<SqlComment>> commentsByFile, List<String> knownIds) {
        List<Candidate> out = new ArrayList<>();
        List<Directive> directives = new ArrayList<>();
        Map<String, List<Directive>> byFile = new HashMap<>();
        commentsByFile.forEach((file, comments) -> {
            for (SqlComment comment : comments) {
                Matcher m = DIRECTIVE.matcher(comment.text());
                if (!m.matches()) {
                    continue;
                }
                Directive d = parse(file, comment, m.group(1).equals("ignore-file"), m.group(2), knownIds, out);
                directives.add(d);
                byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(d);
            }
        });
        for (Candidate c : candidates) {
            boolean suppressed = false;
            for (Directive d : byFile.getOrDefault(c.finding().location().file(), List.of())) {
                if (d.covers(c)) {
                    d.uses++;
                    suppressed = true;
                }
            }
            if (!suppressed) {
                out.add(c);
            }
        }
        for (Directive d : directives) {
            if (d.uses == 0 && !d.ids.isEmpty()) {
                String what = d.wholeFile ? "refguard:ignore-file " : "refguard:ignore ";
                out.add(candidate(
                        UNUSED,
                        d.file,
                        d.line,
                        d.column,
                        what + String.join(", ", d.ids) + " silences nothing here",
                        "Remove the comment, or move it to the line of the finding or just above its statement."));
            }
        }
        return out;
    }

    private static Directive parse(
            String file,
            SqlComment comment,
            boolean wholeFile,
            String rest,
            List<String> knownIds,
            List<Candidate> out) {
        // ids: comma-separated kebab-case words at the start; the reason is what follows
        List<String> ids = new ArrayList<>();
        String text = rest.strip();
        int pos = 0;
        while (pos < text.length()) {
            Matcher m = ID.matcher(text);
            m.region(pos, text.length());
            if (!m.lookingAt()) {
                break;
            }
            ids.add(m.group());
            pos = m.end();
            int next = pos;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            if (next < text.length() && text.charAt(next) == ',') {
                pos = next + 1;
                while (pos < text.length() && text.charAt(pos) == ' ') {
                    pos++;
                }
            } else {
                break;
            }
        }
        String reason = text.substring(Math.min(pos, text.length())).strip();
        Set<String> valid = new LinkedHashSet<>();
        for (String id : ids) {
            if (knownIds.contains(id)) {
                valid.add(id);
            } else {
                out.add(candidate(
                        INVALID,
                        file,
                        comment.line(),
                        comment.column(),
                        "refguard:ignore names unknown rule id '" + id + "'",
                        "Valid rule ids: " + String.join(", ", knownIds) + "."));
            }
        }
        if (ids.isEmpty()) {
            out.add(candidate(
                    INVALID,
                    file,
                    comment.line(),
                    comment.column(),
                    "refguard:ignore names no rule id",
                    "Write -- refguard:ignore <rule-id> <reason>."));
        } else if (reason.isEmpty()) {
            out.add(candidate(
                    INVALID,
                    file,
                    comment.line(),
                    comment.column(),
                    "refguard:ignore " + String.join(", ", ids) + " gives no reason",
                    "Add why the finding does not apply: -- refguard:ignore " + String.join(", ", ids) + " <reason>."));
        }
        return new Directive(file, comment.line(), comment.column(), wholeFile, List.copyOf(valid));
    }

    private static Candidate candidate(RuleInfo rule, String file, int line, int column, String message, String hint) {
        Finding f = new Finding(
                rule.id(), rule.defaultSeverity(), new Location(file, line, column), message, hint, "", false);
        return new Candidate(f, line, false);
    }
}
