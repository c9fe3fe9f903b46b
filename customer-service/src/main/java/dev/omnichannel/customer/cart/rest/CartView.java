package dev.omnichannel.customer.cart.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's cart: the same on every device and channel. {@code version} is the customer's
 * version after the change, the one of the {@code customer.profile-changed} snapshot it published.
 */
public record CartView(UUID customerId, List<Item> items, Instant updatedAt, long version) {

    public record Item(String sku, int quantity, Instant addedAt) {
    }
}
