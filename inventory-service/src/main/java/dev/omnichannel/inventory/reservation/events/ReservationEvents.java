package dev.omnichannel.inventory.reservation.events;

import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.data.outbox.OutboxEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Each step of a reservation on {@code inventory.fulfilment}, keyed by the reservation id, through the outbox. */
@ApplicationScoped
public class ReservationEvents {

    private final Outbox outbox;

    ReservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Reservation> publish(String type, Reservation reservation) {
        return outbox.publish(Topics.INVENTORY_FULFILMENT, reservation.id().toString(), eventOf(type, reservation))
                .replaceWith(reservation);
    }

    /** The outbox row of {@code reservation.confirmed}, written by the statement that places the reservation. */
    public OutboxEvent confirmed(Reservation reservation) {
        return outbox.row(Topics.INVENTORY_FULFILMENT, reservation.id().toString(),
                eventOf(ReservationEvent.CONFIRMED, reservation));
    }

    private static ReservationEvent eventOf(String type, Reservation reservation) {
        return new ReservationEvent(type,
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
                reservation.createdAt(), reservation.version());
    }
}
