package dev.omnichannel.inventory.returns.rest;

import dev.omnichannel.inventory.stock.rest.StockLevelView;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted return. {@code linkedTo} is {@code reservation} or {@code order} when
 * {@code originalRef} designates one of ours (then {@code customerId} is its customer), null otherwise.
 * {@code level} is the receiving store's stock of the SKU after the return.
 */
public record ReturnView(UUID id, String storeId, String sku, int quantity, String condition, String originalRef,
        String linkedTo, UUID customerId, String channel, StockLevelView level, Instant createdAt) {
}
