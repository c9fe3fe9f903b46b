package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.service.StockLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The stock side of reservations: held, released or handed over, line by line. Rows are always
 * locked in (location, SKU) order, the order every transaction of the service uses, so two
 * transactions never wait for each other in a cycle.
 */
@ApplicationScoped
class ReservationStock {

    static final Comparator<Movement> LOCK_ORDER = Comparator.comparing(Movement::locationId).thenComparing(Movement::sku);

    private final StockLedger ledger;

    ReservationStock(StockLedger ledger) {
        this.ledger = ledger;
    }

    /** Releases the stock of each reservation (cancelled or expired). */
    Uni<Void> release(List<Reservation> reservations, String actor) {
        return applyAll(movements(reservations, line -> r -> Movement.release(line.sku(), r.storeId(), line.quantity(),
                r.id().toString(), actor)));
    }

    /** The reserved units leave the store with the customer. */
    Uni<Void> collect(Reservation reservation, String actor) {
        return applyAll(movements(List.of(reservation), line -> r -> Movement.collection(line.sku(), r.storeId(),
                line.quantity(), r.id().toString(), actor)));
    }

    private static List<Movement> movements(List<Reservation> reservations,
            Function<Reservation.Line, Function<Reservation, Movement>> movement) {
        return reservations.stream()
                .flatMap(r -> r.lines().stream().map(line -> movement.apply(line).apply(r)))
                .sorted(LOCK_ORDER)
                .toList();
    }

    private Uni<Void> applyAll(List<Movement> movements) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Movement movement : movements) {
            all = all.chain(() -> ledger.record(movement).invoke(level -> {
                if (level == null) {
                    throw new IllegalStateException("held stock is missing for " + movement);
                }
            })).replaceWithVoid();
        }
        return all;
    }
}
