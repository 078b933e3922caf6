CREATE TABLE report_shares (
    report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    customer_id bigint NOT NULL REFERENCES customers (id),
    PRIMARY KEY (report_id, customer_id)
);
