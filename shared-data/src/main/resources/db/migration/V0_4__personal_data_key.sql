-- One key per customer for the personal data this service's events carry (crypto-shredding): the
-- events are sealed with it; erasing the customer deletes the row, and every copy on every topic
-- becomes unreadable.
CREATE TABLE IF NOT EXISTS personal_data_key (
    customer_id text PRIMARY KEY,
    key         bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
