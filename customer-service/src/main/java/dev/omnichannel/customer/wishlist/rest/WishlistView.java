package dev.omnichannel.customer.wishlist.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code version} is the customer's version after the change, the one of the
 * {@code customer.profile-changed} snapshot it published.
 */
public record WishlistView(UUID customerId, List<Item> items, long version) {

    public record Item(String sku, Instant addedAt) {
    }
}
