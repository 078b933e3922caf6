package dev.refguard.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the foreign keys PostgreSQL itself holds, from {@code pg_constraint}. */
public final class PostgresCatalog {
    /*
     * conkey/confkey are paired arrays of column numbers; unnest ... with ordinality keeps the constraint's column
     * order, which is the order the FK was declared with (not the order of the referenced key).
     * conparentid <> 0 marks the copies PostgreSQL makes by itself: an FK on a partitioned table is cloned onto
     * every partition, and an FK to a partitioned table gets one hidden constraint per referenced partition. A
     * migration declared only the parent constraint, so only that one is an edge of the graph.
     */
    private static final String FOREIGN_KEYS = """
            select c.oid::bigint as oid,
                   c.conname::text as name,
                   src_ns.nspname::text as from_schema,
                   src.relname::text as from_table,
                   array(select a.attname::text
                           from unnest(c.conkey) with ordinality as k(attnum, ord)
                           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                          order by k.ord) as from_columns,
                   dst_ns.nspname::text as to_schema,
                   dst.relname::text as to_table,
                   array(select a.attname::text
                           from unnest(c.confkey) with ordinality as k(attnum, ord)
                           join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
                          order by k.ord) as to_columns
              from pg_constraint c
              join pg_class src on src.oid = c.conrelid
              join pg_namespace src_ns on src_ns.oid = src.relnamespace
              join pg_class dst on dst.oid = c.confrelid
              join pg_namespace dst_ns on dst_ns.oid = dst.relnamespace
             where c.contype = 'f'
               and c.conparentid = 0
             order by 1
            """;

    private PostgresCatalog() {}

    /** The oids of every foreign key in the database, to leave out later those a stub declared. */
    public static Set<Long> foreignKeyOids(Connection connection) throws SQLException {
        Set<Long> oids = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select oid::bigint from pg_constraint where contype = 'f'")) {
            while (rs.next()) {
                oids.add(rs.getLong(1));
            }
        }
        return oids;
    }

    /** Every declared foreign key of the database, except those whose oid is in {@code excluded}. */
    public static List<ForeignKeyEdge> foreignKeys(Connection connection, Set<Long> excluded) throws SQLException {
        List<ForeignKeyEdge> edges = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(FOREIGN_KEYS)) {
            while (rs.next()) {
                if (excluded.contains(rs.getLong("oid"))) {
                    continue;
                }
                edges.add(new ForeignKeyEdge(
                        rs.getString("from_schema"),
                        rs.getString("from_table"),
                        strings(rs.getArray("from_columns")),
                        rs.getString("to_schema"),
                        rs.getString("to_table"),
                        strings(rs.getArray("to_columns")),
                        rs.getString("name")));
            }
        }
        return edges;
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
