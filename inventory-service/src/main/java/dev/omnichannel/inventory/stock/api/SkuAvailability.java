package dev.omnichannel.inventory.stock.api;

/** One SKU of a bulk availability answer (carts). */
public record SkuAvailability(String sku, String storeId, int available) {
}
