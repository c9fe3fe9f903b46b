package dev.omnichannel.inventory.fulfilment.service;

import dev.omnichannel.inventory.fulfilment.domain.AllocationMethod;
import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.repository.TransferRepository;
import dev.omnichannel.inventory.stock.service.StockLedger;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stock side of a fulfilment order: held at its sources when created; on shipping, transfer-out
 * (to a store) or sale (to a home) at the source; on delivery to a store, transfer-in there and held
 * again for the customer; collected there; released if cancelled before shipping. Rows are locked
 * in (location, SKU) order, like every transaction of the service.
 */
@ApplicationScoped
class OrderStock {

    private static final Comparator<Movement> LOCK_ORDER = Comparator.comparing(Movement::locationId)
            .thenComparing(Movement::sku);

    private final StockLedger ledger;
    private final TransferRepository transfers;

    OrderStock(StockLedger ledger, TransferRepository transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    /**
     * Holds every part at its source until fulfilment (a part taken meanwhile fails the whole order)
     * and plans the transfers to the delivery store.
     */
    Uni<Void> holdAtSources(Order order, String actor) {
        List<Movement> holds = order.allocations().stream()
                .map(a -> Movement.reservation(a.sku(), a.locationId(), a.quantity(), order.id().toString(), actor))
                .sorted(LOCK_ORDER)
                .toList();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Movement hold : holds) {
            all = all.chain(() -> ledger.record(hold).invoke(level -> {
                if (level == null) {
                    throw ProblemException.conflict("insufficient-stock", "The stock of " + hold.sku() + " at "
                            + hold.locationId() + " was just taken; nothing was reserved, try again",
                            Map.of("lines", List.of(new Sourcing.Shortage(hold.sku(), hold.quantity(), 0))));
                }
            })).replaceWithVoid();
        }
        return all.chain(() -> planTransfers(order, actor));
    }

    private Uni<Void> planTransfers(Order order, String actor) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Order.Allocation allocation : order.allocations()) {
            if (allocation.method() == AllocationMethod.TRANSFER) {
                all = all.chain(() -> transfers.insert(UUID.randomUUID(), allocation.locationId(), order.deliverToStoreId(),
                        allocation.sku(), allocation.quantity(), "PLANNED", order.id(), actor)).replaceWithVoid();
            }
        }
        return all;
    }

    Uni<Void> move(Order order, OrderStatus next, String actor) {
        String reference = order.id().toString();
        String store = order.deliverToStoreId();
        List<Movement> movements = new ArrayList<>();
        Uni<Integer> transfersMoved = Uni.createFrom().item(0);
        switch (next) {
            case SHIPPED -> {
                for (Order.Allocation a : order.allocations()) {
                    switch (a.method()) {
                        case TRANSFER -> movements.add(Movement.transferOutOfReserved(a.sku(), a.locationId(), a.quantity(), reference, actor));
                        case SHIPMENT -> movements.add(Movement.saleOfReserved(a.sku(), a.locationId(), a.quantity(), reference, actor));
                        case IN_STORE -> {
                        }
                    }
                }
                transfersMoved = transfers.advanceForOrder(order.id(), "PLANNED", "IN_TRANSIT");
            }
            case DELIVERED -> {
                for (Order.Allocation a : order.allocations()) {
                    if (a.method() == AllocationMethod.TRANSFER) {
                        // received at the store, then held there for the customer
                        movements.add(Movement.transferIn(a.sku(), store, a.quantity(), reference, actor));
                        movements.add(Movement.reservation(a.sku(), store, a.quantity(), reference, actor));
                    }
                }
                transfersMoved = transfers.advanceForOrder(order.id(), "IN_TRANSIT", "RECEIVED");
            }
            case COLLECTED -> order.lines().forEach(line ->
                    movements.add(Movement.collection(line.sku(), store, line.quantity(), reference, actor)));
            case CANCELLED -> {
                order.allocations().forEach(a ->
                        movements.add(Movement.release(a.sku(), a.locationId(), a.quantity(), reference, actor)));
                transfersMoved = transfers.advanceForOrder(order.id(), "PLANNED", "CANCELLED");
            }
            case CREATED -> throw new IllegalStateException("an order is never created again");
        }
        Uni<Void> all = transfersMoved.replaceWithVoid();
        for (Movement movement : movements.stream().sorted(LOCK_ORDER).toList()) {
            all = all.chain(() -> ledger.record(movement).invoke(level -> {
                if (level == null) {
                    throw new IllegalStateException("stock of order " + order.id() + " is missing for " + movement);
                }
            })).replaceWithVoid();
        }
        return all;
    }

}
