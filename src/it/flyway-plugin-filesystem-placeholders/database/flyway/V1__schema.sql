CREATE SCHEMA ${schema};
