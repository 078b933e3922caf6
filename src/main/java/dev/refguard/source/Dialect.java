package dev.refguard.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The database the migrations run on. It decides how statements are split (MySQL's backticks, {@code #} comments,
 * backslash escapes, {@code DELIMITER}), how names are compared (PostgreSQL folds unquoted names to lower case;
 * MySQL on Linux keeps table names as written and compares column names without case), and which foreign keys the
 * server accepts (PostgreSQL's btree operator families, or InnoDB's "similar types" and index rules).
 */
public enum Dialect {
    /** PostgreSQL (and Supabase, which is PostgreSQL). */
    POSTGRESQL("postgresql", "PostgreSQL"),
    /** MySQL 8 with InnoDB. */
    MYSQL("mysql", "MySQL"),
    /** MariaDB 10.5+ with InnoDB. */
    MARIADB("mariadb", "MariaDB");

    private final String id;
    private final String displayName;

    Dialect(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The value of the {@code dialect} parameter. */
    public String id() {
        return id;
    }

    /** The product name, for messages. */
    public String displayName() {
        return displayName;
    }

    /** MySQL or MariaDB: the InnoDB family, which shares MySQL's syntax. */
    public boolean mysqlFamily() {
        return this != POSTGRESQL;
    }

    /**
     * The dialect a parameter value names, case-insensitive ({@code postgres} is accepted for PostgreSQL).
     *
     * @throws IllegalArgumentException naming the value and listing the valid ones
     */
    public static Dialect parse(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("postgres")) {
            return POSTGRESQL;
        }
        for (Dialect d : values()) {
            if (d.id.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + (value == null ? "" : value.strip()) + "'; valid: "
                + Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", ")));
    }

    /**
     * The dialect a JDBC URL or driver class names ({@code jdbc:mysql://…}, {@code jdbc:mariadb://…},
     * {@code com.mysql.cj.jdbc.Driver}, {@code org.mariadb.jdbc.Driver}, {@code jdbc:postgresql://…}), if any.
     */
    public static Optional<Dialect> ofJdbc(String urlOrDriver) {
        if (urlOrDriver == null) {
            return Optional.empty();
        }
        String text = urlOrDriver.strip().toLowerCase(Locale.ROOT);
        // Testcontainers' jdbc:tc:mysql:8:///db and the AWS wrapper's jdbc:aws-wrapper:mysql:// name the server too
        if (text.startsWith("jdbc:")) {
            for (String part : text.substring(5).split(":")) {
                if (part.equals("mariadb")) {
                    return Optional.of(MARIADB);
                }
                if (part.equals("mysql")) {
                    return Optional.of(MYSQL);
                }
                if (part.equals("postgresql") || part.equals("postgres")) {
                    return Optional.of(POSTGRESQL);
                }
                if (part.startsWith("//")) {
                    break;
                }
            }
            return Optional.empty();
        }
        Map<String, Dialect> drivers = Map.of(
                "org.mariadb.jdbc.driver", MARIADB,
                "com.mysql.cj.jdbc.driver", MYSQL,
                "com.mysql.jdbc.driver", MYSQL,
                "org.postgresql.driver", POSTGRESQL);
        return Optional.ofNullable(drivers.get(text));
    }
}
