package dev.omnichannel.inventory.fulfilment.service;

import dev.omnichannel.inventory.catalog.domain.PricedLines;
import dev.omnichannel.inventory.catalog.domain.UnitPrice;
import dev.omnichannel.inventory.catalog.service.PriceBook;
import dev.omnichannel.inventory.fulfilment.domain.AllocationMethod;
import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.inventory.fulfilment.rest.DeliverTo;
import dev.omnichannel.inventory.fulfilment.rest.OrderRequest;
import dev.omnichannel.inventory.location.domain.GeoPoint;
import dev.omnichannel.inventory.location.domain.Location;
import dev.omnichannel.inventory.location.repository.LocationRepository;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.stock.domain.StockLevel;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order a request makes, before anything is written: where it goes (a store that offers pickup,
 * or an address), what its lines cost, and which locations supply each part ({@link Sourcing}, from
 * the stock available now). A request no set of locations can supply is refused here.
 */
@ApplicationScoped
class OrderPlanner {

    private final LocationRepository locationRepository;
    private final LocationService locations;
    private final StockLevelRepository levels;
    private final PriceBook prices;

    OrderPlanner(LocationRepository locationRepository, LocationService locations, StockLevelRepository levels,
            PriceBook prices) {
        this.locationRepository = locationRepository;
        this.locations = locations;
        this.levels = levels;
        this.prices = prices;
    }

    Uni<Order> plan(OrderRequest request, Map<String, Integer> quantities, String channel) {
        return destination(request.deliverTo())
                .chain(store -> prices.unitPrices(quantities.keySet())
                        .chain(unitPrices -> candidates(store, request.deliverTo())
                                .chain(candidates -> levels.levelsOf(quantities.keySet())
                                        .map(found -> Sourcing.plan(quantities, candidates, byLocation(found))))
                                .map(plan -> order(request, store, quantities, unitPrices, plan, channel))));
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
}
