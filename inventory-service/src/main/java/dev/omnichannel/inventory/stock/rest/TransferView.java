package dev.omnichannel.inventory.stock.rest;

import java.util.UUID;

/** A transfer and the levels it left at both ends. */
public record TransferView(UUID id, String fromStoreId, String toStoreId, String sku, int quantity, String status,
        StockLevelView from, StockLevelView to) {
}
