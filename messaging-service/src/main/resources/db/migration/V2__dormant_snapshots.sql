-- The newest snapshot of a customer merged into another: kept aside, unused, so that undoing the
-- merge brings the customer back even when its snapshot arrived before the undo (the two are on
-- different partitions of customer.events, keyed by different customer ids).
CREATE TABLE dormant_snapshot (
    customer_id TEXT   PRIMARY KEY,
    version     BIGINT NOT NULL,
    snapshot    TEXT   NOT NULL
);
