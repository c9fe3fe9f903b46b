package dev.omnichannel.customer.wishlist.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record WishlistView(UUID customerId, List<Item> items) {

    public record Item(String sku, Instant addedAt) {
    }
}
