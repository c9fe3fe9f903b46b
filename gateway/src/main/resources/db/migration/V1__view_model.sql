-- The personalized view's model, fed by the services' events (customer.events, inventory.fulfilment,
-- messaging.events) and by the answers of the writes made through the gateway. A view is one row:
-- each part is kept with the highest version its owner gave it (an event and the answer of the
-- same write may arrive in any order) and the time it last changed. Rebuildable: with every
-- gateway stopped, truncate these tables and start again; the topics are read from the beginning.
-- The parts are json, not jsonb: they are only ever stored and returned whole.
CREATE TABLE customer_view (
    customer_id        text PRIMARY KEY,
    -- id, displayName, preferredStoreId, preferredChannel, language, timeZone, segments
    profile            json,
    profile_version    bigint NOT NULL DEFAULT 0,
    profile_as_of      timestamptz,
    segments           text[] NOT NULL DEFAULT '{}',  -- of the profile: which offers apply
    preferred_store_id text,                          -- of the profile: where availability is shown
    cart               json,                          -- [{sku, quantity, addedAt}]
    cart_version       bigint NOT NULL DEFAULT 0,
    cart_as_of         timestamptz,
    wishlist           json,                          -- [{sku, addedAt}]
    wishlist_version   bigint NOT NULL DEFAULT 0,
    wishlist_as_of     timestamptz,
    conversation       json,                          -- {unread, lastMessages}
    inbox              json,                          -- {total, unread}
    messages_version   bigint NOT NULL DEFAULT 0,
    messages_as_of     timestamptz,
    reservations       json NOT NULL DEFAULT '[]',    -- active, newest first: kept from view_holding
    reservations_as_of timestamptz,
    orders             json NOT NULL DEFAULT '[]',    -- under way, newest first: kept from view_holding
    orders_as_of       timestamptz
);

-- Reservations and fulfilment orders, each with the customer id its owner gave it (a merge does
-- not rewrite it: view_merge says whose it is now, so an undo gives it back); the lists of
-- customer_view are made from them.
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

-- Customers whose holdings the view feed changed and whose lists are not made again yet: written
-- with the holdings, cleared by the short transaction that makes the lists (after the feed's
-- batch commits, or at the next start if the gateway stopped in between).
CREATE TABLE view_holding_stale (
    customer_id text PRIMARY KEY
);

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

-- Read-your-writes for stock, across replicas: the stock levels a caller's recent writes changed
-- (inventory's Omni-Stock-Versions, {"sku@location": version}), by token subject. A read by the
-- same subject, on any channel and any replica, first waits (bounded) for its stock model to hold
-- these versions.
CREATE TABLE view_stock_writes (
    subject    text        PRIMARY KEY,
    versions   jsonb       NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);

-- The next offset to read of each partition, written in the transaction that applied the records
-- before it: an event is applied once, and a restart resumes where the model is.
CREATE TABLE view_offset (
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
