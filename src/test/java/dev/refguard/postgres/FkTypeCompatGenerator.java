package dev.refguard.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds refguard's FK type-compatibility table ({@code src/main/resources/dev/refguard/schema/pg-fk-compat.tsv})
 * from a real PostgreSQL: {@link #query} runs {@code src/test/resources/postgres/fk-type-compat.sql}, which derives
 * the accepted pairs from the catalogue ({@code pg_opclass}, {@code pg_amop}, {@code pg_cast}), and {@link
 * #tryEveryPair} asks the server itself by creating every FK, so the two answers can be compared. See
 * docs/rules.md, "How FK type compatibility is decided".
 */
final class FkTypeCompatGenerator {
    static final String SCRIPT = "/postgres/fk-type-compat.sql";
    static final String TABLE = "src/main/resources/dev/refguard/schema/pg-fk-compat.tsv";
    static final String REGENERATE_PROPERTY = "refguard.writeFkCompat";
    static final String REGENERATE_COMMAND =
            "mvn -B test -Dtest=FkTypeCompatTableTest -D" + REGENERATE_PROPERTY + "=true";

    /** One type the table knows: its name as {@code format_type} writes it, its category, whether it can be a key. */
    record KnownType(String name, String category, boolean keyable) {}

    /** One referencing → referenced pair PostgreSQL accepts, and how ({@code operator} or {@code implicit-cast}). */
    record Pair(String referencing, String referenced, String how) {}

    /** The script's answer. */
    record Table(List<KnownType> types, List<Pair> pairs) {
        Set<List<String>> accepted() {
            Set<List<String>> set = new LinkedHashSet<>();
            pairs.forEach(p -> set.add(List.of(p.referencing(), p.referenced())));
            return set;
        }
    }

    /** What the server did when asked directly. */
    record Observed(Set<String> keyable, Set<List<String>> accepted, List<String> unexpected) {}

    private FkTypeCompatGenerator() {}

    /** Runs the derivation script on {@code connection} (it creates the {@code citext} extension). */
    static Table query(Connection connection) throws SQLException, IOException {
        String script;
        try (InputStream in = FkTypeCompatGenerator.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("test resource " + SCRIPT + " is missing");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<KnownType> types = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            boolean isResult = s.execute(script);
            while (!isResult && s.getUpdateCount() != -1) {
                isResult = s.getMoreResults();
            }
            if (!isResult) {
                throw new SQLException(SCRIPT + " returned no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    String kind = rs.getString("kind");
                    if (kind.equals("type")) {
                        types.add(new KnownType(
                                rs.getString("referencing"),
                                rs.getString("referenced"),
                                rs.getString("how").equals("key")));
                    } else {
                        pairs.add(
                                new Pair(rs.getString("referencing"), rs.getString("referenced"), rs.getString("how")));
                    }
                }
            }
        }
        return new Table(List.copyOf(types), List.copyOf(pairs));
    }

    /**
     * Creates a table keyed by each type, then tries {@code CREATE TABLE ... REFERENCES} for every pair, each in a
     * savepoint rolled back before the next (one transaction per referencing type, so locks do not pile up). An error other
     * than PostgreSQL's "foreign key constraint cannot be implemented" (SQLSTATE 42804) is reported as unexpected.
     */
    static Observed tryEveryPair(Connection connection, List<String> types) throws SQLException {
        Set<String> keyable = new LinkedHashSet<>();
        Set<List<String>> accepted = new LinkedHashSet<>();
        List<String> unexpected = new ArrayList<>();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < types.size(); i++) {
                try {
                    s.execute("create table fkc_pk_" + i + " (k " + types.get(i) + " primary key)");
                    keyable.add(types.get(i));
                } catch (SQLException e) {
                    // no default btree operator class: the type cannot be a key at all
                }
            }
            connection.setAutoCommit(false);
            for (String referencing : types) {
                // one round trip per pair: undo the previous attempt, open a savepoint, try the FK
                String undo = "";
                for (int i = 0; i < types.size(); i++) {
                    String referenced = types.get(i);
                    if (!keyable.contains(referenced)) {
                        continue;
                    }
                    try {
                        s.execute(undo + "savepoint fkc; create table fkc_fk (x " + referencing + " references fkc_pk_"
                                + i + ")");
                        accepted.add(List.of(referencing, referenced));
                    } catch (SQLException e) {
                        if (!"42804".equals(e.getSQLState())) {
                            unexpected.add(
                                    referencing + " -> " + referenced + ": " + e.getSQLState() + " " + e.getMessage());
                        }
                    }
                    undo = "rollback to savepoint fkc; ";
                }
                connection.rollback();
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return new Observed(keyable, accepted, unexpected);
    }

    /** The committed file's text for {@code table}, made on PostgreSQL {@code major}. */
    static String render(Table table, String major) {
        StringBuilder out = new StringBuilder();
        out.append("# Which referencing (FK column) type PostgreSQL ")
                .append(major)
                .append(" accepts for which referenced (key) type.\n");
        out.append("# Generated from the catalogue by src/test/resources/postgres/fk-type-compat.sql and checked\n");
        out.append("# against CREATE TABLE ... REFERENCES for every pair by FkTypeCompatTableTest: do not edit.\n");
        out.append("# Regenerate: ").append(REGENERATE_COMMAND).append('\n');
        out.append("# See docs/rules.md, \"How FK type compatibility is decided\".\n");
        out.append("# type<TAB>name (format_type)<TAB>pg_type.typcategory<TAB>key|no-key\n");
        out.append("# fk<TAB>referencing<TAB>referenced<TAB>operator|implicit-cast (a pair not listed is rejected)\n");
        for (KnownType t : table.types()) {
            out.append("type\t")
                    .append(t.name())
                    .append('\t')
                    .append(t.category())
                    .append('\t')
                    .append(t.keyable() ? "key" : "no-key")
                    .append('\n');
        }
        for (Pair p : table.pairs()) {
            out.append("fk\t")
                    .append(p.referencing())
                    .append('\t')
                    .append(p.referenced())
                    .append('\t')
                    .append(p.how())
                    .append('\n');
        }
        return out.toString();
    }

    /** The server's major version, e.g. {@code 15}. */
    static String majorVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            return String.valueOf(Integer.parseInt(rs.getString(1)) / 10000);
        }
    }
}
