package dev.refguard.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How serious a finding is; ordered from least to most serious. {@code OFF} switches a rule off. */
public enum Severity {
    OFF,
    INFO,
    WARNING,
    ERROR;

    /** The lower-case name used in configuration and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /**
     * Parses {@code error}, {@code warning}, {@code info} or {@code off} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Severity parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.id().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "'; valid: "
                + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", ")));
    }
}
