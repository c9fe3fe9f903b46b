package dev.omnichannel.inventory.fulfilment.domain;

import java.util.Map;
import java.util.Set;

/** CREATED → SHIPPED → DELIVERED (→ COLLECTED when delivered to a store); CREATED → CANCELLED. */
public enum OrderStatus {
    CREATED,
    SHIPPED,
    DELIVERED,
    COLLECTED,
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            CREATED, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(DELIVERED),
            DELIVERED, Set.of(COLLECTED),
            COLLECTED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
