package dev.refguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code search_path} of one session (one migration file), as PostgreSQL keeps it: a session value
 * ({@code SET}, {@code RESET}, {@code SET ... TO DEFAULT}, {@code SET SCHEMA 'x'}) and a transaction-local
 * one ({@code SET LOCAL}) that ends with its transaction. Both are transactional: a {@code ROLLBACK} undoes
 * a {@code SET} made since {@code BEGIN}. See docs/replay.md, "search_path".
 */
final class SearchPath {
    /** PostgreSQL's default, {@code "$user", public}. */
    static final List<String> DEFAULT = List.of("$user", "public");

    /** What a snapshot keeps. */
    record State(List<String> session, List<String> local) {}

    private List<String> session = DEFAULT;
    /** {@code SET LOCAL}'s value until the transaction ends, or {@code null}. */
    private List<String> local;

    /** A new session: the default path. */
    void newSession() {
        session = DEFAULT;
        local = null;
    }

    /**
     * {@code SET [LOCAL] search_path}.
     *
     * @param schemas the folded entries, {@code "$user"} included as written; {@code null} for
     *     {@code RESET} / {@code TO DEFAULT}
     * @param isLocal {@code SET LOCAL}
     * @param inTransactionBlock whether a {@code BEGIN} is open: outside one, {@code SET LOCAL} has no effect
     */
    void set(List<String> schemas, boolean isLocal, boolean inTransactionBlock) {
        List<String> value = schemas == null ? DEFAULT : List.copyOf(schemas);
        if (isLocal) {
            if (inTransactionBlock) {
                local = value;
            }
            return;
        }
        session = value;
        local = null;
    }

    /** The transaction ended (COMMIT or ROLLBACK): a {@code SET LOCAL} value ends with it. */
    void endTransaction() {
        local = null;
    }

    /** The path as configured, {@code "$user"} and schemas that do not exist included. */
    List<String> configured() {
        return local != null ? local : session;
    }

    /**
     * The schemas PostgreSQL searches: the configured entries that exist, in order ({@code "$user"} names
     * a schema called like the role, which migrations do not create).
     */
    List<String> effective(Predicate<String> schemaExists) {
        List<String> out = new ArrayList<>();
        for (String s : configured()) {
            if (!s.equals("$user") && !s.isEmpty() && schemaExists.test(s) && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    State save() {
        return new State(session, local);
    }

    void restore(State state) {
        session = state.session();
        local = state.local();
    }
}
