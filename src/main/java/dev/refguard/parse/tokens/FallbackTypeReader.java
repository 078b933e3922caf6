package dev.refguard.parse.tokens;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SchemaChange.CreateType;
import dev.refguard.parse.SchemaChange.DropType;
import dev.refguard.parse.SchemaChange.RenameType;
import dev.refguard.parse.SchemaChange.TypeKind;
import dev.refguard.parse.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the type definitions the replay keeps (docs/rules.md, "How FK type compatibility is decided"): {@code CREATE TYPE ... AS ENUM | AS RANGE
 * | AS (...)}, base and shell types, {@code CREATE DOMAIN name [AS] base ...}, {@code ALTER TYPE|DOMAIN ... RENAME
 * TO}, and {@code DROP TYPE|DOMAIN}. Other {@code ALTER TYPE} forms ({@code ADD VALUE}, {@code OWNER TO}) change
 * nothing modelled and read as no change.
 */
final class FallbackTypeReader {
    private FallbackTypeReader() {}

    /** After {@code CREATE TYPE}. */
    static List<SchemaChange> createType(FallbackCursor c, SourcePosition at) {
        QualifiedName name = c.qualifiedName();
        TypeKind kind;
        if (c.acceptWord("AS")) {
            if (c.acceptWord("ENUM")) {
                kind = TypeKind.ENUM;
            } else if (c.acceptWord("RANGE")) {
                kind = TypeKind.RANGE;
            } else if (c.peekSymbol("(")) {
                kind = TypeKind.COMPOSITE;
            } else {
                throw new FallbackCursor.FallbackSyntaxException("CREATE TYPE ... AS of an unknown kind");
            }
        } else {
            kind = TypeKind.OTHER; // a base type (INPUT = ..., OUTPUT = ...) or a shell type
        }
        c.skipRest();
        return List.of(new CreateType(name, kind, null, at));
    }

    /** After {@code CREATE DOMAIN}: the base type is the text up to the first of its clauses. */
    static List<SchemaChange> createDomain(FallbackCursor c, SourcePosition at) {
        QualifiedName name = c.qualifiedName();
        c.acceptWord("AS");
        String base = c.textUntil(FallbackTypeReader::endsDomainType, 1);
        c.skipRest();
        return List.of(new CreateType(name, TypeKind.DOMAIN, base, at));
    }

    private static boolean endsDomainType(SqlToken t) {
        return t.isWord("COLLATE")
                || t.isWord("DEFAULT")
                || t.isWord("CONSTRAINT")
                || t.isWord("NOT")
                || t.isWord("NULL")
                || t.isWord("CHECK");
    }

    /** After {@code ALTER TYPE} or {@code ALTER DOMAIN}. */
    static List<SchemaChange> alterType(FallbackCursor c, SourcePosition at) {
        QualifiedName name = c.qualifiedName();
        if (c.acceptWords("RENAME", "TO")) {
            Identifier newName = c.identifier();
            c.expectEnd();
            return List.of(new RenameType(name, newName, at));
        }
        c.skipRest();
        return List.of();
    }

    /** After {@code DROP TYPE} or {@code DROP DOMAIN}. */
    static List<SchemaChange> dropType(FallbackCursor c, SourcePosition at) {
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(c.qualifiedName());
        } while (c.acceptSymbol(","));
        boolean cascade = c.acceptDropBehaviour();
        c.expectEnd();
        return List.of(new DropType(names, ifExists, cascade, at));
    }
}
