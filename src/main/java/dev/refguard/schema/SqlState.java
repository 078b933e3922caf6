package dev.refguard.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The errors PostgreSQL raises for the statements the model follows, with their SQLSTATE codes and
 * PL/pgSQL condition names, so an {@code EXCEPTION WHEN duplicate_object THEN ...} handler catches
 * exactly what PostgreSQL's would.
 */
public enum SqlState {
    UNDEFINED_TABLE("42P01"),
    UNDEFINED_COLUMN("42703"),
    UNDEFINED_OBJECT("42704"),
    INVALID_SCHEMA_NAME("3F000"),
    DUPLICATE_TABLE("42P07"),
    DUPLICATE_COLUMN("42701"),
    DUPLICATE_OBJECT("42710"),
    DUPLICATE_SCHEMA("42P06"),
    INVALID_FOREIGN_KEY("42830"),
    DATATYPE_MISMATCH("42804"),
    INVALID_TABLE_DEFINITION("42P16"),
    INVALID_SCHEMA_DEFINITION("42P15"),
    INVALID_OBJECT_DEFINITION("42P17"),
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01"),
    WRONG_OBJECT_TYPE("42809"),
    FEATURE_NOT_SUPPORTED("0A000"),
    /** {@code RAISE EXCEPTION} without an SQLSTATE. */
    RAISE_EXCEPTION("P0001"),
    /** An error whose code the model does not know (the statement may still be rejected). */
    OTHER("XX000"),
    /**
     * MySQL's and MariaDB's error 1832 (HY000), "Cannot change column 'c': used in a foreign key constraint": a
     * column's type changes while an FK on it is in force.
     */
    MYSQL_FK_COLUMN_CHANGE("HY000");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /** The five-character SQLSTATE. */
    public String code() {
        return code;
    }

    /** The PL/pgSQL condition name, e.g. {@code duplicate_object}. */
    public String conditionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether an {@code EXCEPTION WHEN condition} handler catches this error: the condition name,
     * {@code SQLSTATE 'xxxxx'}, its class ({@code SQLSTATE '42000'} catches every {@code 42xxx}: PostgreSQL's
     * class conditions such as {@code syntax_error_or_access_rule_violation}), or {@code others}.
     *
     * @param condition the condition as written, lower case, e.g. {@code duplicate_object} or
     *     {@code sqlstate '42710'}
     */
    public boolean caughtBy(String condition) {
        String c = condition.trim().toLowerCase(Locale.ROOT);
        if (c.equals("others")) {
            return true;
        }
        if (c.startsWith("sqlstate")) {
            String quoted = c.substring("sqlstate".length()).trim().replace("'", "");
            return quoted.equals(code) || (quoted.endsWith("000") && code.startsWith(quoted.substring(0, 2)));
        }
        if (c.equals(conditionName())) {
            return true;
        }
        // class-level condition names of the classes the model raises
        return switch (c) {
            case "syntax_error_or_access_rule_violation" -> code.startsWith("42");
            case "invalid_schema_name" -> code.startsWith("3F");
            case "dependent_objects_still_exist" -> code.startsWith("2B");
            case "feature_not_supported" -> code.startsWith("0A");
            default -> false;
        };
    }

    /** The state of a five-character code, if the model knows it. */
    public static Optional<SqlState> ofCode(String code) {
        for (SqlState s : values()) {
            if (s.code.equalsIgnoreCase(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
