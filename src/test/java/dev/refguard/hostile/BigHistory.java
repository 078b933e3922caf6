package dev.refguard.hostile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large migration history: one schema file (a chain of tables with FKs), then seed-style data
 * files, most of them multi-row INSERTs, some one INSERT a row as {@code pg_dump --inserts} writes them,
 * with non-Latin-1 text in some, one file far larger than the others, and now and then a table with an FK
 * between the data. Counts what it wrote, so a test can check the analysis against it.
 */
final class BigHistory {
    static final int CHAIN = 100;

    long bytes;
    int files;
    int tables;
    int foreignKeys;
    int ddlStatements;
    int insertStatements;

    /** Writes about {@code totalBytes} into {@code dir} with data files of {@code fileBytes} and one of {@code bigFileBytes}. */
    static BigHistory write(Path dir, long totalBytes, int fileBytes, int bigFileBytes) throws IOException {
        BigHistory h = new BigHistory();
        Files.createDirectories(dir);
        try (BufferedWriter out = h.open(dir, 1, "schema")) {
            h.ddl(out, "CREATE TABLE t0 (id bigint PRIMARY KEY, name text);\n", 1, 0);
            for (int i = 1; i < CHAIN; i++) {
                h.ddl(
                        out,
                        "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, parent_id bigint REFERENCES t" + (i - 1)
                                + "(id) ON DELETE CASCADE, name text NOT NULL);\n",
                        1,
                        1);
            }
            h.ddl(out, "CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users(id));\n", 1, 1);
        }
        int number = 2;
        boolean bigWritten = false;
        while (h.bytes < totalBytes) {
            boolean big = !bigWritten && number == 10;
            bigWritten |= big;
            try (BufferedWriter out = h.open(dir, number, big ? "big_seed" : "seed")) {
                long limit = h.bytes + (big ? bigFileBytes : fileBytes);
                if (big) {
                    h.multiRow(out, limit, 1 << 20, false);
                } else if (number % 3 == 0) {
                    h.singleRow(out, limit, number % 2 == 0);
                } else {
                    h.multiRow(out, limit, 64 << 10, number % 2 == 0);
                }
                if (number % 10 == 5) {
                    h.ddl(
                            out,
                            "CREATE TABLE extra_" + number + " (id bigint PRIMARY KEY, t_id bigint REFERENCES t"
                                    + (number % CHAIN) + "(id));\n",
                            1,
                            1);
                }
            }
            number++;
        }
        return h;
    }

    private BufferedWriter open(Path dir, int number, String name) throws IOException {
        files++;
        return Files.newBufferedWriter(
                dir.resolve(String.format("V%04d__%s.sql", number, name)), StandardCharsets.UTF_8);
    }

    private void ddl(BufferedWriter out, String sql, int newTables, int newForeignKeys) throws IOException {
        put(out, sql);
        ddlStatements++;
        tables += newTables;
        foreignKeys += newForeignKeys;
    }

    private void put(BufferedWriter out, String text) throws IOException {
        out.write(text);
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** INSERTs of many rows, each statement about {@code statementBytes}. */
    private void multiRow(BufferedWriter out, long limit, int statementBytes, boolean unicode) throws IOException {
        StringBuilder sql = new StringBuilder(statementBytes + 256);
        int row = 0;
        while (bytes < limit) {
            sql.setLength(0);
            int table = row % CHAIN;
            sql.append("INSERT INTO t").append(table).append(" (id, parent_id, name) VALUES\n");
            for (int i = 0; sql.length() < statementBytes; i++, row++) {
                sql.append(i == 0 ? "  " : ",\n  ")
                        .append('(')
                        .append(row)
                        .append(", ")
                        .append(row / 2)
                        .append(", '")
                        .append(unicode ? "Zo\u00eb \u2192 M\u00fcller \u2014 row " : "seed row ")
                        .append(row)
                        .append(" it''s; a \"quoted\" -- not a comment')");
            }
            sql.append(";\n");
            put(out, sql.toString());
            insertStatements++;
        }
    }

    /** One INSERT a row, as {@code pg_dump --inserts} writes them. */
    private void singleRow(BufferedWriter out, long limit, boolean unicode) throws IOException {
        for (int row = 0; bytes < limit; row++) {
            put(
                    out,
                    "INSERT INTO public.t" + (row % CHAIN) + " VALUES (" + row + ", " + row / 2 + ", '"
                            + (unicode ? "\u0416\u0443\u043a " : "name ") + row + "');\n");
            insertStatements++;
        }
    }
}
