package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each step of a reservation on {@code inventory.fulfilment}, keyed by the reservation id, through the
 * outbox: the whole reservation after the step, with the version the step gave it.
 */
@ApplicationScoped
class ReservationEvents {

    private final Outbox outbox;

    ReservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Reservation> publish(String type, Reservation reservation) {
        return outbox.publish(Topics.INVENTORY_FULFILMENT, reservation.id().toString(), new ReservationEvent(type,
                reservation.id().toString(),
                reservation.customerId() == null ? null : reservation.customerId().toString(),
                reservation.storeId(), reservation.status().name(),
                reservation.lines().stream()
                        .map(line -> new ReservationEvent.Line(line.sku(), line.quantity(), line.unitPrice()))
                        .toList(),
                reservation.total(), reservation.currency(), reservation.pickupCode(), reservation.expiresAt(),
                reservation.channel(), reservation.holdType().wireName(),
                reservation.pickupFrom() == null ? null
                        : new ReservationEvent.PickupWindow(reservation.pickupFrom(), reservation.pickupTo()),
                reservation.createdAt(), reservation.version()))
                .replaceWith(reservation);
    }
}
