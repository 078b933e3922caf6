-- +goose Up
CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no int NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- +goose Down
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE customers;
