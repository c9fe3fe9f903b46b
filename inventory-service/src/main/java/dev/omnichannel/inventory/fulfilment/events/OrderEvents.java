package dev.omnichannel.inventory.fulfilment.events;

import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Each step of a fulfilment order on {@code inventory.fulfilment}, keyed by the order id, through the outbox. */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<?> publish(String type, Order order) {
        return outbox.publish(Topics.INVENTORY_FULFILMENT, order.id().toString(), new OrderEvent(type,
                order.id().toString(), order.customerId() == null ? null : order.customerId().toString(),
                order.status().name(), order.deliverToStoreId(),
                order.allocations().stream()
                        .map(a -> new OrderEvent.Allocation(a.locationId(), a.sku(), a.quantity()))
                        .toList(),
                order.total(), order.currency(), order.channel(), order.createdAt(), order.version()));
    }

    /** The event of the step that brings an order to {@code status}. */
    public static String eventType(OrderStatus status) {
        return switch (status) {
            case CREATED -> OrderEvent.CREATED;
            case SHIPPED -> OrderEvent.SHIPPED;
            case DELIVERED -> OrderEvent.DELIVERED;
            case COLLECTED -> OrderEvent.COLLECTED;
            case CANCELLED -> OrderEvent.CANCELLED;
        };
    }
}
