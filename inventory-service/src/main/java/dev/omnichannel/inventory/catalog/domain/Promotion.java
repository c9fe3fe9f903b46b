package dev.omnichannel.inventory.catalog.domain;

import dev.omnichannel.shared.events.inventory.PromotionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A promotion: identical on every channel. {@code segment} null means everyone; {@code allProducts}
 * false limits it to {@code skus}. {@code version} increases with every change (0: not stored yet).
 */
public record Promotion(String id, String name, PromotionKind kind, BigDecimal value, String segment,
        Instant from, Instant to, boolean allProducts, Set<String> skus, long version) {

    public boolean appliesTo(String sku) {
        return allProducts || skus.contains(sku);
    }

    public BigDecimal priceOf(BigDecimal listPrice) {
        return kind.apply(listPrice, value);
    }
}
