package dev.omnichannel.inventory.stock.rest;

/** One SKU of a bulk availability answer (carts). */
public record SkuAvailability(String sku, String storeId, int available) {
}
