package dev.omnichannel.inventory.stock.rest;

import java.time.Instant;

/** One row of the ledger; {@code version} is the level's version it produced. */
public record MovementView(long id, String sku, String locationId, String type, int quantity, int onHandDelta,
        int reservedDelta, int nonSellableDelta, long version, String reference, String reason, String actor,
        Instant at) {
}
