-- The personalized view's model: one row per customer and part, fed by the services' events
-- (customer.events, inventory.fulfilment, messaging.events) and by the answers of the writes made
-- through the gateway. Each part keeps the highest version its owner gave it, so an event and the
-- answer of the same write can arrive in any order. Rebuildable: truncate every table here and
-- restart the gateway, it reads the topics again from the beginning (view_offset is then empty).
-- The parts are json, not jsonb: they are only ever stored and returned whole, never queried into.

-- Profile summary: id, displayName, preferredStoreId, preferredChannel, language, timeZone, segments.
CREATE TABLE view_profile (
    customer_id text PRIMARY KEY,
    version     bigint      NOT NULL,
    as_of       timestamptz NOT NULL,
    data        json        NOT NULL
);

-- The customer's one cart: [{sku, quantity, addedAt}].
CREATE TABLE view_cart (
    customer_id text PRIMARY KEY,
    version     bigint      NOT NULL,
    as_of       timestamptz NOT NULL,
    data        json        NOT NULL
);

-- [{sku, addedAt}].
CREATE TABLE view_wishlist (
    customer_id text PRIMARY KEY,
    version     bigint      NOT NULL,
    as_of       timestamptz NOT NULL,
    data        json        NOT NULL
);

-- Conversation summary {unread, lastMessages[]} and the in-app inbox {total, unread}.
CREATE TABLE view_messages (
    customer_id text PRIMARY KEY,
    version     bigint      NOT NULL,
    as_of       timestamptz NOT NULL,
    data        json        NOT NULL
);

-- Reservations and fulfilment orders, each with the customer id its owner gave it (a merge does
-- not rewrite it: view_merge says whose it is now, so an undo gives it back).
CREATE TABLE view_holding (
    id          text PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('reservation', 'order')),
    customer_id text        NOT NULL,
    version     bigint      NOT NULL,
    active      boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    as_of       timestamptz NOT NULL,
    data        json        NOT NULL
);
CREATE INDEX view_holding_active ON view_holding (customer_id, kind, created_at DESC) WHERE active;
CREATE INDEX view_holding_changed ON view_holding (customer_id, kind, as_of);

-- Token subject -> customer: the view is found from the token alone, with customer-service down.
CREATE TABLE view_subject (
    subject     text PRIMARY KEY,
    customer_id text NOT NULL
);
CREATE INDEX view_subject_customer ON view_subject (customer_id);

-- A duplicate merged into a survivor (deleted again by the merge's undo).
CREATE TABLE view_merge (
    duplicate_id text PRIMARY KEY,
    survivor_id  text NOT NULL
);
CREATE INDEX view_merge_survivor ON view_merge (survivor_id);

-- Erased customers: events about them that arrive later (a reservation expiring) are not kept.
CREATE TABLE view_erased (
    customer_id text PRIMARY KEY,
    erased_at   timestamptz NOT NULL DEFAULT now()
);

-- The next offset to read of each partition, written in the transaction that applied the records
-- before it: an event is applied once, and a restart resumes where the model is.
CREATE TABLE view_offset (
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
