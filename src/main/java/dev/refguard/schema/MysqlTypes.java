package dev.refguard.schema;

import dev.refguard.split.Blanks;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InnoDB's rule for the types of a foreign key (MySQL 8 and MariaDB 10.5+ alike): "corresponding columns must have
 * similar data types". As the server applies it (errno 150, "Foreign key constraint is incorrectly formed", checked
 * on MariaDB 10.11 by {@code MariadbGraphComparisonTest}):
 *
 * <ul>
 *   <li>integers must match in size and sign: {@code INT} cannot reference {@code BIGINT}, nor {@code BIGINT}
 *       {@code BIGINT UNSIGNED}; the display width ({@code INT(11)}) and {@code ZEROFILL} do not count;
 *   <li>{@code CHAR} and {@code VARCHAR} of any length reference each other, in the same character set and
 *       collation; a {@code TEXT} or {@code BLOB} cannot;
 *   <li>a {@code DECIMAL} references a {@code DECIMAL} of any precision and scale, never an integer; other types
 *       are not judged.
 * </ul>
 *
 * A type key is {@code mysql:} and the type in a canonical form: {@code mysql:int unsigned}, {@code mysql:string
 * charset=utf8mb4 collate=utf8mb4_bin} ({@code ?} where the column does not say and the table's default applies),
 * {@code mysql:decimal}.
 */
public final class MysqlTypes {
    /** The prefix of a MySQL type key. */
    public static final String PREFIX = "mysql:";

    private static final Map<String, String> INTEGERS = Map.ofEntries(
            Map.entry("tinyint", "tinyint"),
            Map.entry("bool", "tinyint"),
            Map.entry("boolean", "tinyint"),
            Map.entry("smallint", "smallint"),
            Map.entry("int2", "smallint"),
            Map.entry("mediumint", "mediumint"),
            Map.entry("int3", "mediumint"),
            Map.entry("middleint", "mediumint"),
            Map.entry("int", "int"),
            Map.entry("integer", "int"),
            Map.entry("int4", "int"),
            Map.entry("bigint", "bigint"),
            Map.entry("int8", "bigint"),
            Map.entry("serial", "bigint unsigned"));

    private static final Pattern HEAD = Pattern.compile("\\s*([a-z][a-z0-9_ ]*?)\\s*(\\(([^)]*)\\))?(\\s.*)?");
    private static final Pattern CHARSET = Pattern.compile("\\b(?:character\\s+set|charset)\\s*=?\\s*['\"]?(\\w+)");
    private static final Pattern COLLATE = Pattern.compile("\\bcollate\\s*=?\\s*['\"]?(\\w+)");

    private MysqlTypes() {}

    /**
     * The key of a column type as written ({@code BIGINT(20) UNSIGNED}, {@code varchar(255) CHARACTER SET utf8mb4
     * COLLATE utf8mb4_bin}), or {@code null} when there is none.
     */
    public static String key(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String text = Blanks.squeeze(written.toLowerCase(Locale.ROOT)).strip();
        Matcher m = HEAD.matcher(text);
        if (!m.matches()) {
            return PREFIX + text;
        }
        String name = m.group(1).strip();
        String args = m.group(3) == null ? "" : m.group(3).replace(" ", "");
        String rest = m.group(4) == null ? "" : m.group(4);
        boolean unsigned = name.endsWith(" unsigned") || rest.contains("unsigned");
        name = name.replace(" unsigned", "").replace(" signed", "").replace(" zerofill", "");
        String integer = INTEGERS.get(name);
        if (integer != null) {
            return PREFIX + integer + (unsigned && !integer.endsWith("unsigned") ? " unsigned" : "");
        }
        switch (name) {
            case "char",
                    "varchar",
                    "character",
                    "character varying",
                    "nchar",
                    "nvarchar",
                    "national char",
                    "national varchar" -> {
                return PREFIX + "string" + charset(name, rest);
            }
            case "decimal", "dec", "numeric", "fixed" -> {
                // MariaDB 10.11 lets DECIMAL(12,2) and DECIMAL(10,3) reference DECIMAL(10,2)
                return PREFIX + "decimal" + (unsigned ? " unsigned" : "");
            }
            case "float", "double", "real", "double precision" -> {
                return PREFIX + (name.equals("float") ? "float" : "double") + (unsigned ? " unsigned" : "");
            }
            default -> {
                if (name.endsWith("text")) {
                    return PREFIX + "text";
                }
                if (name.endsWith("blob")) {
                    return PREFIX + "blob";
                }
                return PREFIX + name + (args.isEmpty() ? "" : "(" + args + ")");
            }
        }
    }

    private static String charset(String name, String rest) {
        Matcher cs = CHARSET.matcher(rest);
        Matcher co = COLLATE.matcher(rest);
        String charset = name.startsWith("n") ? "utf8mb3" : cs.find() ? cs.group(1) : "?";
        String collate = co.find() ? co.group(1) : "?";
        return " charset=" + charset + " collate=" + collate;
    }

    /** Whether {@code key} is a MySQL type key. */
    public static boolean isKey(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** The type as a message names it. */
    public static String display(String key) {
        if (!isKey(key)) {
            return key;
        }
        String type = key.substring(PREFIX.length());
        if (type.startsWith("string")) {
            String charset = type.replaceAll(".*charset=(\\S+).*", "$1");
            String collate = type.replaceAll(".*collate=(\\S+).*", "$1");
            return "varchar" + (charset.equals("?") ? "" : " character set " + charset)
                    + (collate.equals("?") ? "" : " collate " + collate);
        }
        return type;
    }

    /** How an FK column of type {@code from} fits a referenced column of type {@code to}, both MySQL type keys. */
    public static SqlTypes.Fit fit(String from, String to) {
        if (from == null || to == null) {
            return SqlTypes.Fit.UNKNOWN;
        }
        if (from.equals(to)) {
            return SqlTypes.Fit.MATCH;
        }
        String a = from.substring(PREFIX.length());
        String b = to.substring(PREFIX.length());
        if (a.startsWith("string") && b.startsWith("string")) {
            String[] x = a.split(" ");
            String[] y = b.split(" ");
            for (int i = 1; i < Math.min(x.length, y.length); i++) {
                // a side that does not say takes the table's or server's default: refguard does not guess it
                if (!x[i].equals(y[i]) && !x[i].endsWith("?") && !y[i].endsWith("?")) {
                    return SqlTypes.Fit.INCOMPATIBLE;
                }
            }
            return SqlTypes.Fit.MATCH;
        }
        if (known(a) && known(b)) {
            return SqlTypes.Fit.INCOMPATIBLE;
        }
        return SqlTypes.Fit.UNKNOWN;
    }

    /** A type whose InnoDB comparison is known: an integer, a string, a decimal, a text or blob. */
    private static boolean known(String type) {
        String base = type.replace(" unsigned", "");
        return INTEGERS.containsValue(base)
                || base.startsWith("string")
                || base.equals("decimal")
                || base.equals("text")
                || base.equals("blob");
    }
}
