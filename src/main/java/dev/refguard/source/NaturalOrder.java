package dev.refguard.source;

import java.util.Comparator;

/**
 * Orders names the way people number their scripts: runs of ASCII digits compare by their numeric value,
 * so {@code 2_users.sql} comes before {@code 10_posts.sql}; everything else compares char by char. Names
 * that differ only in leading zeros ({@code 01} and {@code 1}) are then ordered by plain string order, so
 * the order is total and never depends on the order the file system lists entries in.
 */
public final class NaturalOrder {
    /** Natural order of single names (digit runs numerically). */
    public static final Comparator<String> NAMES = NaturalOrder::compareNames;

    /**
     * Natural order of {@code /}-separated relative paths, compared segment by segment so that the files of
     * one folder stay together ({@code a/z.sql} before {@code a-b/c.sql}).
     */
    public static final Comparator<String> PATHS = NaturalOrder::comparePaths;

    private NaturalOrder() {}

    /** Compares two names in natural order; see {@link #NAMES}. */
    public static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isDigit(b.charAt(j))) {
                    j++;
                }
                int byNumber = compareDigitRuns(a, startA, i, b, startB, j);
                if (byNumber != 0) {
                    return byNumber;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Boolean.compare(i < a.length(), j < b.length());
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    /** Compares two {@code /}-separated paths segment by segment in natural order; see {@link #PATHS}. */
    public static int comparePaths(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        int common = Math.min(left.length, right.length);
        for (int k = 0; k < common; k++) {
            int c = compareNames(left[k], right[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /**
     * Compares two digit runs by value without parsing them, so that a 40-digit timestamp cannot overflow:
     * after dropping leading zeros the longer run is the bigger number, equal lengths compare digit by digit.
     */
    private static int compareDigitRuns(String a, int startA, int endA, String b, int startB, int endB) {
        int sa = skipZeros(a, startA, endA);
        int sb = skipZeros(b, startB, endB);
        int lengthA = endA - sa;
        int lengthB = endB - sb;
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (int k = 0; k < lengthA; k++) {
            int c = Character.compare(a.charAt(sa + k), b.charAt(sb + k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int skipZeros(String s, int start, int end) {
        int k = start;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
