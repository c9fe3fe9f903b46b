package dev.omnichannel.customer.cart.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A guest cart; {@code cartToken} only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuestCartView(UUID id, String cartToken, List<CartView.Item> items, Instant updatedAt) {
}
