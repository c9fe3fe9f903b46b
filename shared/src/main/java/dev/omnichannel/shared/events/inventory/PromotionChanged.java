package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code catalog.promotion-changed} on the compacted {@code inventory.catalog}, key
 * {@code promotion:<id>}: the promotion after a change, identical on every channel.
 * {@code segment} null means everyone; {@code allProducts} false limits it to {@code skus}.
 * {@code version} increases with every change of this promotion.
 */
public record PromotionChanged(String id, String name, PromotionKind kind, BigDecimal value, String segment,
        Instant from, Instant to, boolean allProducts, List<String> skus, long version) implements EventData {

    public static final String TYPE = "catalog.promotion-changed";

    public static String key(String id) {
        return "promotion:" + id;
    }

    public boolean activeAt(Instant now) {
        return !from.isAfter(now) && (to == null || to.isAfter(now));
    }

    /** For everyone, or for one of the customer's segments. */
    public boolean offeredTo(List<String> segments) {
        return segment == null || segments.contains(segment);
    }

    public boolean appliesTo(String sku) {
        return allProducts || skus.contains(sku);
    }

    public BigDecimal priceOf(BigDecimal listPrice) {
        return kind.apply(listPrice, value);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
