package dev.refguard.drift;

import dev.refguard.schema.TableId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a live PostgreSQL database's tables, columns, keys and foreign keys from its catalogue, in one
 * {@code READ ONLY} transaction that is rolled back: the only place refguard connects to a database, and only for
 * the {@code drift} goal (README, "drift"). Every query is a constant text; the connection, the login and each
 * query are bounded by the target's timeout.
 *
 * <p>Left out: the system schemas ({@code pg_catalog}, {@code information_schema}, {@code pg_toast},
 * {@code pg_temp_*}), the schemas the caller excludes (the platform's managed schemas), and tables an extension
 * owns (PostGIS's {@code spatial_ref_sys}), which no migration of the project creates.
 */
public final class CatalogReader {
    private CatalogReader() {}

    private static final String TABLES = """
            select c.oid::bigint, n.nspname::text, c.relname::text
              from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p')
               and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
               and not exists (select 1 from pg_depend d
                                where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
            """;

    private static final String COLUMNS = """
            select a.attrelid::bigint, a.attname::text, format_type(a.atttypid, a.atttypmod)
              from pg_attribute a
              join pg_class c on c.oid = a.attrelid
              join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
               and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
             order by a.attrelid, a.attnum
            """;

    /* a plain unique index is a key an FK can use as much as a constraint is; partial and expression ones are not */
    private static final String KEYS = """
            select i.indrelid::bigint, ic.relname::text, i.indisprimary,
                   array(select a.attname::text
                           from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
                           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                          order by k.ord)
              from pg_index i
              join pg_class ic on ic.oid = i.indexrelid
              join pg_namespace n on n.oid = ic.relnamespace
             where i.indisunique and i.indpred is null and i.indexprs is null
               and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
             order by 1, 2
            """;

    /* conparentid <> 0: the copies PostgreSQL makes on partitions, which no migration declares */
    private static final String FOREIGN_KEYS = """
            select c.conrelid::bigint, c.conname::text, dst_ns.nspname::text, dst.relname::text,
                   array(select a.attname::text
                           from unnest(c.conkey) with ordinality as k(attnum, ord)
                           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                          order by k.ord),
                   array(select a.attname::text
                           from unnest(c.confkey) with ordinality as k(attnum, ord)
                           join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
                          order by k.ord)
              from pg_constraint c
              join pg_class dst on dst.oid = c.confrelid
              join pg_namespace dst_ns on dst_ns.oid = dst.relnamespace
             where c.contype = 'f' and c.conparentid = 0
             order by 1, 2
            """;

    private static final String HAS_SUPABASE_MIGRATIONS =
            "select to_regclass('supabase_migrations.schema_migrations') is not null";
    private static final String SUPABASE_MIGRATIONS =
            "select version::text from supabase_migrations.schema_migrations order by 1";

    /**
     * Reads the catalogue of {@code target}'s database.
     *
     * @param excludedSchemas schemas left out besides the system ones (folded names, e.g. {@code auth})
     * @throws DatabaseException when the database cannot be reached, refuses the login, or a query fails or
     *     times out: a one-line message without the password
     */
    public static DatabaseCatalog read(DatabaseTarget target, Set<String> excludedSchemas) {
        try (Connection connection = connect(target)) {
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                long timeoutMillis = target.timeout().toMillis();
                try (Statement s = connection.createStatement()) {
                    // the first statement opens the transaction: nothing in it can write
                    s.execute("set transaction read only");
                    s.execute("set local statement_timeout = " + timeoutMillis);
                    // types outside these schemas are shown qualified by format_type, as the migrations name them
                    s.execute("set local search_path = pg_catalog, public");
                    try (ResultSet rs = s.executeQuery("select current_setting('transaction_read_only')")) {
                        // a driver or pooler that dropped the setting must not leave a writable session behind
                        if (!rs.next() || !"on".equals(rs.getString(1))) {
                            throw new SQLException("the transaction is not read only", "25000");
                        }
                    }
                }
                DatabaseCatalog catalog = readCatalog(connection, excludedSchemas);
                connection.rollback();
                return catalog;
            } catch (SQLException e) {
                throw failure(target, e, true);
            }
        } catch (SQLException e) {
            throw failure(target, e, false);
        }
    }

    private static Connection connect(DatabaseTarget target) throws SQLException {
        Properties properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        String seconds = Long.toString(Math.max(1, target.timeout().toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        // a server that stops answering mid-query: the statement_timeout is the server's bound, this the client's
        properties.setProperty(
                "socketTimeout", Long.toString(Math.max(1, target.timeout().toSeconds()) * 2));
        properties.setProperty("readOnly", "true");
        properties.setProperty("ApplicationName", "refguard drift");
        // the driver itself, not DriverManager: a Maven plugin's class realm is not the one DriverManager searches
        Connection connection = new org.postgresql.Driver().connect(target.url(), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the URL", "08001");
        }
        return connection;
    }

    private static DatabaseCatalog readCatalog(Connection connection, Set<String> excludedSchemas) throws SQLException {
        Map<Long, TableId> ids = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                String schema = rs.getString(2);
                if (!excludedSchemas.contains(schema)) {
                    ids.put(rs.getLong(1), new TableId(schema, rs.getString(3)));
                }
            }
        }
        Map<Long, Map<String, String>> columns = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                if (ids.containsKey(oid)) {
                    columns.computeIfAbsent(oid, o -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<Long, List<DatabaseCatalog.Key>> keys = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(KEYS)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                if (ids.containsKey(oid)) {
                    keys.computeIfAbsent(oid, o -> new ArrayList<>())
                            .add(new DatabaseCatalog.Key(rs.getString(2), rs.getBoolean(3), strings(rs.getArray(4))));
                }
            }
        }
        Map<Long, List<DatabaseCatalog.ForeignKey>> foreignKeys = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(FOREIGN_KEYS)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                if (ids.containsKey(oid)) {
                    foreignKeys
                            .computeIfAbsent(oid, o -> new ArrayList<>())
                            .add(new DatabaseCatalog.ForeignKey(
                                    rs.getString(2),
                                    strings(rs.getArray(5)),
                                    new TableId(rs.getString(3), rs.getString(4)),
                                    strings(rs.getArray(6))));
                }
            }
        }
        Map<TableId, DatabaseCatalog.Table> tables = new LinkedHashMap<>();
        ids.forEach((oid, id) -> tables.put(
                id,
                new DatabaseCatalog.Table(
                        id,
                        columns.getOrDefault(oid, Map.of()),
                        keys.getOrDefault(oid, List.of()),
                        foreignKeys.getOrDefault(oid, List.of()))));
        return new DatabaseCatalog(tables, appliedMigrations(connection));
    }

    private static Optional<List<String>> appliedMigrations(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(HAS_SUPABASE_MIGRATIONS)) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(SUPABASE_MIGRATIONS)) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return Optional.of(versions);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /** One line: what went wrong, the URL without its parameters, and the driver's own words. */
    private static DatabaseException failure(DatabaseTarget target, SQLException e, boolean connected) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what;
        if (state.startsWith("28")) {
            what = "the database refused the login of user '" + target.user() + "'";
        } else if (state.equals("3D000")) {
            what = "the database does not exist";
        } else if (state.equals("57014")) {
            what = "a catalogue query took longer than the timeout ("
                    + target.timeout().toSeconds() + " s)";
        } else if (state.equals("42501")) {
            what = "the user '" + target.user() + "' may not read the catalogue";
        } else if (!connected) {
            what = "cannot reach the database (timeout " + target.timeout().toSeconds() + " s)";
        } else {
            what = "reading the catalogue failed";
        }
        String words = e.getMessage() == null
                ? ""
                : e.getMessage().replaceAll("\\s+", " ").strip();
        if (target.password() != null && !target.password().isEmpty()) {
            words = words.replace(target.password(), "***");
        }
        return new DatabaseException(
                what + " at " + target.shownUrl() + (words.isEmpty() ? "" : ": " + words)
                        + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"),
                e);
    }
}
