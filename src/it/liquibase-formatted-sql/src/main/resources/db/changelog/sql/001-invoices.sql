--liquibase formatted sql

--changeset billing:1
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    total numeric(12, 2) NOT NULL
);
--rollback DROP TABLE invoices;

--changeset billing:2
CREATE INDEX invoices_account_idx ON invoices (account_id);
