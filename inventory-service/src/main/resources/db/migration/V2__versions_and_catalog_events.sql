-- Every reservation, order, product and promotion carries a version that increases by one with each
-- change; its events and the REST answer of the change carry it, so a consumer (the gateway's view)
-- keeps the highest it saw whatever the order it gets them in. Existing rows start at 1.
ALTER TABLE reservation ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE fulfilment_order ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- published_version: the last version put on inventory.catalog. Every change publishes in its own
-- transaction and sets it to version; rows older than the catalog events (0 here) are published
-- once at start-up (CatalogPublisher).
ALTER TABLE product ADD COLUMN version BIGINT NOT NULL DEFAULT 1,
                    ADD COLUMN published_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE promotion ADD COLUMN version BIGINT NOT NULL DEFAULT 1,
                      ADD COLUMN published_version BIGINT NOT NULL DEFAULT 0;
