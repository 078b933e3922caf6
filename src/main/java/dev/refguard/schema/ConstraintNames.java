package dev.refguard.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's default constraint names ({@code <table>_<col>_fkey}, {@code <table>_pkey},
 * {@code <table>_<col>_key}), truncated to fit 63 bytes the way {@code makeObjectName} does and made
 * unique within the schema by appending a number, as {@code ChooseConstraintName} does.
 */
final class ConstraintNames {
    private static final int MAX = 63;

    /** Copy-on-write: a snapshot shares the set until the next change copies it. */
    private final CowCollections.CowSet<String> used = new CowCollections.CowSet<>();

    /** The names taken now, for a snapshot (O(1); never changed afterwards). */
    Set<String> save() {
        return used.save();
    }

    /** Takes back the names of a snapshot. */
    void restore(Set<String> saved) {
        used.restore(saved);
    }

    /** Records a name as taken in {@code schema}. */
    void use(String schema, String name) {
        used.add(schema + "\u0000" + name);
    }

    /** Frees a name in {@code schema}. */
    void release(String schema, String name) {
        used.remove(schema + "\u0000" + name);
    }

    /** A fresh default name for {@code label} ({@code fkey}, {@code key}, {@code pkey}) and takes it. */
    String choose(String schema, String table, List<String> columns, String label) {
        String name2 = columns.isEmpty() ? null : String.join("_", columns);
        for (int pass = 0; ; pass++) {
            String suffix = pass == 0 ? label : label + pass;
            String candidate = makeObjectName(table, name2, suffix);
            if (!used.contains(schema + "\u0000" + candidate)) {
                use(schema, candidate);
                return candidate;
            }
        }
    }

    /** {@code name1_name2_label}, shortening the longer of name1/name2 until it fits in 63 bytes. */
    static String makeObjectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        byte[] b1 = name1.getBytes(StandardCharsets.UTF_8);
        byte[] b2 = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int len1 = b1.length;
        int len2 = b2.length;
        int avail = MAX - overhead;
        while (len1 + len2 > avail) {
            if (len1 > len2) {
                len1--;
            } else {
                len2--;
            }
        }
        String n1 = clip(b1, len1);
        StringBuilder out = new StringBuilder(n1);
        if (name2 != null) {
            out.append('_').append(clip(b2, len2));
        }
        return out.append('_').append(label).toString();
    }

    private static String clip(byte[] bytes, int len) {
        int end = len;
        // never cut inside a multi-byte character (pg_mbcliplen)
        while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
