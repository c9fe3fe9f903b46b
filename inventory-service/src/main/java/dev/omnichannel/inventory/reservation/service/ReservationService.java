package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.reservation.domain.HoldType;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ReservationStatus;
import dev.omnichannel.inventory.reservation.events.ReservationEvents;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Lines;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.inventory.catalog.service.PriceBook;
import dev.omnichannel.inventory.catalog.domain.PricedLines;
import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.rest.ReservationRequest;
import dev.omnichannel.inventory.reservation.rest.ReservationView;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository;
import dev.omnichannel.inventory.reservation.repository.ReservationPlacements;
import dev.omnichannel.inventory.reservation.repository.ReservationPlacements.PickupCodeTaken;
import dev.omnichannel.inventory.stock.service.RequestStockVersions;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.OutboxRelay;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * full queue refuses at once (503 with Retry-After).
 */
@ApplicationScoped
public class ReservationService {

    private static final int PICKUP_CODE_ATTEMPTS = 5;

    private final ReservationRepository reservations;
    private final ReservationPlacements placements;
    private final ReservationStock stock;
    private final ReservationEvents events;
    private final PriceBook prices;
    private final IdempotentRequests idempotent;
    private final OutboxRelay relay;
    private final InventoryConfig.Holds holds;

    ReservationService(ReservationRepository reservations, ReservationPlacements placements, ReservationStock stock,
            ReservationEvents events, PriceBook prices, IdempotentRequests idempotent, OutboxRelay relay,
            InventoryConfig config) {
        this.reservations = reservations;
        this.placements = placements;
        this.stock = stock;
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

    @WithSession
    public Uni<ReservationView> get(UUID id) {
        return require(id).map(ReservationView::of);
    }

    @WithSession
    public Uni<Page<ReservationView>> ofCustomer(UUID customerId, boolean activeOnly, PageRequest page) {
        return reservations.countOfCustomer(customerId, activeOnly)
                .chain(total -> reservations.ofCustomer(customerId, activeOnly, page.offset(), page.size())
                        .map(found -> new Page<>(found.stream().map(ReservationView::of).toList(), page.page(),
                                page.size(), total)));
    }

    @WithSession
    public Uni<Page<ReservationView>> byPickupCode(String storeId, String pickupCode) {
        return reservations.activeByPickupCode(storeId, pickupCode.trim().toUpperCase())
                .map(found -> found == null
                        ? new Page<>(List.of(), 0, 1, 0)
                        : new Page<>(List.of(ReservationView.of(found)), 0, 1, 1));
    }

    @WithTransaction
    public Uni<ReservationView> extend(UUID id, int minutes, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/extend"),
                minutes, ReservationView.class, () -> reservations.extend(id, minutes, holds.cart().expiringNotice(),
                        holds.clickAndCollect().expiringNotice())
                        .chain(extended -> extended != null
                                ? events.publish(ReservationEvent.EXTENDED, extended)
                                : require(id).map(ReservationService::whyNotExtended))
                        .map(ReservationView::of));
    }

    private static Reservation whyNotExtended(Reservation reservation) {
        if (!reservation.status().active() || reservation.expiresAt() != null
                && !reservation.expiresAt().isAfter(Instant.now())) {
            throw notActive(reservation);
        }
        if (reservation.expiresAt() == null) {
            throw ProblemException.unprocessable("hold-without-expiry",
                    "An endless-aisle hold lasts until fulfilment; there is nothing to extend");
        }
        throw ProblemException.unprocessable("extension-limit-reached",
                "The hold already lasts as long as a " + reservation.holdType().wireName() + " hold may");
    }

    /** Cancels an active reservation and releases its stock; cancelling twice changes nothing. */
    @WithTransaction
    public Uni<ReservationView> cancel(UUID id, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("DELETE /reservations/" + id), id,
                ReservationView.class, () -> reservations.leaveActive(id, ReservationStatus.CANCELLED)
                        .chain(cancelled -> cancelled != null
                                ? stock.release(List.of(cancelled), caller.actor())
                                        .chain(() -> events.publish(ReservationEvent.CANCELLED, cancelled))
                                : require(id).map(current -> {
                                    if (current.status() != ReservationStatus.CANCELLED) {
                                        throw notActive(current);
                                    }
                                    return current;
                                }))
                        .map(ReservationView::of));
    }

    /** Handed to the customer who gave the pickup code: the units leave the store's stock. */
    @WithTransaction
    public Uni<ReservationView> collect(UUID id, String pickupCode, Caller caller) {
        String code = pickupCode.trim().toUpperCase();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/collect"), code,
                ReservationView.class, () -> reservations.collect(id, code)
                        .chain(collected -> collected != null
                                ? stock.collect(collected, caller.actor())
                                        .chain(() -> events.publish(ReservationEvent.COLLECTED, collected))
                                : require(id).map(current -> {
                                    if (current.status().active() && !current.pickupCode().equals(code)
                                            && (current.expiresAt() == null
                                                    || current.expiresAt().isAfter(Instant.now()))) {
                                        throw ProblemException.unprocessable("wrong-pickup-code",
                                                "The pickup code does not match this reservation");
                                    }
                                    throw notActive(current);
                                }))
                        .map(ReservationView::of));
    }

    /** The store has prepared it: the customer may come. */
    @WithTransaction
    public Uni<ReservationView> ready(UUID id, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/ready"), id,
                ReservationView.class, () -> reservations.markReady(id)
                        .chain(ready -> ready != null
                                ? events.publish(ReservationEvent.READY, ready)
                                : require(id).map(current -> {
                                    if (current.status() != ReservationStatus.READY) {
                                        throw notActive(current);
                                    }
                                    return current;
                                }))
                        .map(ReservationView::of));
    }

    private Uni<Reservation> require(UUID id) {
        return reservations.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No reservation " + id));
    }

    private static ProblemException notActive(Reservation reservation) {
        String state = reservation.status().active() ? "EXPIRED" : reservation.status().name();
        return ProblemException.conflict("reservation-not-active",
                "Reservation " + reservation.id() + " is " + state, Map.of("status", state));
    }
}
