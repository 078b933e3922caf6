package dev.refguard.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Flyway migration version such as {@code 1.10} or {@code 2026.01.31.1200}, ordered the way Flyway
 * orders it: part by part, each part as a whole number ({@code 1.10} after {@code 1.9}, {@code 2} after
 * {@code 1.9}), a missing part counting as zero ({@code 1} equals {@code 1.0}).
 *
 * @param parts the numeric parts, most significant first; never empty
 */
public record FlywayVersion(List<BigInteger> parts) implements Comparable<FlywayVersion> {
    public FlywayVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    /**
     * Reads a version as written in a file name. Flyway accepts {@code _} as well as {@code .} between the
     * parts in file names ({@code V1_2__x.sql} is version {@code 1.2}).
     *
     * @return the version, or empty when {@code text} is not a dotted sequence of whole numbers
     */
    public static Optional<FlywayVersion> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.replace('_', '.').split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            parts.add(new BigInteger(part));
        }
        return Optional.of(new FlywayVersion(parts));
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int k = 0; k < length; k++) {
            int c = part(k).compareTo(other.part(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private BigInteger part(int index) {
        return index < parts.size() ? parts.get(index) : BigInteger.ZERO;
    }

    /** The version with {@code .} between its parts, e.g. {@code 1.2}. */
    @Override
    public String toString() {
        return parts.stream().map(BigInteger::toString).collect(Collectors.joining("."));
    }
}
