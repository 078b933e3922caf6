-- The model was mapped with @@map("users"): Prisma renames the table and keeps its rows and keys.
ALTER TABLE "User" RENAME TO "users";
