-- The version of each customer's messaging summary (messaging.summary-changed): raised by one, under
-- the row's lock, in every transaction that publishes the summary.
CREATE TABLE summary_version (
    customer_id TEXT   PRIMARY KEY,
    version     BIGINT NOT NULL
);
