CREATE TABLE billing.payments (
    id bigint PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES ${schema}.invoices (id),
    method_id bigint NOT NULL REFERENCES ${schema}.payment_methods (id)
);
