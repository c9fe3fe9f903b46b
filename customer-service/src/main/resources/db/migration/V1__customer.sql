-- customer-service: one customer across every channel.

-- The unified profile. A merged-away profile keeps its row (status 'merged', merged_into the
-- survivor) so its id keeps resolving; an erased one keeps only its id (status 'erased').
CREATE TABLE customer (
    id                  UUID PRIMARY KEY,
    display_name        TEXT,
    status              TEXT        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
    merged_into         UUID REFERENCES customer (id),
    preferred_channel   TEXT,
    preferred_store_id  TEXT,
    language            TEXT,
    time_zone           TEXT,
    quiet_start         TEXT,
    quiet_end           TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL,
    last_activity_at    TIMESTAMPTZ NOT NULL,
    segments_checked_at TIMESTAMPTZ NOT NULL,
    erased_at           TIMESTAMPTZ
);
CREATE INDEX customer_merged_into ON customer (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX customer_segments_checked ON customer (segments_checked_at) WHERE status = 'active';

-- One identity belongs to one customer: (type, normalised value, provider) is unique.
-- The foreign key is checked at commit, so find-or-create can claim the identity first
-- (INSERT ... ON CONFLICT DO NOTHING) and create the customer it points to afterwards.
CREATE TABLE customer_identity (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
    type        TEXT        NOT NULL,
    value       TEXT        NOT NULL,
    provider    TEXT        NOT NULL DEFAULT '',
    verified    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_identity_unique UNIQUE (type, value, provider)
);
CREATE INDEX customer_identity_customer ON customer_identity (customer_id);

CREATE TABLE consent (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    channel     TEXT        NOT NULL,
    granted     BOOLEAN     NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    given_on    TEXT,
    CONSTRAINT consent_unique UNIQUE (customer_id, channel)
);

-- A customer's cart (customer_id set, one per customer) or a guest cart (token_hash set).
CREATE TABLE cart (
    id          UUID PRIMARY KEY,
    customer_id UUID REFERENCES customer (id) UNIQUE,
    token_hash  TEXT,
    status      TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    merged_into UUID,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((customer_id IS NULL) <> (token_hash IS NULL))
);

CREATE TABLE cart_item (
    id       UUID PRIMARY KEY,
    cart_id  UUID        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku      TEXT        NOT NULL,
    quantity INTEGER     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT cart_item_unique UNIQUE (cart_id, sku)
);

CREATE TABLE wishlist_item (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    sku         TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT wishlist_item_unique UNIQUE (customer_id, sku)
);

-- A kiosk or staff identified the customer in a store.
CREATE TABLE store_visit (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    store_id    TEXT        NOT NULL,
    channel     TEXT,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX store_visit_customer ON store_visit (customer_id, store_id, at DESC);

-- What the customer bought (collected reservations, fulfilment orders), learnt from inventory's events.
CREATE TABLE purchase (
    id           UUID PRIMARY KEY,
    customer_id  UUID          NOT NULL REFERENCES customer (id),
    ref          TEXT          NOT NULL UNIQUE,
    kind         TEXT          NOT NULL CHECK (kind IN ('reservation', 'order')),
    store_id     TEXT,
    amount       NUMERIC(12, 2) NOT NULL,
    currency     TEXT          NOT NULL,
    at           TIMESTAMPTZ   NOT NULL,
    collected_at TIMESTAMPTZ
);
CREATE INDEX purchase_customer ON purchase (customer_id);

CREATE TABLE timeline_entry (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    -- the customer id the event named (a merged-away id lands on its survivor)
    subject_id  UUID        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    channel     TEXT,
    kind        TEXT        NOT NULL,
    summary     TEXT        NOT NULL,
    ref         TEXT,
    event_id    TEXT        NOT NULL
);
CREATE INDEX timeline_entry_customer ON timeline_entry (customer_id, at DESC);

CREATE TABLE customer_segment (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    segment     TEXT        NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_segment_unique UNIQUE (customer_id, segment)
);

-- Audit of every merge, with what moved, so it can be undone.
CREATE TABLE customer_merge (
    id           UUID PRIMARY KEY,
    survivor_id  UUID        NOT NULL REFERENCES customer (id),
    duplicate_id UUID        NOT NULL REFERENCES customer (id),
    actor        TEXT        NOT NULL,
    channel      TEXT,
    merged_at    TIMESTAMPTZ NOT NULL,
    moved        TEXT,
    undone_at    TIMESTAMPTZ,
    undone_by    TEXT
);
CREATE INDEX customer_merge_survivor ON customer_merge (survivor_id);
CREATE INDEX customer_merge_duplicate ON customer_merge (duplicate_id);
