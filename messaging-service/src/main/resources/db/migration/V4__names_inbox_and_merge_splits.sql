-- How people call products and locations (read model of inventory.catalog, key as on the topic:
-- product:<sku>, location:<id>): messages name them at render time. The newest version wins.
CREATE TABLE catalog_name (
    key     TEXT   PRIMARY KEY,
    name    TEXT   NOT NULL,
    city    TEXT,
    version BIGINT NOT NULL
);

-- The inbox lists what was sent to the customer on every channel, not only in-app.
DROP INDEX notification_inbox;
CREATE INDEX notification_sent_by_customer ON notification (customer_id, sent_at) WHERE sent_at IS NOT NULL;

-- A demo template nobody replaced since it was seeded: a newer demo version replaces it at start-up.
-- Seeded templates that were never put again are still at version 1.
ALTER TABLE template ADD COLUMN demo BOOLEAN NOT NULL DEFAULT false;
UPDATE template SET demo = true
WHERE version = 1 AND key IN ('reservation.confirmed', 'reservation.ready', 'reservation.expiring', 'order.shipped',
                              'order.delivered', 'return.accepted', 'back-in-stock', 'promotion');

-- What a merge folded of the duplicate's threads, so that undoing it splits them back: each thread as
-- it was (folded_into: the survivor's thread it joined, null when it moved whole) and the messages
-- that came from it.
CREATE TABLE merged_conversation (
    duplicate_id     TEXT        NOT NULL,
    conversation_id  UUID        NOT NULL,
    merge_id         TEXT,
    topic            TEXT        NOT NULL,
    subject          TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    last_message_at  TIMESTAMPTZ NOT NULL,
    customer_read_at TIMESTAMPTZ,
    folded_into      UUID,
    survivor_read_at TIMESTAMPTZ,
    merged_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (duplicate_id, conversation_id)
);

CREATE TABLE merged_message (
    duplicate_id    TEXT NOT NULL,
    message_id      UUID NOT NULL,
    conversation_id UUID NOT NULL,
    PRIMARY KEY (duplicate_id, message_id)
);
