package dev.refguard.schema;

/** Why a table exists in the model. */
public enum TableOrigin {
    /** A schema migration created it. */
    MIGRATION,
    /** Only a seed/demo file created it. */
    SEED,
    /** It lives in a managed schema ({@code auth}, {@code storage}, ...): the platform creates it. */
    MANAGED,
    /** Configured in {@code externalTables}. */
    EXTERNAL,
    /** Configured in {@code sharedTables}: another project owns it. */
    SHARED;

    /** Whether the table exists without any migration of this history creating it. */
    public boolean preexisting() {
        return this == MANAGED || this == EXTERNAL || this == SHARED;
    }
}
