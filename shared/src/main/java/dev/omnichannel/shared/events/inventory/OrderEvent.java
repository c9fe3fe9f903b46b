package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;
import java.util.List;

/**
 * A step of a fulfilment order (endless aisle) on {@code inventory.fulfilment}, key the order id.
 *
 * @param deliverToStoreId the store it is delivered to for collection, or null for a home delivery
 * @param allocations      where each part is sourced from
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
        String channel) implements EventData {

    public static final String CREATED = "order.created";
    public static final String SHIPPED = "order.shipped";
    public static final String DELIVERED = "order.delivered";
    public static final String COLLECTED = "order.collected";
    public static final String CANCELLED = "order.cancelled";

    public record Allocation(String storeId, String sku, int quantity) {
    }

    @Override
    public String eventType() {
        return type;
    }
}
