package dev.omnichannel.inventory.stock.rest;

import dev.omnichannel.inventory.stock.domain.StockLevel;

/** Current stock of a SKU at a location: {@code available = onHand - reserved}. */
public record StockLevelView(String sku, String locationId, int onHand, int reserved, int available,
        int nonSellable, long version) {

    public static StockLevelView of(StockLevel level) {
        return new StockLevelView(level.sku(), level.locationId(), level.onHand(), level.reserved(),
                level.available(), level.nonSellable(), level.version());
    }
}
