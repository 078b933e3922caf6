CREATE TABLE public.profiles (
  id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  name character varying(255) DEFAULT 'x'::text,
  tags text[] DEFAULT '{}'::text[],
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "role" "Role" NOT NULL,
  email text UNIQUE,
  n int PRIMARY KEY
)
-- ----
CREATE TABLE IF NOT EXISTS "public"."Mixed Case" (
  "Weird ""Quoted"" Col" int,
  owner uuid REFERENCES auth.users,
  CONSTRAINT orders_user_fk FOREIGN KEY ("userId") REFERENCES public."users"(id) ON UPDATE CASCADE ON DELETE SET NULL,
  FOREIGN KEY (a, b) REFERENCES x(c, d) MATCH FULL,
  PRIMARY KEY (a, b),
  CONSTRAINT uq UNIQUE (c),
  UNIQUE (d, e)
)
-- ----
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
-- ----
ALTER TABLE public.comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE NOT VALID
-- ----
ALTER TABLE public.a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES public.b(id) DEFERRABLE INITIALLY DEFERRED
-- ----
ALTER TABLE ONLY public.profiles ADD CONSTRAINT profiles_pkey PRIMARY KEY (id)
-- ----
ALTER TABLE IF EXISTS public.posts ADD COLUMN IF NOT EXISTS category_id bigint REFERENCES public.categories(id) ON DELETE SET NULL
-- ----
ALTER TABLE t ADD COLUMN a int, ADD COLUMN b text DEFAULT 'x' UNIQUE, DROP COLUMN c, ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u
-- ----
ALTER TABLE t ADD a int PRIMARY KEY
-- ----
ALTER TABLE t DROP CONSTRAINT IF EXISTS "t_fkey"
-- ----
ALTER TABLE t DROP CONSTRAINT t_fkey CASCADE
-- ----
ALTER TABLE "User" RENAME TO "users"
-- ----
ALTER TABLE public.t RENAME COLUMN "a" TO b
-- ----
ALTER TABLE t RENAME a TO b
-- ----
ALTER TABLE t RENAME CONSTRAINT a TO b
-- ----
ALTER TABLE t SET SCHEMA app
-- ----
ALTER TABLE t ALTER COLUMN a TYPE uuid USING a::uuid
-- ----
ALTER TABLE t ALTER a SET DATA TYPE character varying(20)
-- ----
ALTER TABLE t ALTER COLUMN a SET DEFAULT auth.uid()
-- ----
ALTER TABLE t ALTER COLUMN a DROP DEFAULT
-- ----
ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP NOT NULL
-- ----
ALTER TABLE t ENABLE ROW LEVEL SECURITY
-- ----
ALTER TABLE t OWNER TO postgres
-- ----
ALTER TABLE t REPLICA IDENTITY FULL
-- ----
ALTER TABLE t DISABLE TRIGGER ALL
-- ----
ALTER TABLE t ENABLE TRIGGER foo
-- ----
ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
-- ----
ALTER TABLE t VALIDATE CONSTRAINT c
-- ----
ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_idx
-- ----
ALTER TABLE t ADD CONSTRAINT t_u UNIQUE USING INDEX t_idx
-- ----
ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (a, b)
-- ----
ALTER TABLE t ADD UNIQUE (a)
-- ----
ALTER TABLE t ADD PRIMARY KEY (a)
-- ----
ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE
-- ----
ALTER TABLE t DROP c
-- ----
ALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0)
-- ----
ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY
-- ----
ALTER TABLE t DETACH PARTITION p
-- ----
ALTER TABLE t FORCE ROW LEVEL SECURITY
-- ----
ALTER TABLE t SET (fillfactor = 70)
-- ----
ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u(b)
-- ----
ALTER TABLE t ALTER COLUMN a TYPE text, ALTER COLUMN b TYPE int
-- ----
ALTER TABLE t DROP CONSTRAINT a, DROP CONSTRAINT b
-- ----
ALTER TABLE t INHERIT p
-- ----
ALTER TABLE t SET TABLESPACE x
-- ----
ALTER TABLE t CLUSTER ON idx
-- ----
ALTER TABLE t SET WITHOUT OIDS
-- ----
ALTER TABLE t SET LOGGED
-- ----
ALTER TABLE t ALTER COLUMN a SET STATISTICS 100
-- ----
ALTER TABLE t RENAME TO u, ADD COLUMN x int
-- ----
ALTER TABLE IF EXISTS t RENAME TO u
-- ----
RENAME TABLE a TO b
-- ----
ALTER TABLE a.b RENAME TO c
-- ----
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
-- ----
CREATE TABLE p_def PARTITION OF events DEFAULT
-- ----
CREATE TABLE public.copy (LIKE public.profiles INCLUDING ALL)
-- ----
CREATE TABLE c2 (LIKE p INCLUDING ALL, extra int)
-- ----
CREATE TABLE ch (x int) INHERITS (profiles)
-- ----
CREATE TABLE s AS SELECT * FROM t
-- ----
CREATE UNLOGGED TABLE u1 (a int)
-- ----
CREATE TEMP TABLE u2 (a int)
-- ----
CREATE TABLE x (a int CONSTRAINT a_pk PRIMARY KEY, b int CONSTRAINT b_fk REFERENCES y(id) DEFERRABLE INITIALLY DEFERRED, c int NOT NULL UNIQUE REFERENCES z ON DELETE SET DEFAULT ON UPDATE NO ACTION)
-- ----
CREATE TABLE db.sch.tab (a int)
-- ----
CREATE TABLE x (a int REFERENCES db.sch.tab(id))
-- ----
CREATE TABLE x (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric(10, 2), ts timestamp(3) with time zone, d double precision, v varchar(10)[], m int[][], bv bit varying(5), e timestamptz DEFAULT timezone('utc'::text, now()), g int GENERATED ALWAYS AS (a * 2) STORED, col text COLLATE "C", CHECK (a > 0), EXCLUDE USING gist (room WITH =))
-- ----
CREATE TABLE x (id serial, PRIMARY KEY (id)) PARTITION BY RANGE (id)
-- ----
CREATE TABLE x ()
-- ----
DROP TABLE IF EXISTS a, public."B" CASCADE
-- ----
DROP TABLE x RESTRICT
-- ----
DROP SCHEMA IF EXISTS s1, s2 CASCADE
-- ----
DROP VIEW v
-- ----
DROP INDEX i
-- ----
CREATE UNIQUE INDEX "User_email_key" ON "User"("email")
-- ----
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.t USING btree (a DESC NULLS LAST, b) INCLUDE (c) WHERE a > 0
-- ----
CREATE UNIQUE INDEX ON t (lower(email))
-- ----
CREATE UNIQUE INDEX i2 ON t ((a + 1), b)
-- ----
CREATE INDEX gin_idx ON t USING gin (payload jsonb_path_ops)
-- ----
CREATE SCHEMA IF NOT EXISTS "App"
-- ----
CREATE SCHEMA AUTHORIZATION joe
-- ----
CREATE SCHEMA s AUTHORIZATION joe
-- ----
TRUNCATE TABLE a, public.b CASCADE
-- ----
TRUNCATE a
-- ----
TRUNCATE ONLY a RESTART IDENTITY
-- ----
DELETE FROM public.users
-- ----
DELETE FROM users WHERE id = 1
-- ----
DELETE FROM ONLY users
-- ----
DELETE FROM users u USING x WHERE u.id = x.id
-- ----
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()
-- ----
CREATE OR REPLACE TRIGGER t2 BEFORE INSERT OR UPDATE OF a ON "Tab" FOR EACH ROW WHEN (NEW.a IS NOT NULL) EXECUTE PROCEDURE f('x')
-- ----
CREATE CONSTRAINT TRIGGER t3 AFTER DELETE ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION g()
-- ----
ALTER FUNCTION f() OWNER TO x
-- ----
CREATE TABLE "my.schema"."tab.le" ("a.b" int REFERENCES "x.y"."z")
-- ----
CREATE TABLE x (a int REFERENCES public."Role"(id), t public."Role")
-- ----
SET search_path = public, extensions
-- ----
CREATE TABLE p1 PARTITION OF t (CONSTRAINT p1_pk PRIMARY KEY (a)) FOR VALUES IN (1)
-- ----
CREATE TABLE typed OF mytype
-- ----
CREATE TABLE x (a, b) AS SELECT 1, 2
-- ----
CREATE TABLE ch (x int) INHERITS (p1, p2)
-- ----
CREATE FOREIGN TABLE ft (a int) SERVER s
-- ----
ALTER INDEX i RENAME TO j
-- ----
ALTER VIEW v RENAME TO w
-- ----
ALTER MATERIALIZED VIEW v RENAME TO w
-- ----
ALTER FOREIGN TABLE f RENAME TO g
-- ----
ALTER SEQUENCE s RENAME TO t
-- ----
TRUNCATE ONLY a
-- ----
TRUNCATE TABLE ONLY a, b
-- ----
CREATE SCHEMA s CREATE TABLE t (a int)
-- ----
CREATE TABLE x (a int REFERENCES y REFERENCES z)
-- ----
CREATE TABLE x (a int NOT NULL, CONSTRAINT fk FOREIGN KEY (a) REFERENCES y (id) ON DELETE SET NULL (a))
-- ----
ALTER TABLE x ADD COLUMN a int CONSTRAINT a_fk REFERENCES y(id)
-- ----
ALTER TABLE x ADD CONSTRAINT a_fk FOREIGN KEY (a) REFERENCES y(id) MATCH SIMPLE ON UPDATE NO ACTION ON DELETE NO ACTION
-- ----
ALTER TABLE x ADD CONSTRAINT a_u UNIQUE (a) DEFERRABLE
-- ----
ALTER TABLE x ADD CONSTRAINT x_pk PRIMARY KEY (a, b) WITH (fillfactor=70)
-- ----
ALTER TABLE ONLY x ALTER COLUMN id SET DEFAULT nextval('x_id_seq'::regclass)
-- ----
ALTER TABLE x ADD CONSTRAINT "Weird ""Name""" UNIQUE ("A")
-- ----
ALTER TABLE x ADD KEY k (a)
-- ----
ALTER TABLE x ADD INDEX k (a)
-- ----
ALTER TABLE x ALTER COLUMN a TYPE varchar(20)[] USING a::varchar(20)[]
-- ----
ALTER TABLE x ALTER COLUMN a SET STORAGE EXTERNAL
-- ----
ALTER TABLE x ALTER COLUMN a DROP IDENTITY IF EXISTS
-- ----
ALTER TABLE x DROP CONSTRAINT IF EXISTS a CASCADE
-- ----
ALTER TABLE x RENAME COLUMN a TO "B"
-- ----
ALTER TABLE x RENAME TO s.y
-- ----
ALTER TABLE x SET SCHEMA "App"
-- ----
ALTER TABLE x NO INHERIT p
-- ----
ALTER TABLE x ADD COLUMN a int, ADD b int
-- ----
ALTER TABLE x ADD COLUMN IF NOT EXISTS a int DEFAULT auth.uid() REFERENCES public.users(id) ON DELETE CASCADE PRIMARY KEY
-- ----
ALTER TABLE t SET SCHEMA
-- ----
ALTER TABLE t CLUSTER
-- ----
ALTER TABLE t SET foo
-- ----
ALTER TABLE t OF mytype
-- ----
ALTER TABLE t NOT OF
-- ----
ALTER TABLE t SET WITH OIDS
-- ----
ALTER TABLE t MODIFY a int
-- ----
ALTER TABLE t CHANGE a b int
-- ----
ALTER TABLE t ALTER COLUMN a SET foo
-- ----
ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (a WITH =)
-- ----
ALTER TABLE t DROP PRIMARY KEY
-- ----
ALTER TABLE t RENAME INDEX a TO b
-- ----
ALTER TABLE t ALTER COLUMN a int
-- ----
CREATE TABLE public.documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "ownerId" uuid NOT NULL REFERENCES public.profiles(id),
  tags text[] NOT NULL DEFAULT '{}'::text[],
  meta jsonb,
  status "DocStatus" NOT NULL DEFAULT 'DRAFT',
  created_at timestamptz DEFAULT timezone('utc'::text, now()) NOT NULL
)
-- ----
CREATE TABLE t (a int /* REFERENCES x */, b text DEFAULT 'REFERENCES y', -- REFERENCES z
  c int)
-- ----
CREATE TABLE t (a int REFERENCES x(id) ON DELETE CASCADE, CONSTRAINT c FOREIGN KEY (a) REFERENCES y)
-- ----
ALTER TABLE t ADD COLUMN a int REFERENCES x, ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES y(id) NOT VALID
-- ----
ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass)
-- ----
CREATE TABLE "Weird ""T""" ("x" int)
-- ----
DO $$ BEGIN CREATE TYPE "Role" AS ENUM ('USER'); EXCEPTION WHEN duplicate_object THEN null; END $$
-- ----
INSERT INTO t VALUES (1)
-- ----
GRANT ALL ON TABLE t TO authenticated
-- ----
CREATE POLICY p ON t FOR SELECT USING (auth.uid() = user_id)
-- ----
COMMENT ON TABLE t IS 'x'
-- ----
CREATE VIEW v AS SELECT 1
-- ----
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions
-- ----
SELECT setval('t_id_seq', 1)
-- ----
CREATE TABLE x (id int PRIMARY KEY, parent int REFERENCES x)
-- ----
CREATE TEMP TABLE tmp (a int)
-- ----
UPDATE t SET a = 1
