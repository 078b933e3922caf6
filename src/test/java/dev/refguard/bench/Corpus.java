package dev.refguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the benchmark's migration histories, from a fixed seed, so every run and every machine measures
 * the same bytes (docs: README, "Performance"). Nothing here is third-party SQL: each history only mimics
 * the shape of a kind of real one.
 *
 * <ul>
 *   <li>{@link Kind#SUPABASE}: about 462 files and 0.9 MB under {@code supabase/migrations}, many of them
 *       small; tables with FKs to {@code auth.users}, row-level security policies, grants, comments,
 *       PL/pgSQL functions, triggers, DO blocks with catalogue guards and exception handlers, and a
 *       {@code seed.sql};
 *   <li>{@link Kind#PRISMA}: about 240 folders of {@code migration.sql} as Prisma writes them: quoted
 *       mixed-case identifiers, enums, many FKs added by {@code ALTER TABLE}, unique indexes;
 *   <li>{@link Kind#DATA}: about 17 MB of a Flyway layout whose files are mostly bulk data, multi-row
 *       {@code INSERT}s and {@code COPY ... FROM stdin} blocks, after a schema file.
 * </ul>
 *
 * <p>Run {@code main} with a kind, a target folder and optionally a seed; {@code scripts/bench.sh} does.
 */
public final class Corpus {
    /** The seed of every published figure. */
    public static final long SEED = 20261202L;

    /** The three shapes of history. */
    public enum Kind {
        SUPABASE,
        PRISMA,
        DATA
    }

    /** What was written. */
    public record Written(Path root, int files, long bytes, int statements) {}

    private final Random random;
    private final Path root;
    private int files;
    private long bytes;
    private int statements;
    private boolean header;

    private Corpus(Path root, long seed) {
        this.root = root;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Corpus supabase|prisma|data <folder> [seed]");
            System.exit(2);
        }
        Kind kind = Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        Written w = write(kind, Path.of(args[1]), seed);
        System.out.printf(
                Locale.ROOT,
                "%s: %d files, %d bytes, %d statements in %s%n",
                kind,
                w.files,
                w.bytes,
                w.statements,
                w.root);
    }

    /** Writes the history of that kind into {@code root} (created; it should be empty). */
    public static Written write(Kind kind, Path root, long seed) throws IOException {
        Files.createDirectories(root);
        Corpus c = new Corpus(root, seed);
        switch (kind) {
            case SUPABASE -> c.supabase();
            case PRISMA -> c.prisma();
            case DATA -> c.data();
        }
        return new Written(root, c.files, c.bytes, c.statements);
    }

    // ---------------------------------------------------------------- Supabase

    private static final String[] NOUNS = {
        "project", "task", "comment", "team", "invoice", "order", "product", "message", "channel", "document",
        "event", "ticket", "note", "booking", "payment", "review", "tag", "file", "folder", "setlist",
        "song", "venue", "course", "lesson", "quiz", "answer", "workspace", "board", "card", "label"
    };

    private void supabase() throws IOException {
        Path dir = root.resolve("supabase/migrations");
        Files.createDirectories(dir);
        header = true;
        List<String> tables = new ArrayList<>();
        long stamp = 20230101000000L;
        int target = 462;
        try (Out out = open(dir.resolve(stamp + "_init_profiles.sql"))) {
            out.stmt("create table public.profiles (\n  id uuid not null references auth.users(id) on delete cascade,\n"
                    + "  username text unique,\n  full_name text,\n  avatar_url text,\n  updated_at timestamptz,\n"
                    + "  primary key (id)\n)");
            out.stmt("alter table public.profiles enable row level security");
            out.stmt(
                    "create policy \"Public profiles are viewable by everyone.\" on public.profiles for select using (true)");
            out.stmt("create policy \"Users can insert their own profile.\" on public.profiles for insert"
                    + " with check ((select auth.uid()) = id)");
            out.stmt("create function public.handle_new_user()\nreturns trigger\nlanguage plpgsql\nsecurity definer"
                    + " set search_path = ''\nas $$\nbegin\n  insert into public.profiles (id, full_name, avatar_url)\n"
                    + "  values (new.id, new.raw_user_meta_data->>'full_name', new.raw_user_meta_data->>'avatar_url');\n"
                    + "  return new;\nend;\n$$");
            out.stmt("create trigger on_auth_user_created\n  after insert on auth.users\n  for each row execute"
                    + " procedure public.handle_new_user()");
        }
        tables.add("profiles");
        for (int n = 1; n < target; n++) {
            stamp += 1 + random.nextInt(90000);
            int shape = random.nextInt(100);
            String noun = NOUNS[random.nextInt(NOUNS.length)] + "_" + n;
            if (shape < 30) {
                try (Out out = open(dir.resolve(stamp + "_create_" + noun + ".sql"))) {
                    createSupabaseTable(out, noun, tables);
                }
                tables.add(noun);
            } else if (shape < 45) {
                String t = pick(tables);
                try (Out out = open(dir.resolve(stamp + "_policies_" + t + ".sql"))) {
                    policies(out, t);
                }
            } else if (shape < 55) {
                try (Out out = open(dir.resolve(stamp + "_function_" + noun + ".sql"))) {
                    function(out, noun, pick(tables));
                }
            } else if (shape < 68) {
                String t = pick(tables);
                try (Out out = open(dir.resolve(stamp + "_guarded_fk_" + t + ".sql"))) {
                    guardedChange(out, t, tables, n);
                }
            } else if (shape < 80) {
                String t = pick(tables);
                try (Out out = open(dir.resolve(stamp + "_alter_" + t + ".sql"))) {
                    out.comment("add a column and its index");
                    String col = "extra_" + n;
                    out.stmt("alter table public." + t + " add column if not exists " + col + " "
                            + pickOf("text", "integer", "boolean default false", "jsonb default '{}'::jsonb"));
                    out.stmt("create index if not exists " + t + "_" + col + "_idx on public." + t + " (" + col + ")");
                    out.stmt("comment on column public." + t + "." + col + " is 'Added in migration " + n + "'");
                }
            } else if (shape < 90) {
                String t = pick(tables);
                try (Out out = open(dir.resolve(stamp + "_grants_" + t + ".sql"))) {
                    out.stmt("grant select, insert, update, delete on table public." + t + " to authenticated");
                    out.stmt("grant select on table public." + t + " to anon");
                    out.stmt("revoke all on table public." + t + " from public");
                }
            } else {
                String t = pick(tables);
                try (Out out = open(dir.resolve(stamp + "_data_fix_" + t + ".sql"))) {
                    out.stmt("update public." + t + " set updated_at = now() where updated_at is null");
                    out.stmt("insert into public." + t + " (id, user_id) select gen_random_uuid(), id from auth.users"
                            + " where email like '%@example.com' on conflict do nothing");
                }
            }
        }
        try (Out out = open(root.resolve("supabase/seed.sql"))) {
            out.comment("development data");
            for (int i = 0; i < 40; i++) {
                StringBuilder s = new StringBuilder("insert into public.profiles (id, username, full_name) values\n");
                for (int r = 0; r < 8; r++) {
                    s.append(r == 0 ? "  " : ",\n  ")
                            .append("('")
                            .append(uuid())
                            .append("', 'user_")
                            .append(i * 8 + r)
                            .append("', 'Ada O''Neil ")
                            .append(r)
                            .append("')");
                }
                out.stmt(s.toString());
            }
        }
    }

    private void createSupabaseTable(Out out, String name, List<String> tables) throws IOException {
        out.comment("Create the " + name + " table, owned by a user");
        StringBuilder s = new StringBuilder("create table if not exists public.")
                .append(name)
                .append(" (\n  id uuid primary key default gen_random_uuid(),\n")
                .append("  user_id uuid not null references auth.users(id) on delete cascade,\n");
        if (random.nextBoolean() && tables.size() > 1) {
            String parent = pick(tables);
            s.append("  ")
                    .append(parent.replaceAll("_\\d+$", ""))
                    .append("_id uuid references public.")
                    .append(parent)
                    .append("(id) on delete set null,\n");
        }
        int columns = 4 + random.nextInt(14);
        for (int c = 0; c < columns; c++) {
            s.append("  col_").append(c).append(' ').append(columnType()).append(",\n");
        }
        s.append("  created_at timestamptz not null default timezone('utc'::text, now()),\n")
                .append("  updated_at timestamptz\n)");
        out.stmt(s.toString());
        out.stmt("alter table public." + name + " enable row level security");
        out.stmt("create index " + name + "_user_id_idx on public." + name + " (user_id)");
        policies(out, name);
        out.stmt("create policy \"Users can insert their own " + name + "\" on public." + name
                + "\n  for insert to authenticated with check ((select auth.uid()) = user_id)");
        out.stmt("create policy \"Users can delete their own " + name + "\" on public." + name
                + "\n  for delete to authenticated using ((select auth.uid()) = user_id)");
        out.stmt("create trigger " + name + "_updated_at before update on public." + name
                + " for each row execute function extensions.moddatetime(updated_at)");
        out.stmt("comment on column public." + name + ".user_id is 'The owner; rows go when the user goes.'");
        out.stmt("comment on column public." + name + ".created_at is 'When the row was created (UTC).'");
        out.stmt("comment on table public." + name + " is 'Rows of " + name.replace('_', ' ') + ", one per owner.'");
    }

    private void policies(Out out, String table) throws IOException {
        out.stmt("create policy \"Users can view their own " + table + "\" on public." + table
                + "\n  for select to authenticated using (\n    (select auth.uid()) = user_id\n"
                + "    or exists (\n      select 1 from public.profiles p\n      where p.id = (select auth.uid())"
                + " and p.username is not null\n    )\n  )");
        out.stmt("create policy \"Users can change their own " + table + "\" on public." + table
                + "\n  for update to authenticated using ((select auth.uid()) = user_id)"
                + " with check ((select auth.uid()) = user_id)");
        if (random.nextBoolean()) {
            out.stmt("drop policy if exists \"Old policy on " + table + "\" on public." + table);
        }
    }

    private void function(Out out, String name, String table) throws IOException {
        out.stmt("create or replace function public.touch_" + name + "()\nreturns trigger\nlanguage plpgsql\nas $$\n"
                + "declare\n  owner_count integer;\nbegin\n  new.updated_at = now();\n  if new.user_id is null then\n"
                + "    raise exception 'user_id is required';\n  end if;\n"
                + "  select count(*) into owner_count from public." + table + " where user_id = new.user_id;\n"
                + "  if owner_count > 1000 then\n    raise exception 'too many rows for user %', new.user_id\n"
                + "      using hint = 'archive old rows first';\n  end if;\n  return new;\nend;\n$$");
        out.stmt("drop trigger if exists touch_" + name + " on public." + table);
        out.stmt("create trigger touch_" + name + " before update on public." + table
                + " for each row execute function public.touch_" + name + "()");
        out.stmt("create or replace function public.count_" + name + "(owner uuid)\nreturns bigint\nlanguage sql\n"
                + "stable\nas $$\n  select count(*) from public." + table + " where user_id = owner;\n$$");
    }

    private void guardedChange(Out out, String table, List<String> tables, int n) throws IOException {
        String status = "status_" + n;
        out.stmt("do $$\nbegin\n  create type public." + status + " as enum ('draft', 'active', 'archived');\n"
                + "exception\n  when duplicate_object then null;\nend\n$$");
        String target = pick(tables);
        String constraint = table + "_ref_" + n + "_fkey";
        out.stmt("alter table public." + table + " add column if not exists ref_" + n + " uuid");
        out.stmt("do $$\nbegin\n  if not exists (\n    select 1 from pg_constraint where conname = '" + constraint
                + "'\n  ) then\n    alter table public." + table + " add constraint " + constraint
                + " foreign key (ref_" + n + ") references public." + target
                + "(id) on delete cascade;\n  end if;\nend\n$$");
        out.stmt("do $$\nbegin\n  if exists (select 1 from information_schema.columns where table_schema = 'public'"
                + " and table_name = '" + table + "' and column_name = 'legacy_" + n + "') then\n"
                + "    alter table public." + table + " drop column legacy_" + n + ";\n  end if;\nend\n$$");
    }

    private String columnType() {
        return pickOf(
                "text",
                "text not null default ''",
                "integer default 0",
                "bigint",
                "boolean not null default false",
                "numeric(12, 2)",
                "jsonb default '{}'::jsonb",
                "timestamptz",
                "text[] default '{}'::text[]",
                "uuid");
    }

    // ---------------------------------------------------------------- Prisma

    private static final String[] MODELS = {
        "User", "Account", "Session", "Post", "Comment", "Organization", "Membership", "Invitation", "Project",
        "Issue", "Label", "Attachment", "Notification", "Subscription", "Plan", "Invoice", "Webhook", "ApiKey"
    };

    private void prisma() throws IOException {
        Path dir = root.resolve("prisma/migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
        List<String> models = new ArrayList<>();
        long stamp = 20220301120000L;
        for (int n = 0; n < 240; n++) {
            stamp += 100 + random.nextInt(900000);
            String folder = stamp + "_" + (n == 0 ? "init" : "change_" + n);
            Path file = dir.resolve(folder).resolve("migration.sql");
            Files.createDirectories(file.getParent());
            try (Out out = open(file)) {
                if (n == 0 || random.nextInt(100) < 45) {
                    int count = n == 0 ? 6 : 1 + random.nextInt(3);
                    List<String> created = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        String model = n == 0 && k == 0
                                ? "User"
                                : MODELS[random.nextInt(MODELS.length)] + (n == 0 ? "" + k : "" + n + k);
                        if (random.nextInt(4) == 0) {
                            out.comment("CreateEnum");
                            out.stmt("CREATE TYPE \"" + model + "Status\" AS ENUM ('ACTIVE', 'INACTIVE', 'DELETED')");
                        }
                        out.comment("CreateTable");
                        prismaTable(out, model);
                        created.add(model);
                    }
                    for (String model : created) {
                        out.comment("CreateIndex");
                        out.stmt("CREATE UNIQUE INDEX \"" + model + "_slug_key\" ON \"" + model + "\"(\"slug\")");
                        out.comment("CreateIndex");
                        out.stmt("CREATE INDEX \"" + model + "_createdAt_idx\" ON \"" + model + "\"(\"createdAt\")");
                    }
                    for (String model : created) {
                        String target = models.isEmpty() || model.equals("User") ? "User" : pick(models);
                        if (!model.equals("User")) {
                            out.comment("AddForeignKey");
                            out.stmt("ALTER TABLE \"" + model + "\" ADD CONSTRAINT \"" + model
                                    + "_ownerId_fkey\" FOREIGN KEY (\"ownerId\") REFERENCES \"User\"(\"id\")"
                                    + " ON DELETE RESTRICT ON UPDATE CASCADE");
                            out.comment("AddForeignKey");
                            out.stmt("ALTER TABLE \"" + model + "\" ADD CONSTRAINT \"" + model
                                    + "_parentId_fkey\" FOREIGN KEY (\"parentId\") REFERENCES \"" + target
                                    + "\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE");
                        }
                    }
                    models.addAll(created);
                } else {
                    String model = pick(models);
                    int shape = random.nextInt(3);
                    if (shape == 0) {
                        out.comment("AlterTable");
                        out.stmt("ALTER TABLE \"" + model + "\" ADD COLUMN     \"field" + n
                                + "\" TEXT,\nADD COLUMN     \"flag" + n + "\" BOOLEAN NOT NULL DEFAULT false");
                    } else if (shape == 1) {
                        out.comment("DropForeignKey");
                        out.stmt("ALTER TABLE \"" + model + "\" DROP CONSTRAINT IF EXISTS \"" + model
                                + "_parentId_fkey\"");
                        out.comment("AddForeignKey");
                        out.stmt("ALTER TABLE \"" + model + "\" ADD CONSTRAINT \"" + model
                                + "_parentId_fkey\" FOREIGN KEY (\"parentId\") REFERENCES \"" + pick(models)
                                + "\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
                    } else {
                        out.comment("AlterTable");
                        out.stmt("ALTER TABLE \"" + model + "\" ALTER COLUMN \"name\" SET DATA TYPE VARCHAR(255)");
                        out.comment("CreateIndex");
                        out.stmt("CREATE INDEX \"" + model + "_name" + n + "_idx\" ON \"" + model + "\"(\"name\")");
                    }
                }
            }
        }
    }

    private void prismaTable(Out out, String model) throws IOException {
        StringBuilder s = new StringBuilder("CREATE TABLE \"")
                .append(model)
                .append("\" (\n    \"id\" TEXT NOT NULL,\n    \"slug\" TEXT NOT NULL,\n    \"name\" TEXT NOT NULL,\n");
        if (!model.equals("User")) {
            s.append("    \"ownerId\" TEXT NOT NULL,\n    \"parentId\" TEXT,\n");
        }
        int columns = 2 + random.nextInt(6);
        for (int c = 0; c < columns; c++) {
            s.append("    \"field")
                    .append(c)
                    .append("\" ")
                    .append(pickOf(
                            "TEXT",
                            "INTEGER NOT NULL DEFAULT 0",
                            "BOOLEAN NOT NULL DEFAULT false",
                            "JSONB",
                            "DOUBLE PRECISION",
                            "TIMESTAMP(3)"))
                    .append(",\n");
        }
        s.append("    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n")
                .append("    \"updatedAt\" TIMESTAMP(3) NOT NULL,\n\n    CONSTRAINT \"")
                .append(model)
                .append("_pkey\" PRIMARY KEY (\"id\")\n)");
        out.stmt(s.toString());
    }

    // ---------------------------------------------------------------- data-heavy

    private void data() throws IOException {
        Path dir = root.resolve("src/main/resources/db/migration");
        Files.createDirectories(dir);
        try (Out out = open(dir.resolve("V1__schema.sql"))) {
            out.stmt("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text UNIQUE,"
                    + " created_at timestamptz DEFAULT now())");
            out.stmt("CREATE TABLE products (id bigint PRIMARY KEY, sku text NOT NULL UNIQUE, title text,"
                    + " price numeric(10,2), tags text[], attributes jsonb)");
            out.stmt("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id),"
                    + " placed_at timestamptz NOT NULL, note text)");
            out.stmt("CREATE TABLE order_lines (order_id bigint REFERENCES orders(id) ON DELETE CASCADE,"
                    + " product_id bigint REFERENCES products(id), quantity integer NOT NULL,"
                    + " PRIMARY KEY (order_id, product_id))");
        }
        long target = 17L << 20;
        int version = 2;
        long id = 1;
        while (bytes < target) {
            boolean copy = version % 3 == 0;
            try (Out out = open(dir.resolve("V" + version + "__" + (copy ? "copy" : "insert") + "_data.sql"))) {
                long fileLimit = bytes + 380_000 + random.nextInt(120_000);
                if (copy) {
                    out.raw("COPY public.products (id, sku, title, price, tags, attributes) FROM stdin;\n");
                    statements++;
                    while (bytes < fileLimit) {
                        out.raw(id + "\tSKU-" + id + "\tProduct " + word() + " " + word() + "\t"
                                + random.nextInt(10000) / 100.0 + "\t{" + word() + "," + word() + "}\t{\"color\": \""
                                + word() + "\", \"size\": " + random.nextInt(50) + "}\n");
                        id++;
                    }
                    out.raw("\\.\n\n");
                } else {
                    while (bytes < fileLimit) {
                        StringBuilder s =
                                new StringBuilder("INSERT INTO customers (id, name, email, created_at) VALUES\n");
                        int rows = 1 + random.nextInt(40);
                        for (int r = 0; r < rows; r++) {
                            s.append(r == 0 ? "  " : ",\n  ")
                                    .append('(')
                                    .append(id)
                                    .append(", '")
                                    .append(word())
                                    .append(" O''")
                                    .append(word())
                                    .append("', '")
                                    .append(word())
                                    .append(id)
                                    .append("@example.com', '2024-0")
                                    .append(1 + random.nextInt(9))
                                    .append("-1")
                                    .append(random.nextInt(10))
                                    .append(" 12:00:00+00')");
                            id++;
                        }
                        if (random.nextInt(4) == 0) {
                            s.append("\nON CONFLICT DO NOTHING");
                        }
                        out.stmt(s.toString());
                    }
                }
            }
            version++;
        }
    }

    private String word() {
        char[] w = new char[3 + random.nextInt(7)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(w);
    }

    // ---------------------------------------------------------------- helpers

    private String uuid() {
        return String.format(
                Locale.ROOT,
                "%08x-%04x-4%03x-a%03x-%012x",
                random.nextInt(),
                random.nextInt(0x10000),
                random.nextInt(0x1000),
                random.nextInt(0x1000),
                random.nextLong() & 0xffffffffffffL);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pickOf(String... options) {
        return options[random.nextInt(options.length)];
    }

    private Out open(Path file) throws IOException {
        files++;
        Out out = new Out(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        if (header) {
            // Supabase CLI users describe their migrations at length: about a third of the bytes are comments
            out.comment("Migration: " + file.getFileName());
            out.comment("Purpose: keep the " + NOUNS[random.nextInt(NOUNS.length)]
                    + " data consistent with the application's expectations; see the ticket for details.");
            out.comment("Rollback: write a new migration that undoes this one; never edit an applied migration.");
            out.comment("Reviewed-by: the platform team. Safe to run more than once where guarded.");
            out.comment("Notes: row level security stays enabled on every table in the public schema;");
            out.comment("       policies are written against (select auth.uid()) so the planner caches it.");
            out.comment("Checklist: indexes on foreign keys, grants for anon and authenticated, comments on");
            out.comment("           new columns, no table rewrite on large tables, no long-held locks at peak hours.");
            out.comment("Deploy: applied by the CI pipeline with `supabase db push` after review; never by hand.");
            out.comment("Ticket: PLAT-" + (1000 + random.nextInt(9000)) + " (" + word() + " " + word() + " " + word()
                    + ")");
            out.raw("\n");
        }
        return out;
    }

    /** One file being written; counts its bytes (ASCII only) and statements. */
    private final class Out implements AutoCloseable {
        private final BufferedWriter writer;

        Out(BufferedWriter writer) {
            this.writer = writer;
        }

        void stmt(String sql) throws IOException {
            statements++;
            raw(sql + ";\n\n");
        }

        void comment(String text) throws IOException {
            raw("-- " + text + "\n");
        }

        void raw(String text) throws IOException {
            writer.write(text);
            bytes += text.length();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
