package dev.omnichannel.customer.cart.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's cart: the same on every device and channel. */
public record CartView(UUID customerId, List<Item> items, Instant updatedAt) {

    public record Item(String sku, int quantity, Instant addedAt) {
    }
}
