-- +goose Up
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id)
);

-- +goose Down
DROP TABLE orders;
DROP TABLE customers;
