package dev.refguard.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects Supabase's own services create before the first migration runs, with their real names
 * ({@code auth.users} with {@code users_pkey}, its partial unique index {@code users_email_partial_key}, ...),
 * read from {@code platform-supabase.tsv}: facts taken from the supabase/auth and supabase/storage migrations
 * applied to PostgreSQL (scripts/platform-supabase.sql; docs/replay.md, "Platform objects").
 */
final class PlatformCatalog {
    private static final String RESOURCE = "platform-supabase.tsv";

    /** One constraint of a platform table: {@code kind} is {@code pg_constraint.contype}. */
    record Constraint(String name, char kind, List<String> columns) {}

    /** One index of a platform table. */
    record Index(String name, boolean unique, boolean partial, List<String> columns) {}

    /** One platform table with its columns (name to type, in order), constraints and indexes. */
    record Table(TableId id, Map<String, String> columns, List<Constraint> constraints, List<Index> indexes) {
        /** The primary key's constraint, or {@code null}. */
        Constraint primaryKey() {
            return constraints.stream().filter(c -> c.kind() == 'p').findFirst().orElse(null);
        }
    }

    private static final PlatformCatalog SUPABASE = load();

    private final Set<String> schemas;
    private final Map<TableId, Table> tables;
    private final Set<String> relations; // schema.name of views and sequences
    private final Set<String> types; // schema.name

    private PlatformCatalog(Set<String> schemas, Map<TableId, Table> tables, Set<String> relations, Set<String> types) {
        this.schemas = schemas;
        this.tables = tables;
        this.relations = relations;
        this.types = types;
    }

    static PlatformCatalog supabase() {
        return SUPABASE;
    }

    /** The schemas whose tables this catalogue lists completely: a table of them that is not listed is missing. */
    Set<String> schemas() {
        return schemas;
    }

    Table table(TableId id) {
        return tables.get(id);
    }

    Iterable<Table> tables() {
        return tables.values();
    }

    /** Whether a view or sequence of that name exists in that schema. */
    boolean otherRelation(String schema, String name) {
        return relations.contains(schema + "." + name);
    }

    boolean type(String schema, String name) {
        return types.contains(schema + "." + name);
    }

    private static PlatformCatalog load() {
        Set<String> schemas = new LinkedHashSet<>();
        Map<TableId, Table> tables = new LinkedHashMap<>();
        Set<String> relations = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        try (InputStream in = PlatformCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = Arrays.copyOf(line.split("\t", -1), 6);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i] == null ? "" : f[i];
                }
                TableId id = new TableId(f[1], f[2]);
                switch (f[0]) {
                    case "schema" -> schemas.add(f[1]);
                    case "table" ->
                        tables.put(id, new Table(id, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>()));
                    case "view", "sequence" -> relations.add(f[1] + "." + f[2]);
                    case "column" -> tables.get(id).columns().put(f[3], f[4]);
                    case "constraint" ->
                        tables.get(id).constraints().add(new Constraint(f[3], f[4].charAt(0), columns(f[5])));
                    case "index" ->
                        tables.get(id)
                                .indexes()
                                .add(new Index(f[3], f[4].contains("unique"), f[4].contains("partial"), columns(f[5])));
                    case "type" -> types.add(f[1] + "." + f[2]);
                    default -> throw new IllegalStateException("unknown line in " + RESOURCE + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlatformCatalog(Set.copyOf(schemas), tables, relations, types);
    }

    private static List<String> columns(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }
}
