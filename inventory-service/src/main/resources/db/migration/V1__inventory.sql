-- inventory-service schema. Hot-path tables (stock_movement, reservation*, order*) carry no
-- foreign keys on purpose: an FK check takes FOR KEY SHARE on the referenced product/location
-- row, which every concurrent reservation would contend on. The services validate ids first.

-- Stores and warehouses, with what each can do.
CREATE TABLE location (
    id            TEXT PRIMARY KEY,
    name          TEXT             NOT NULL,
    type          TEXT             NOT NULL CHECK (type IN ('store', 'warehouse')),
    lat           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    street        TEXT,
    postal_code   TEXT,
    city          TEXT,
    country       TEXT,
    time_zone     TEXT             NOT NULL DEFAULT 'Europe/Paris',
    -- JSON object: day (mon..sun) -> "09:00-20:00" or "closed"
    opening_hours TEXT             NOT NULL DEFAULT '{}',
    sells         BOOLEAN          NOT NULL,
    pickup        BOOLEAN          NOT NULL,
    ship_from     BOOLEAN          NOT NULL,
    returns       BOOLEAN          NOT NULL
);

CREATE TABLE product (
    sku         TEXT PRIMARY KEY,
    name        TEXT          NOT NULL,
    description TEXT          NOT NULL DEFAULT '',
    price       NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    currency    CHAR(3)       NOT NULL
);
CREATE INDEX product_name ON product (lower(name));

-- The same promotions on every channel; segment NULL means everyone.
CREATE TABLE promotion (
    id           TEXT PRIMARY KEY,
    name         TEXT           NOT NULL,
    kind         TEXT           NOT NULL CHECK (kind IN ('percentage', 'fixed')),
    value        NUMERIC(12, 2) NOT NULL CHECK (value > 0),
    segment      TEXT,
    valid_from   TIMESTAMPTZ    NOT NULL,
    valid_to     TIMESTAMPTZ,
    all_products BOOLEAN        NOT NULL,
    CHECK (kind <> 'percentage' OR value <= 100),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE promotion_sku (
    promotion_id TEXT NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    sku          TEXT NOT NULL,
    PRIMARY KEY (promotion_id, sku)
);
CREATE INDEX promotion_sku_by_sku ON promotion_sku (sku);

-- Current levels per SKU and location, kept in the same transaction as each ledger movement.
-- available = on_hand - reserved; non_sellable units are not part of on_hand.
CREATE TABLE stock_level (
    sku          TEXT        NOT NULL REFERENCES product (sku),
    location_id  TEXT        NOT NULL REFERENCES location (id),
    on_hand      INTEGER     NOT NULL DEFAULT 0,
    reserved     INTEGER     NOT NULL DEFAULT 0,
    non_sellable INTEGER     NOT NULL DEFAULT 0,
    version      BIGINT      NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, location_id),
    -- the last line of defence against overselling
    CONSTRAINT stock_level_not_oversold CHECK (reserved >= 0 AND on_hand >= reserved AND non_sellable >= 0)
) WITH (fillfactor = 70);
CREATE INDEX stock_level_by_location ON stock_level (location_id);

