-- Demo data only: the schema comes from 20260201000000_init
INSERT INTO "users" ("id", "email", "name") VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'demo@example.com', 'Demo User');
