-- Locations on inventory.catalog (catalog.location-changed), like products: version +1 per create or
-- replace, published_version the last version put on the topic. Existing locations start at version 1,
-- never published (CatalogPublisher publishes them once at start-up); a new row starts at 0 and its
-- first put takes it to 1.
ALTER TABLE location ADD COLUMN version BIGINT NOT NULL DEFAULT 1,
                     ADD COLUMN published_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE location ALTER COLUMN version SET DEFAULT 0;
