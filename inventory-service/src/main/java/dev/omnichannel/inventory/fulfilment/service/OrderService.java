package dev.omnichannel.inventory.fulfilment.service;

import dev.omnichannel.inventory.fulfilment.domain.AllocationMethod;
import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Lines;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.inventory.catalog.service.PriceBook;
import dev.omnichannel.inventory.catalog.domain.PricedLines;
import dev.omnichannel.inventory.catalog.domain.UnitPrice;
import dev.omnichannel.inventory.fulfilment.rest.DeliverTo;
import dev.omnichannel.inventory.fulfilment.rest.OrderRequest;
import dev.omnichannel.inventory.fulfilment.rest.OrderView;
import dev.omnichannel.inventory.fulfilment.repository.OrderRepository;
import dev.omnichannel.inventory.location.domain.Location;
import dev.omnichannel.inventory.location.repository.LocationRepository;
import dev.omnichannel.inventory.location.domain.GeoPoint;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import dev.omnichannel.inventory.stock.domain.StockLevel;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Endless aisle: an order the chosen store cannot serve from its shelf is sourced from the
 * locations that ship (nearest to the destination first, fewest splits), held there until
 * fulfilment, and moved step by step ({@link OrderStock}); each step publishes an {@code OrderEvent}.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final LocationRepository locationRepository;
    private final LocationService locations;
    private final StockLevelRepository levels;
    private final OrderStock stock;
    private final PriceBook prices;
    private final Outbox outbox;
    private final IdempotentRequests idempotent;

    OrderService(OrderRepository orders, LocationRepository locationRepository, LocationService locations,
            StockLevelRepository levels, OrderStock stock, PriceBook prices,
            Outbox outbox, IdempotentRequests idempotent) {
        this.orders = orders;
        this.locationRepository = locationRepository;
        this.locations = locations;
        this.levels = levels;
        this.stock = stock;
        this.prices = prices;
        this.outbox = outbox;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<OrderView> create(OrderRequest request, Caller caller) {
        Map<String, Integer> quantities = Lines.summedBySku(request.lines());
        String channel = caller.channel();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /orders"), request, OrderView.class,
                () -> destination(request.deliverTo())
                        .chain(store -> prices.unitPrices(quantities.keySet())
                                .chain(unitPrices -> candidates(store, request.deliverTo())
                                        .chain(candidates -> levels.levelsOf(quantities.keySet())
                                                .map(found -> Sourcing.plan(quantities, candidates, byLocation(found))))
                                        .map(plan -> order(request, store, quantities, unitPrices, plan, channel))))
                        .chain(order -> orders.insert(order, caller.actor()))
                        .call(order -> stock.holdAtSources(order, caller.actor()))
                        .call(order -> publish(OrderEvent.CREATED, order))
                        .map(OrderView::of));
    }

    /** The collection store (which must offer pickup), or null for a home delivery. */
    private Uni<Location> destination(DeliverTo deliverTo) {
        if (!deliverTo.toStore()) {
            return Uni.createFrom().nullItem();
        }
        return locations.require(deliverTo.storeId()).invoke(store -> {
            if (!store.pickup) {
                throw ProblemException.unprocessable("no-pickup", "Store " + store.id + " does not offer pickup");
            }
        });
    }

    /** The locations that ship, and the delivery store's own shelf, with their distance to the destination. */
    private Uni<List<Sourcing.Candidate>> candidates(Location store, DeliverTo deliverTo) {
        GeoPoint target = store != null ? new GeoPoint(store.lat, store.lon)
                : deliverTo.address().lat() != null && deliverTo.address().lon() != null
                        ? new GeoPoint(deliverTo.address().lat(), deliverTo.address().lon())
                        : null;
        return locationRepository.shippingFrom().map(shipping -> {
            List<Sourcing.Candidate> candidates = new ArrayList<>();
            if (store != null && store.sells) {
                candidates.add(new Sourcing.Candidate(store.id, 0.0, false));
            }
            shipping.stream()
                    .filter(location -> store == null || !location.id.equals(store.id))
                    .forEach(location -> candidates.add(new Sourcing.Candidate(location.id,
                            target == null ? null : target.distanceKm(new GeoPoint(location.lat, location.lon)),
                            "warehouse".equals(location.type))));
            return candidates;
        });
    }

    private static Map<String, Map<String, Integer>> byLocation(List<StockLevel> found) {
        Map<String, Map<String, Integer>> available = new HashMap<>();
        found.forEach(level -> available.computeIfAbsent(level.locationId(), k -> new HashMap<>())
                .put(level.sku(), level.available()));
        return available;
    }

    private static Order order(OrderRequest request, Location store, Map<String, Integer> quantities,
            Map<String, UnitPrice> unitPrices, Sourcing.Plan plan, String channel) {
        PricedLines priced = PricedLines.of(quantities, unitPrices);
        List<Order.Line> lines = priced.lines().stream()
                .map(line -> new Order.Line(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
        BigDecimal total = priced.total();
        String currency = priced.currency();
        if (!plan.complete()) {
            throw shortage(plan.shortages());
        }
        List<Order.Allocation> allocations = plan.parts().stream()
                .map(part -> new Order.Allocation(part.locationId(), part.sku(), part.quantity(),
                        store == null ? AllocationMethod.SHIPMENT
                                : part.locationId().equals(store.id) ? AllocationMethod.IN_STORE : AllocationMethod.TRANSFER))
                .toList();
        return new Order(UUID.randomUUID(), request.customerId(), OrderStatus.CREATED, store == null ? null : store.id,
                request.deliverTo().address(), total, currency, channel, null, null, 0, lines, allocations);
    }

    private static ProblemException shortage(List<Sourcing.Shortage> shortages) {
        return ProblemException.conflict("insufficient-stock",
                "No set of locations has enough stock for every line; nothing was reserved",
                Map.of("lines", shortages));
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
                                    .call(() -> publish(eventType(next), changed)));
                }).map(OrderView::of));
    }

    private static String eventType(OrderStatus status) {
        return switch (status) {
            case CREATED -> OrderEvent.CREATED;
            case SHIPPED -> OrderEvent.SHIPPED;
            case DELIVERED -> OrderEvent.DELIVERED;
            case COLLECTED -> OrderEvent.COLLECTED;
            case CANCELLED -> OrderEvent.CANCELLED;
        };
    }

    private Uni<?> publish(String type, Order order) {
        return outbox.publish(Topics.INVENTORY_FULFILMENT, order.id().toString(), new OrderEvent(type,
                order.id().toString(), order.customerId() == null ? null : order.customerId().toString(),
                order.status().name(), order.deliverToStoreId(),
                order.allocations().stream()
                        .map(a -> new OrderEvent.Allocation(a.locationId(), a.sku(), a.quantity()))
                        .toList(),
                order.total(), order.currency(), order.channel(), order.createdAt(), order.version()));
    }

    private Uni<Order> require(UUID id) {
        return orders.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No order " + id));
    }
}
