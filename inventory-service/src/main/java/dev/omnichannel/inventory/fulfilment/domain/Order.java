package dev.omnichannel.inventory.fulfilment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fulfilment order as stored: its lines and where each part is sourced from. {@code version} is 1
 * when it is created and increases by one with every change of status.
 */
public record Order(
        UUID id,
        UUID customerId,
        OrderStatus status,
        String deliverToStoreId,
        Address address,
        BigDecimal total,
        String currency,
        String channel,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<Line> lines,
        List<Allocation> allocations) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    public record Allocation(String locationId, String sku, int quantity, AllocationMethod method) {
    }

    public Order withStatus(OrderStatus newStatus, Instant changedAt, long newVersion) {
        return new Order(id, customerId, newStatus, deliverToStoreId, address, total, currency, channel, createdAt,
                changedAt, newVersion, lines, allocations);
    }
}
