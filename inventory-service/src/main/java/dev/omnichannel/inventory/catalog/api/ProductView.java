package dev.omnichannel.inventory.catalog.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product with the promotions in effect for it, the same on every channel.
 *
 * @param promotionalPrice the best price among {@code promotions}, or null when none applies
 */
public record ProductView(String sku, String name, String description, BigDecimal price, String currency,
        BigDecimal promotionalPrice, List<PromotionOffer> promotions) {
}
