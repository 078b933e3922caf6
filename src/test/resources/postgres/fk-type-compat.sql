-- Which referencing (FK column) type may reference which referenced (key) type, as PostgreSQL decides it.
--
-- Run against PostgreSQL 15 by FkTypeCompatTableTest (src/test/java/dev/refguard/postgres), which also tries
-- CREATE TABLE ... REFERENCES for every pair and fails when this script's answer differs from what the server
-- does. Its output is committed as src/main/resources/dev/refguard/schema/pg-fk-compat.tsv (docs/rules.md,
-- "How FK type compatibility is decided").
--
-- The rule is ATAddForeignKeyConstraint's (src/backend/commands/tablecmds.c): the referenced column's index
-- uses the default btree operator class of the key type; in that class's operator family the FK is accepted
--   (1) when there is an equality operator (opcintype, fktype) and one (fktype, fktype), or else
--   (2) when both the key type and the FK type coerce implicitly to the class's input type (can_coerce_type
--       with COERCION_IMPLICIT: the same type, an implicit pg_cast, or, for a polymorphic input type such
--       as anyarray or anyrange, both sides the same type).
-- The default operator class is GetDefaultOpClass's choice: the one default btree class whose input type is
-- the type itself, else the one whose input type the type is binary-coercible to (preferring the category's
-- preferred type).
--
-- Output: one row per listed type (kind 'type': its name as format_type writes it, its pg_type.typcategory,
-- whether it can be a key at all) and one row per accepted pair (kind 'fk': referencing, referenced, and
-- 'operator' or 'implicit-cast' for the path that accepts it).

CREATE EXTENSION IF NOT EXISTS citext;

