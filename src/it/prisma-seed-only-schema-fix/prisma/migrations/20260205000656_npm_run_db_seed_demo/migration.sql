-- The old demo migration: it created "users" with demo rows. Production never applies it.
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
INSERT INTO "users" ("id", "email") VALUES ('demo', 'demo@example.com');
