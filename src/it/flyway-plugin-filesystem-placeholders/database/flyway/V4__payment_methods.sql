CREATE TABLE ${schema}.payment_methods (
    id bigint PRIMARY KEY,
    label text NOT NULL
);
