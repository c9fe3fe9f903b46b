package dev.omnichannel.inventory.stock.domain;

/** The current stock of a SKU at a location; {@code version} counts its movements. */
public record StockLevel(String sku, String locationId, int onHand, int reserved, int nonSellable, long version) {

    public int available() {
        return onHand - reserved;
    }
}
