package dev.refguard.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The stub of Supabase's {@code auth} and {@code storage} schemas that a history is applied on top of
 * ({@code src/test/resources/postgres/supabase-auth-stub.sql}), as a file psql and the JDBC replays can run.
 */
public final class SupabaseStub {
    /** The class-path resource of the stub. */
    public static final String RESOURCE = "/postgres/supabase-auth-stub.sql";

    private SupabaseStub() {}

    /** Copies the stub into a new temporary file in {@code dir}; the caller deletes it. */
    public static Path copyTo(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "supabase-auth-stub-", ".sql");
        try (InputStream in = SupabaseStub.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + RESOURCE + " is missing");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
