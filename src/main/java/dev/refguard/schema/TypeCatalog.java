package dev.refguard.schema;

import dev.refguard.parse.SchemaChange.TypeKind;
import dev.refguard.schema.SqlTypes.UserKind;
import java.util.List;
import java.util.Map;

/**
 * The user-defined types of the replayed history, by {@code schema.name}: enums, ranges, composites and domains
 * (docs/rules.md, "How FK type compatibility is decided"). A column's type is bound to one of them when the column gets it, as PostgreSQL binds it
 * to a type's oid: a later {@code ALTER TYPE ... RENAME} does not change the column, a later type of the same name
 * elsewhere in the search path does not either.
 */
final class TypeCatalog {
    /**
     * One type.
     *
     * @param key what a column of this type is judged on ({@link SqlTypes#fit}); {@code null} when unknown (a base
     *     type an extension or a {@code CREATE TYPE name (INPUT = ...)} made)
     * @param arrayKey what a column of its array type is judged on
     */
    record UserType(TypeKind kind, String key, String arrayKey) {}

    /** Copy-on-write: the snapshot before every statement saves it in O(1). */
    private final CowCollections.CowMap<String, UserType> types = new CowCollections.CowMap<>();

    /** Whether {@code schema.name} names a type of the history. */
    boolean exists(TableId name) {
        return types.containsKey(key(name));
    }

    /**
     * Records {@code CREATE TYPE} or {@code CREATE DOMAIN}.
     *
     * @param baseKey a domain's base type, resolved ({@link #resolve}); ignored for other kinds
     */
    void create(TableId name, TypeKind kind, String baseKey) {
        String qualified = key(name);
        UserType type = switch (kind) {
            case ENUM -> own(UserKind.ENUM, qualified);
            case RANGE -> own(UserKind.RANGE, qualified);
            case COMPOSITE -> own(UserKind.COMPOSITE, qualified);
            case DOMAIN -> domain(qualified, baseKey);
            case OTHER -> new UserType(kind, null, null);
        };
        types.put(qualified, type);
    }

    private static UserType own(UserKind kind, String qualified) {
        TypeKind typeKind = switch (kind) {
            case ENUM -> TypeKind.ENUM;
            case RANGE -> TypeKind.RANGE;
            case COMPOSITE -> TypeKind.COMPOSITE;
            default -> TypeKind.OTHER;
        };
        String key = SqlTypes.userType(kind, qualified);
        return new UserType(typeKind, key, key + "[]");
    }

    /**
     * A domain is its base type for an FK (PostgreSQL looks through it), except over an enum: then no equality
     * operator applies, not even between two columns of the domain. An array of a domain is a type of its own.
     */
    private static UserType domain(String qualified, String baseKey) {
        String arrayKey = SqlTypes.userType(UserKind.DOMAIN_ARRAY, qualified + "[]");
        boolean overEnum = baseKey != null
                && (baseKey.startsWith(SqlTypes.userType(UserKind.ENUM, ""))
                        || baseKey.startsWith(SqlTypes.userType(UserKind.DOMAIN_OVER_ENUM, "")))
                && !baseKey.endsWith("[]");
        String key = overEnum ? SqlTypes.userType(UserKind.DOMAIN_OVER_ENUM, qualified) : baseKey;
        return new UserType(TypeKind.DOMAIN, key, arrayKey);
    }

    /** Records {@code DROP TYPE|DOMAIN}; whether it existed. */
    boolean drop(TableId name) {
        return types.remove(key(name)) != null;
    }

    /** Records {@code DROP SCHEMA ... CASCADE}: its types go with it. */
    void dropSchema(String schema) {
        List.copyOf(types.keySet()).stream()
                .filter(name -> name.startsWith(schema + "."))
                .forEach(types::remove);
    }

    /** Records {@code ALTER TYPE ... RENAME TO}: the same type under a new name. */
    boolean rename(TableId name, String newName) {
        UserType type = types.remove(key(name));
        if (type == null) {
            return false;
        }
        types.put(key(new TableId(name.schema(), newName)), type);
        return true;
    }

    /**
     * The key FK compatibility judges a column of the written type on: a built-in type's normalised name (which
     * {@code pg_catalog} gives before the search path is searched), a type of the history found through the search
     * path (or its schema when qualified), {@code citext} in any schema, else the normalised name (unknown to the
     * table, so not judged).
     */
    String resolve(String written, List<String> path) {
        String normalized = SqlTypes.normalize(written);
        if (normalized == null) {
            return null;
        }
        String element = normalized;
        int arrays = 0;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
            arrays++;
        }
        if (SqlTypes.isKnown(element) && !element.equals("citext")) {
            return normalized;
        }
        UserType found = null;
        int dot = element.lastIndexOf('.');
        if (dot > 0) {
            found = types.get(element);
        } else {
            for (String schema : path) {
                found = types.get(schema + "." + element);
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null) {
            String bare = dot > 0 ? element.substring(dot + 1) : element;
            // an extension's type is found in whichever schema the extension went to
            return bare.equals("citext") ? "citext" + "[]".repeat(arrays) : normalized;
        }
        if (found.key() == null) {
            return normalized;
        }
        if (arrays == 0) {
            return found.key();
        }
        return found.arrayKey() + "[]".repeat(arrays - 1);
    }

    Map<String, UserType> save() {
        return types.save();
    }

    void restore(Map<String, UserType> saved) {
        types.restore(saved);
    }

    private static String key(TableId name) {
        return name.schema() + "." + name.name();
    }
}
