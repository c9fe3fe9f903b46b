package dev.omnichannel.inventory.stock.rest;

/** Units of a SKU any channel may promise at a location; {@code distanceKm} when asked around a point. */
public record AvailabilityView(String storeId, String name, int available, Double distanceKm) {
}
