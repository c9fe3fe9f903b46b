package dev.omnichannel.inventory.fulfilment.rest;

import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fulfilment order. Each allocation says where a part comes from and how it travels:
 * {@code in-store} (already at the delivery store), {@code transfer} (to the store), {@code shipment} (to the home).
 * {@code version} is the one the {@code order.*} event of the same step carries.
 */
public record OrderView(
        UUID id,
        OrderStatus status,
        UUID customerId,
        List<Line> lines,
        List<Allocation> allocations,
        DeliverTo deliverTo,
        BigDecimal total,
        String currency,
        String channel,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    public record Allocation(String storeId, String sku, int quantity, String method) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.status(), order.customerId(),
                order.lines().stream().map(l -> new Line(l.sku(), l.quantity(), l.unitPrice())).toList(),
                order.allocations().stream()
                        .map(a -> new Allocation(a.locationId(), a.sku(), a.quantity(), a.method().wireName()))
                        .toList(),
                order.deliverToStoreId() != null ? new DeliverTo(order.deliverToStoreId(), null) : new DeliverTo(null, order.address()),
                order.total(), order.currency(), order.channel(), order.createdAt(), order.updatedAt(), order.version());
    }
}
