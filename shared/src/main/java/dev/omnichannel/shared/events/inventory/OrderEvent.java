package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A step of a fulfilment order (endless aisle) on {@code inventory.fulfilment}, key the order id.
 *
 * @param deliverToStoreId the store it is delivered to for collection, or null for a home delivery
 * @param allocations      where each part is sourced from
 * @param version          increases with every step of this order: a consumer keeps the highest it saw
 */
public record OrderEvent(
        String type,
        String orderId,
        String customerId,
        String status,
        String deliverToStoreId,
        List<Allocation> allocations,
        BigDecimal total,
        String currency,
        String channel,
        Instant createdAt,
        long version) implements EventData {

    public static final String CREATED = "order.created";
    public static final String SHIPPED = "order.shipped";
    public static final String DELIVERED = "order.delivered";
    public static final String COLLECTED = "order.collected";
    public static final String CANCELLED = "order.cancelled";

    public record Allocation(String storeId, String sku, int quantity) {
    }

    /** Still under way for the customer: not cancelled, not delivered home, not collected from the store. */
    public boolean active() {
        return !"CANCELLED".equals(status) && !"COLLECTED".equals(status)
                && !("DELIVERED".equals(status) && deliverToStoreId == null);
    }

    @Override
    public String eventType() {
        return type;
    }
}