WITH listed(ord, name) AS (
    VALUES
        (1, 'smallint'), (2, 'integer'), (3, 'bigint'), (4, 'numeric'), (5, 'real'),
        (6, 'double precision'), (7, 'money'), (8, 'oid'),
        (10, 'text'), (11, 'character varying'), (12, 'character'), (13, 'name'), (14, 'citext'),
        (15, '"char"'),
        (20, 'uuid'), (21, 'boolean'), (22, 'bytea'),
        (30, 'date'), (31, 'time without time zone'), (32, 'time with time zone'),
        (33, 'timestamp without time zone'), (34, 'timestamp with time zone'), (35, 'interval'),
        (40, 'inet'), (41, 'cidr'), (42, 'macaddr'), (43, 'macaddr8'),
        (50, 'json'), (51, 'jsonb'), (52, 'xml'),
        (60, 'bit'), (61, 'bit varying'),
        (70, 'int4range'), (71, 'int8range'), (72, 'numrange'), (73, 'daterange'),
        (74, 'tsrange'), (75, 'tstzrange'),
        (80, 'point'), (81, 'tsvector')
),
-- each listed type and its array type
known AS (
    SELECT l.ord, l.name::regtype::oid AS oid FROM listed l
    UNION ALL
    SELECT 1000 + l.ord, t.typarray FROM listed l JOIN pg_type t ON t.oid = l.name::regtype::oid
    WHERE t.typarray <> 0
),
btree AS (SELECT oid FROM pg_am WHERE amname = 'btree'),
-- IsBinaryCoercible(type, opclass input type) for the default btree operator classes
candidate AS (
    SELECT k.oid AS type, c.oid AS opclass, c.opcfamily, c.opcintype,
           c.opcintype = k.oid AS exact,
           (c.opcintype = k.oid
            OR (c.opcintype = 'anyarray'::regtype AND kt.typelem <> 0
                AND kt.typsubscript = 'array_subscript_handler'::regproc)
            OR (c.opcintype = 'anyenum'::regtype AND kt.typtype = 'e')
            OR (c.opcintype = 'anyrange'::regtype AND kt.typtype = 'r')
            OR (c.opcintype = 'anymultirange'::regtype AND kt.typtype = 'm')
            OR (c.opcintype = 'record'::regtype AND kt.typtype = 'c')
            OR EXISTS (SELECT 1 FROM pg_cast pc
                       WHERE pc.castsource = k.oid AND pc.casttarget = c.opcintype
                         AND pc.castmethod = 'b' AND pc.castcontext = 'i')) AS compatible,
           it.typcategory = kt.typcategory AND it.typispreferred AS preferred
    FROM known k
    JOIN pg_type kt ON kt.oid = k.oid
    CROSS JOIN btree
    JOIN pg_opclass c ON c.opcmethod = btree.oid AND c.opcdefault
    JOIN pg_type it ON it.oid = c.opcintype
),
counted AS (
    SELECT type,
           count(*) FILTER (WHERE exact) AS exact,
           count(*) FILTER (WHERE NOT exact AND compatible AND preferred) AS preferred,
           count(*) FILTER (WHERE NOT exact AND compatible) AS compatible
    FROM candidate
    GROUP BY type
),
-- GetDefaultOpClass: the exact match, else the one preferred compatible class, else the one compatible class
default_opclass AS (
    SELECT c.type, c.opclass, c.opcfamily, c.opcintype
    FROM candidate c JOIN counted n ON n.type = c.type
    WHERE (n.exact = 1 AND c.exact)
       OR (n.exact = 0 AND n.preferred = 1 AND c.compatible AND c.preferred)
       OR (n.exact = 0 AND n.preferred = 0 AND n.compatible = 1 AND c.compatible)
),
-- whether a type coerces implicitly to an operator class's input type (can_coerce_type, COERCION_IMPLICIT)
pair AS (
    SELECT fk.oid AS fktype, pk.oid AS pktype, d.opcfamily, d.opcintype,
           EXISTS (SELECT 1 FROM pg_amop a
                   WHERE a.amopfamily = d.opcfamily AND a.amopstrategy = 1
                     AND a.amoplefttype = d.opcintype AND a.amoprighttype = fk.oid)
           AND EXISTS (SELECT 1 FROM pg_amop a
                       WHERE a.amopfamily = d.opcfamily AND a.amopstrategy = 1
                         AND a.amoplefttype = fk.oid AND a.amoprighttype = fk.oid) AS by_operator,
           CASE
               WHEN d.opcintype IN ('anyarray'::regtype, 'anyenum'::regtype, 'anyrange'::regtype,
                                    'anymultirange'::regtype)
                   -- polymorphic: both actual types must be the same one
                   THEN fk.oid = pk.oid
               ELSE (pk.oid = d.opcintype
                     OR EXISTS (SELECT 1 FROM pg_cast pc WHERE pc.castsource = pk.oid
                                AND pc.casttarget = d.opcintype AND pc.castcontext = 'i'))
                    AND (fk.oid = d.opcintype
                         OR EXISTS (SELECT 1 FROM pg_cast pc WHERE pc.castsource = fk.oid
                                    AND pc.casttarget = d.opcintype AND pc.castcontext = 'i'))
           END AS by_cast
    FROM known fk
    CROSS JOIN known pk
    JOIN default_opclass d ON d.type = pk.oid
)
SELECT 'type' AS kind, format_type(k.oid, NULL) AS referencing, t.typcategory::text AS referenced,
       CASE WHEN EXISTS (SELECT 1 FROM default_opclass d WHERE d.type = k.oid) THEN 'key' ELSE 'no-key' END AS how,
       k.ord AS o1, 0 AS o2
FROM known k JOIN pg_type t ON t.oid = k.oid
UNION ALL
SELECT 'fk', format_type(p.fktype, NULL), format_type(p.pktype, NULL),
       CASE WHEN p.by_operator THEN 'operator' ELSE 'implicit-cast' END,
       fk.ord, pk.ord
FROM pair p
JOIN known fk ON fk.oid = p.fktype
JOIN known pk ON pk.oid = p.pktype
WHERE p.by_operator OR p.by_cast
ORDER BY kind DESC, o1, o2;
