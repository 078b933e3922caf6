-- The fix: a schema migration creates "users" too, so production gets it; development already has it from the
-- demo and skips it.
CREATE TABLE IF NOT EXISTS "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
