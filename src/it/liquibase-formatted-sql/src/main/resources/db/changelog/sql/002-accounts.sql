--liquibase formatted sql

--changeset billing:3
CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
--rollback DROP TABLE accounts;
