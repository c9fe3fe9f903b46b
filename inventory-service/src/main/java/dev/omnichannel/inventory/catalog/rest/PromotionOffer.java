package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.shared.events.inventory.PromotionKind;
import java.math.BigDecimal;
import java.time.Instant;

/** A promotion as embedded in a product, with the price it gives that product. */
public record PromotionOffer(String id, String name, PromotionKind kind, BigDecimal value, String segment,
        Instant from, Instant to, BigDecimal promotionalPrice) {
}
