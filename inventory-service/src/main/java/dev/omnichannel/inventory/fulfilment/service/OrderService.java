package dev.omnichannel.inventory.fulfilment.service;

import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.inventory.fulfilment.events.OrderEvents;
import dev.omnichannel.inventory.fulfilment.repository.OrderRepository;
import dev.omnichannel.inventory.fulfilment.rest.OrderRequest;
import dev.omnichannel.inventory.fulfilment.rest.OrderView;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Lines;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Endless aisle: an order the chosen store cannot serve from its shelf is sourced from the
 * locations that ship (nearest to the destination first, fewest splits; {@link OrderPlanner}), held
 * there until fulfilment, and moved step by step ({@link OrderStock}); each step publishes an
 * {@code OrderEvent} ({@link OrderEvents}).
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderPlanner planner;
    private final OrderStock stock;
    private final OrderEvents events;
    private final IdempotentRequests idempotent;

    OrderService(OrderRepository orders, OrderPlanner planner, OrderStock stock, OrderEvents events,
            IdempotentRequests idempotent) {
        this.orders = orders;
        this.planner = planner;
        this.stock = stock;
        this.events = events;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<OrderView> create(OrderRequest request, Caller caller) {
        Map<String, Integer> quantities = Lines.summedBySku(request.lines());
        String channel = caller.channel();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /orders"), request, OrderView.class,
                () -> planner.plan(request, quantities, channel)
                        .chain(order -> orders.insert(order, caller.actor()))
                        .call(order -> stock.holdAtSources(order, caller.actor()))
                        .call(order -> events.publish(OrderEvent.CREATED, order))
                        .map(OrderView::of));
    }

    @WithSession
    public Uni<OrderView> get(UUID id) {
        return require(id).map(OrderView::of);
    }

    @WithSession
    public Uni<Page<OrderView>> ofCustomer(UUID customerId, PageRequest page) {
        return orders.countOfCustomer(customerId).chain(total -> orders.ofCustomer(customerId, page.offset(), page.size())
                .map(found -> new Page<>(found.stream().map(OrderView::of).toList(), page.page(), page.size(), total)));
    }

    /** The next step of the order, with the stock movements it means; the same status again changes nothing. */
    @WithTransaction
    public Uni<OrderView> advance(UUID id, OrderStatus next, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /orders/" + id + "/status"), next,
                OrderView.class, () -> require(id).chain(order -> {
                    if (order.status() == next) {
                        return Uni.createFrom().item(order);
                    }
                    if (!order.status().canBecome(next) || next == OrderStatus.COLLECTED && order.deliverToStoreId() == null) {
                        return Uni.createFrom().failure(ProblemException.conflict("invalid-transition",
                                "Order " + id + " is " + order.status() + " and cannot become " + next,
                                Map.of("status", order.status().name())));
                    }
                    return orders.transition(order, next).chain(changed -> changed == null
                            ? Uni.createFrom().failure(ProblemException.conflict("concurrent-change",
                                    "Order " + id + " changed meanwhile; read it again", null))
                            : stock.move(order, next, caller.actor())
                                    .replaceWith(changed)
                                    .call(() -> events.publish(OrderEvents.eventType(next), changed)));
                }).map(OrderView::of));
    }

    private Uni<Order> require(UUID id) {
        return orders.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No order " + id));
    }
}
