package dev.refguard.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats of SPEC §7 that this version writes. */
public enum ReportFormat {
    CONSOLE,
    SARIF,
    JSON,
    GITHUB;

    /** The lower-case id used in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a format id (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static ReportFormat parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id().equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "'; valid: "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")));
    }
}
