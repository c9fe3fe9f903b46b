package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.inventory.review.domain.ReviewSummary;
import java.math.BigDecimal;
import java.util.List;

/**
 * A product with the promotions in effect for it, the same on every channel.
 *
 * @param promotionalPrice the best price among {@code promotions}, or null when none applies
 * @param reviews          its visible reviews: average and count, and on a single product the latest ones
 */
public record ProductView(String sku, String name, String description, BigDecimal price, String currency,
        BigDecimal promotionalPrice, List<PromotionOffer> promotions, ReviewSummary reviews) {
}
