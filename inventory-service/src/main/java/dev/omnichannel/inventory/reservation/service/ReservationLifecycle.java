package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ReservationStatus;
import dev.omnichannel.inventory.reservation.events.ReservationEvents;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository;
import dev.omnichannel.inventory.reservation.rest.ReservationView;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a placed reservation: extended, cancelled, collected, made ready, each in its own
 * transaction, idempotent by key, with the event it publishes. When a step finds the reservation
 * in no state to take it, the reservation as it is says why.
 */
@ApplicationScoped
public class ReservationLifecycle {

    private final ReservationRepository reservations;
    private final ReservationQueries queries;
    private final ReservationStock stock;
    private final ReservationEvents events;
    private final IdempotentRequests idempotent;
    private final InventoryConfig.Holds holds;

    ReservationLifecycle(ReservationRepository reservations, ReservationQueries queries, ReservationStock stock,
            ReservationEvents events, IdempotentRequests idempotent, InventoryConfig config) {
        this.reservations = reservations;
        this.queries = queries;
        this.stock = stock;
        this.events = events;
        this.idempotent = idempotent;
        this.holds = config.holds();
    }

    @WithTransaction
    public Uni<ReservationView> extend(UUID id, int minutes, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /reservations/" + id + "/extend"),
                minutes, ReservationView.class, () -> reservations.extend(id, minutes, holds.cart().expiringNotice(),
                        holds.clickAndCollect().expiringNotice())
                        .chain(extended -> extended != null
                                ? events.publish(ReservationEvent.EXTENDED, extended)
                                : queries.require(id).map(ReservationLifecycle::whyNotExtended))
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
                                : queries.require(id).map(current -> {
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
                                : queries.require(id).map(current -> {
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
                                : queries.require(id).map(current -> {
                                    if (current.status() != ReservationStatus.READY) {
                                        throw notActive(current);
                                    }
                                    return current;
                                }))
                        .map(ReservationView::of));
    }

    private static ProblemException notActive(Reservation reservation) {
        String state = reservation.status().active() ? "EXPIRED" : reservation.status().name();
        return ProblemException.conflict("reservation-not-active",
                "Reservation " + reservation.id() + " is " + state, Map.of("status", state));
    }
}
