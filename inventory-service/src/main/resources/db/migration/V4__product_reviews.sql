-- Reviews of products by the customers who bought them (an order with the SKU, not cancelled) or
-- collected them (a COLLECTED reservation with the SKU): inventory-service knows both from its own
-- fulfilment orders and reservations. One visible review per customer and product: writing again
-- replaces it. Staff hide a review with a reason; a hidden review stays stored, with who hid it,
-- when and why, and leaves the summaries and lists. A review written after a hide is a new one.
CREATE TABLE product_review (
    id                UUID PRIMARY KEY,
    sku               TEXT        NOT NULL REFERENCES product (sku),
    customer_id       UUID        NOT NULL,
    rating            SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text              TEXT CHECK (char_length(text) <= 2000),
    -- only buyers can write, so always true; kept so the page shows the mark
    verified_purchase BOOLEAN     NOT NULL DEFAULT true,
    channel           TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    hidden_at         TIMESTAMPTZ,
    hidden_by         TEXT,
    hidden_reason     TEXT,
    CHECK ((hidden_at IS NULL) = (hidden_by IS NULL) AND (hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE UNIQUE INDEX product_review_one_visible ON product_review (sku, customer_id) WHERE hidden_at IS NULL;
CREATE INDEX product_review_latest ON product_review (sku, updated_at DESC, id) WHERE hidden_at IS NULL;
CREATE INDEX product_review_by_customer ON product_review (customer_id, updated_at DESC);
