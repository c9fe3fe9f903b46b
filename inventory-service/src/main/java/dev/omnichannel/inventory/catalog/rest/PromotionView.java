package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.shared.events.inventory.PromotionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A promotion; {@code allProducts} true means every SKU, otherwise those of {@code skus}. */
public record PromotionView(String id, String name, PromotionKind kind, BigDecimal value, String segment,
        Instant from, Instant to, boolean allProducts, List<String> skus) {
}