-- The append-only ledger: every change of a level is one row, with the version it produced.
CREATE TABLE stock_movement (
    id                 BIGSERIAL PRIMARY KEY,
    sku                TEXT        NOT NULL,
    location_id        TEXT        NOT NULL,
    type               TEXT        NOT NULL,
    quantity           INTEGER     NOT NULL,
    on_hand_delta      INTEGER     NOT NULL,
    reserved_delta     INTEGER     NOT NULL,
    non_sellable_delta INTEGER     NOT NULL,
    version            BIGINT      NOT NULL,
    reference          TEXT,
    reason             TEXT,
    actor              TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stock_movement_by_level ON stock_movement (sku, location_id, id);
CREATE INDEX stock_movement_by_reference ON stock_movement (reference);

CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only';
END;
$$;
CREATE TRIGGER stock_movement_immutable BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();

-- Holds: cart (minutes), click-and-collect (days, pickup window), endless-aisle (until fulfilment).
CREATE TABLE reservation (
    id                UUID PRIMARY KEY,
    customer_id       UUID,
    store_id          TEXT           NOT NULL,
    status            TEXT           NOT NULL,
    hold_type         TEXT           NOT NULL,
    pickup_code       TEXT           NOT NULL,
    expires_at        TIMESTAMPTZ,
    max_expires_at    TIMESTAMPTZ,
    pickup_from       TIMESTAMPTZ,
    pickup_to         TIMESTAMPTZ,
    total             NUMERIC(12, 2) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    channel           TEXT,
    actor             TEXT,
    expiring_notified BOOLEAN        NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);
-- a pickup code identifies one active reservation of its store
CREATE UNIQUE INDEX reservation_active_pickup_code ON reservation (store_id, pickup_code)
    WHERE status IN ('CONFIRMED', 'READY');
CREATE INDEX reservation_due ON reservation (expires_at) WHERE status IN ('CONFIRMED', 'READY');
CREATE INDEX reservation_by_customer ON reservation (customer_id, created_at);

CREATE TABLE reservation_line (
    reservation_id UUID           NOT NULL,
    sku            TEXT           NOT NULL,
    quantity       INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price     NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (reservation_id, sku)
);

-- Endless aisle: lines sourced from other locations, shipped to a store or a home address.
CREATE TABLE fulfilment_order (
    id                  UUID PRIMARY KEY,
    customer_id         UUID,
    status              TEXT           NOT NULL,
    deliver_to_store_id TEXT,
    address_street      TEXT,
    address_postal_code TEXT,
    address_city        TEXT,
    address_country     TEXT,
    address_lat         DOUBLE PRECISION,
    address_lon         DOUBLE PRECISION,
    total               NUMERIC(12, 2) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    channel             TEXT,
    actor               TEXT,
    created_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK ((deliver_to_store_id IS NULL) <> (address_street IS NULL))
);
CREATE INDEX fulfilment_order_by_customer ON fulfilment_order (customer_id, created_at);

CREATE TABLE order_line (
    order_id   UUID           NOT NULL REFERENCES fulfilment_order (id),
    sku        TEXT           NOT NULL,
    quantity   INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (order_id, sku)
);

-- method: in-store (already at the delivery store), transfer (to the store), shipment (to the home)
CREATE TABLE order_allocation (
    order_id    UUID    NOT NULL REFERENCES fulfilment_order (id),
    location_id TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    method      TEXT    NOT NULL CHECK (method IN ('in-store', 'transfer', 'shipment')),
    PRIMARY KEY (order_id, location_id, sku)
);

-- Stock moving between locations: staff transfers (done at once) and those of fulfilment orders.
CREATE TABLE transfer (
    id               UUID PRIMARY KEY,
    from_location_id TEXT        NOT NULL,
    to_location_id   TEXT        NOT NULL,
    sku              TEXT        NOT NULL,
    quantity         INTEGER     NOT NULL CHECK (quantity > 0),
    status           TEXT        NOT NULL CHECK (status IN ('PLANNED', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
    order_id         UUID,
    actor            TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (from_location_id <> to_location_id)
);
CREATE INDEX transfer_by_order ON transfer (order_id);

-- Returns in any store accepting them, linked to the original reservation or order when known.
CREATE TABLE stock_return (
    id            UUID PRIMARY KEY,
    store_id      TEXT        NOT NULL,
    sku           TEXT        NOT NULL,
    quantity      INTEGER     NOT NULL CHECK (quantity > 0),
    condition     TEXT        NOT NULL CHECK (condition IN ('resaleable', 'damaged')),
    original_ref  TEXT,
    original_kind TEXT CHECK (original_kind IN ('reservation', 'order')),
    customer_id   UUID,
    channel       TEXT,
    actor         TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stock_return_by_original ON stock_return (original_ref, sku);
