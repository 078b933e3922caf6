package dev.refguard.source;

/** The migration tool whose folder convention a history follows; it decides order and seed files. */
public enum Layout {
    SUPABASE("Supabase"),
    PRISMA("Prisma"),
    FLYWAY("Flyway"),
    LIQUIBASE("Liquibase"),
    DBMATE("dbmate"),
    GOOSE("goose"),
    GOLANG_MIGRATE("golang-migrate"),
    PLAIN("plain directory");

    private final String displayName;

    Layout(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown to users, e.g. in the summary line. */
    public String displayName() {
        return displayName;
    }
}
