CREATE TABLE ${schema}.accounts (
    id bigint PRIMARY KEY,
    owner text NOT NULL
);

CREATE TABLE ${schema}.invoices (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES billing.accounts (id)
);
