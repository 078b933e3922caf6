package dev.refguard.findings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings recorded so that a legacy project can adopt refguard and fail only on new ones. An entry matches a
 * finding by rule, file and the fingerprint of the offending statement's normalised text, not by line: edits
 * elsewhere in the file do not revive a recorded finding, and a changed statement is checked afresh. Entries are
 * counted, so two identical findings need two entries.
 *
 * <p>The file also pins the canonical identity table refguard inferred for each history
 * ({@code "canonicalIdentityTables": {"supabase/migrations": "auth.users"}}), so that once recorded, adding one FK
 * to another identity table never flips which old lines are wrong (README, "Identity conventions").
 */
public final class Baseline {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final List<Entry> entries;
    private final Map<String, String> canonicalIdentityTables;

    /**
     * One recorded finding.
     *
     * @param ruleId the rule
     * @param file the file, relative to the base directory
     * @param fingerprint the statement's fingerprint (the message, for findings without a statement)
     * @param message the message when recorded, for people reading the file
     */
    public record Entry(String ruleId, String file, String fingerprint, String message) {
        String key() {
            return ruleId + "\n" + file + "\n" + fingerprint;
        }
    }

    /**
     * What applying the baseline gave.
     *
     * @param findings every finding, the recorded ones marked baselined
     * @param unmatchedEntries entries that matched no finding (fixed since, or their statement changed)
     */
    public record Applied(List<Finding> findings, int unmatchedEntries) {
        public Applied {
            findings = List.copyOf(findings);
        }
    }

    private Baseline(List<Entry> entries, Map<String, String> canonicalIdentityTables) {
        this.entries = List.copyOf(entries);
        this.canonicalIdentityTables = java.util.Collections.unmodifiableMap(new TreeMap<>(canonicalIdentityTables));
    }

    /** History root to the canonical identity table pinned for it. */
    public Map<String, String> canonicalIdentityTables() {
        return canonicalIdentityTables;
    }

    /** The entries, sorted by file, rule, fingerprint. */
    public List<Entry> entries() {
        return entries;
    }

    /** A baseline recording {@code findings}. */
    public static Baseline of(List<Finding> findings) {
        return of(findings, Map.of());
    }

    /**
     * A baseline recording {@code findings} and pinning {@code canonicalIdentityTables} (history root to table).
     */
    public static Baseline of(List<Finding> findings, Map<String, String> canonicalIdentityTables) {
        List<Entry> entries = new ArrayList<>();
        for (Finding f : findings) {
            entries.add(new Entry(f.ruleId(), f.location().file(), fingerprintOf(f), f.message()));
        }
        entries.sort(Comparator.comparing(Entry::file)
                .thenComparing(Entry::ruleId)
                .thenComparing(Entry::fingerprint)
                .thenComparing(Entry::message));
        return new Baseline(entries, canonicalIdentityTables);
    }

    private static String fingerprintOf(Finding f) {
        return f.fingerprint().isEmpty() ? "message:" + f.message() : f.fingerprint();
    }

    /** Marks the findings this baseline records; each entry covers one finding. */
    public Applied apply(List<Finding> findings) {
        Map<String, Integer> remaining = new HashMap<>();
        for (Entry e : entries) {
            remaining.merge(e.key(), 1, Integer::sum);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            String key = f.ruleId() + "\n" + f.location().file() + "\n" + fingerprintOf(f);
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                out.add(f.asBaselined());
            } else {
                out.add(f);
            }
        }
        int unmatched = remaining.values().stream().mapToInt(Integer::intValue).sum();
        return new Applied(out, unmatched);
    }

    /** Writes the baseline as JSON (sorted, {@code \n} line ends, final newline), so it diffs well in review. */
    public void write(Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        if (!canonicalIdentityTables.isEmpty()) {
            JsonObject pins = new JsonObject();
            canonicalIdentityTables.forEach(pins::addProperty);
            root.add("canonicalIdentityTables", pins);
        }
        JsonArray array = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("ruleId", e.ruleId());
            o.addProperty("file", e.file());
            o.addProperty("fingerprint", e.fingerprint());
            o.addProperty("message", e.message());
            array.add(o);
        }
        root.add("findings", array);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, (GSON.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException when it cannot be read or is not a refguard baseline (the message says why)
     */
    public static Baseline read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonObject root = GSON.fromJson(text, JsonObject.class);
            if (root == null || !root.has("findings") || !root.get("findings").isJsonArray()) {
                throw new IOException("not a refguard baseline (no \"findings\" array)");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonElement element : root.getAsJsonArray("findings")) {
                JsonObject o = element.getAsJsonObject();
                entries.add(new Entry(text(o, "ruleId"), text(o, "file"), text(o, "fingerprint"), text(o, "message")));
            }
            Map<String, String> pins = new TreeMap<>();
            JsonElement pinned = root.get("canonicalIdentityTables");
            if (pinned != null && pinned.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : pinned.getAsJsonObject().entrySet()) {
                    if (e.getValue().isJsonPrimitive()) {
                        pins.put(e.getKey(), e.getValue().getAsString());
                    }
                }
            } else if (pinned != null && !pinned.isJsonNull()) {
                throw new IOException("\"canonicalIdentityTables\" is not an object of history to table");
            }
            return new Baseline(entries, pins);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IOException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonObject o, String key) throws IOException {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            if (key.equals("message")) {
                return "";
            }
            throw new IOException("an entry has no \"" + key + "\"");
        }
        return value.getAsString();
    }
}
