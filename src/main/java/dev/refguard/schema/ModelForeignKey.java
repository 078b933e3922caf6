package dev.refguard.schema;

import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.SourcePosition;
import dev.refguard.source.MigrationFile;
import java.util.List;

/**
 * A foreign key in the replayed model. It points at the target {@link ModelTable} object, not at a
 * name, so a later {@code RENAME TO} or {@code SET SCHEMA} of the target moves it along, as in
 * PostgreSQL where constraints reference relations by OID.
 */
public final class ModelForeignKey {
    String name;
    final ModelTable from;
    final CowCollections.CowList<String> fromColumns;
    final ModelTable to;
    final CowCollections.CowList<String> toColumns;
    final String onDelete;
    final String onUpdate;
    final MigrationFile file;
    final SourcePosition position;
    final String fingerprint;
    final int statementLine;
    final ForeignKeySpec spec;
    TableId declaredFrom;
    TableId declaredTo;
    /** The primary key, unique constraint or unique index of the target this FK depends on, or {@code null}. */
    String referencedKey;
    /** The FK's identity: equal for the FK and its copies in snapshots (see {@link ModelTable#oid()}). */
    long oid = ObjectIds.next();

    ModelForeignKey(
            String name,
            ModelTable from,
            List<String> fromColumns,
            ModelTable to,
            List<String> toColumns,
            ForeignKeySpec spec,
            MigrationFile file,
            String fingerprint,
            int statementLine) {
        this.name = name;
        this.from = from;
        this.fromColumns = CowCollections.CowList.of(fromColumns);
        this.to = to;
        this.toColumns = CowCollections.CowList.of(toColumns);
        this.onDelete = spec.onDelete() == null ? "NO ACTION" : spec.onDelete();
        this.onUpdate = spec.onUpdate() == null ? "NO ACTION" : spec.onUpdate();
        this.spec = spec;
        this.file = file;
        this.position = spec.targetPosition() != null ? spec.targetPosition() : spec.position();
        this.fingerprint = fingerprint;
        this.statementLine = statementLine;
        // names as they were at the declaring statement, for messages located there
        this.declaredFrom = from.id;
        this.declaredTo = to.id;
    }

    /** The FK's identity: equal for the FK and its snapshots, different for any two FKs. */
    public long oid() {
        return oid;
    }

    /** The referencing table's name when the FK was declared (it may have been renamed since). */
    public TableId declaredFrom() {
        return declaredFrom;
    }

    /** The referenced table's name when the FK was declared (it may have been renamed since). */
    public TableId declaredTo() {
        return declaredTo;
    }

    /** A copy between other table objects (for snapshots), with the same facts. */
    ModelForeignKey copy(ModelTable newFrom, ModelTable newTo) {
        ModelForeignKey copy = new ModelForeignKey(
                name, newFrom, fromColumns, newTo, toColumns, spec, file, fingerprint, statementLine);
        copy.referencedKey = referencedKey;
        copy.declaredFrom = declaredFrom;
        copy.declaredTo = declaredTo;
        copy.oid = oid;
        return copy;
    }

    /** The key of the target this FK depends on (dropping it needs {@code CASCADE}), or {@code null} when unknown. */
    public String referencedKey() {
        return referencedKey;
    }

    /** The constraint name (PostgreSQL's default when none was written). */
    public String name() {
        return name;
    }

    /** The referencing table. */
    public ModelTable from() {
        return from;
    }

    /** The referencing columns (folded). */
    public List<String> fromColumns() {
        return List.copyOf(fromColumns);
    }

    /** The referenced table. */
    public ModelTable to() {
        return to;
    }

    /** The referenced columns (folded); the primary key's when none were written; empty when unknown. */
    public List<String> toColumns() {
        return List.copyOf(toColumns);
    }

    /** {@code NO ACTION} unless written otherwise. */
    public String onDelete() {
        return onDelete;
    }

    /** {@code NO ACTION} unless written otherwise. */
    public String onUpdate() {
        return onUpdate;
    }

    /** The file that declared it. */
    public MigrationFile file() {
        return file;
    }

    /** Where the referenced table is named in the declaring statement. */
    public SourcePosition position() {
        return position;
    }

    /** Fingerprint of the declaring statement. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Line where the declaring statement starts (for suppression comments above it). */
    public int statementLine() {
        return statementLine;
    }

    /** The FK as written. */
    public ForeignKeySpec spec() {
        return spec;
    }

    /** Whether it was declared in a seed/demo file. */
    public boolean seed() {
        return file.seed();
    }

    /**
     * e.g. {@code setlists.last_modified_by}, or {@code t.(a, b)} for composite keys: the table as it was named
     * where the FK was declared, which is where findings about it point.
     */
    public String describeSource() {
        String cols = fromColumns.size() == 1 ? fromColumns.get(0) : "(" + String.join(", ", fromColumns) + ")";
        return declaredFrom.displayName() + "." + cols;
    }

    /** e.g. {@code auth.users(id)}, the table as named at the declaration. */
    public String describeTarget() {
        return declaredTo.sql() + "(" + String.join(", ", toColumns) + ")";
    }
}
