package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.catalog.domain.PricedLines;
import dev.omnichannel.inventory.catalog.service.PriceBook;
import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.domain.HoldType;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ReservationStatus;
import dev.omnichannel.inventory.reservation.events.ReservationEvents;
import dev.omnichannel.inventory.reservation.repository.ReservationPlacements.PickupCodeTaken;
import dev.omnichannel.inventory.reservation.repository.ReservationPlacements;
import dev.omnichannel.inventory.reservation.rest.ReservationRequest;
import dev.omnichannel.inventory.reservation.rest.ReservationView;
import dev.omnichannel.inventory.stock.service.RequestStockVersions;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Lines;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.OutboxRelay;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Click and collect: all lines held at the chosen store or none, never oversold. A new reservation
 * is priced (a read, nothing locked), then placed in ONE statement, the database function
 * {@code place_reservation}: the idempotency key, the reservation with its lines and its
 * {@code reservation.confirmed} event, then each SKU's hold in SKU order, committed by the database
 * right after. A hot stock row is locked for that tail only, never across a round trip to this
 * service, whose event loop answers late when it is busy: how long the row stays locked no longer
 * depends on how loaded the service is. Holds beyond what the service takes at once queue, and a
 * full queue refuses at once (503 with Retry-After); the bulkhead's settings are keyed by this
 * class and method ({@code ReservationService/create/Bulkhead}). A placed reservation is read through
 * {@link ReservationQueries} and taken through its later steps by {@link ReservationLifecycle}.
 */
@ApplicationScoped
public class ReservationService {

    private static final int PICKUP_CODE_ATTEMPTS = 5;

    private final ReservationPlacements placements;
    private final ReservationEvents events;
    private final PriceBook prices;
    private final IdempotentRequests idempotent;
    private final OutboxRelay relay;
    private final InventoryConfig.Holds holds;

    ReservationService(ReservationPlacements placements, ReservationEvents events, PriceBook prices,
            IdempotentRequests idempotent, OutboxRelay relay, InventoryConfig config) {
        this.placements = placements;
        this.events = events;
        this.prices = prices;
        this.idempotent = idempotent;
        this.relay = relay;
        this.holds = config.holds();
    }

    @Bulkhead(value = 32, waitingTaskQueue = 1024)
    public Uni<ReservationView> create(ReservationRequest request, Caller caller) {
        Map<String, Integer> quantities = Lines.summedBySku(request.lines());
        HoldType holdType = request.holdType() == null ? HoldType.CLICK_AND_COLLECT : HoldType.fromWireName(request.holdType());
        String requestHash = idempotent.requestHash(caller.idempotencyKey(), request);
        return Panache.withSession(() -> prices.atStore(request.storeId(), quantities.keySet()))
                .map(atStore -> {
                    if (atStore.pickup() == null) {
                        throw ProblemException.notFound("No location " + request.storeId());
                    }
                    if (!atStore.pickup()) {
                        throw ProblemException.unprocessable("no-pickup", "Store " + request.storeId() + " does not offer pickup");
                    }
                    return PricedLines.of(quantities, atStore.prices());
                })
                .chain(priced -> place(request, holdType, priced, caller, requestHash, 1));
    }

    private Uni<ReservationView> place(ReservationRequest request, HoldType holdType, PricedLines priced, Caller caller,
            String requestHash, int attempt) {
        Reservation reservation = confirmed(request, holdType, priced, caller.channel());
        ReservationView answer = ReservationView.of(reservation);
        relay.wakeUp();
        return placements.place(caller.scope("POST /reservations"), caller.idempotencyKey(), requestHash,
                        idempotent.stored(answer), reservation, events.confirmed(reservation), caller.actor())
                .map(outcome -> switch (outcome) {
                    case ReservationPlacements.Placed placed -> {
                        RequestStockVersions.changed(placed.stockVersions());
                        yield answer;
                    }
                    case ReservationPlacements.Replayed replayed -> idempotent.replayed(replayed.answer(), ReservationView.class);
                })
                .onFailure(PickupCodeTaken.class).recoverWithUni(taken -> attempt < PICKUP_CODE_ATTEMPTS
                        ? place(request, holdType, priced, caller, requestHash, attempt + 1)
                        : Uni.createFrom().failure(new IllegalStateException("no free pickup code at " + request.storeId())));
    }

    /** The reservation as it is placed: its times from this service's clock, to the database's precision. */
    private Reservation confirmed(ReservationRequest request, HoldType holdType, PricedLines priced, String channel) {
        InventoryConfig.Hold hold = switch (holdType) {
            case CART -> holds.cart();
            case CLICK_AND_COLLECT -> holds.clickAndCollect();
            case ENDLESS_AISLE -> null;
        };
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = hold == null ? null : now.plus(hold.duration());
        boolean pickup = holdType == HoldType.CLICK_AND_COLLECT;
        return new Reservation(UUID.randomUUID(), request.customerId(), request.storeId(), ReservationStatus.CONFIRMED,
                holdType, PickupCodes.next(), expiresAt, hold == null ? null : now.plus(hold.maxDuration()),
                pickup ? now.plus(holds.clickAndCollect().preparation()) : null, pickup ? expiresAt : null,
                priced.total(), priced.currency(), channel, now, now, 1,
                priced.lines().stream().map(line -> new Reservation.Line(line.sku(), line.quantity(), line.unitPrice()))
                        .toList());
    }
}
