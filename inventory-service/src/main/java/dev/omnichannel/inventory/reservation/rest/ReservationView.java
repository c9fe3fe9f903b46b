package dev.omnichannel.inventory.reservation.rest;

import dev.omnichannel.inventory.reservation.domain.HoldType;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ReservationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as callers see it. Lines of one SKU are summed. {@code expiresAt} is null for an
 * endless-aisle hold; {@code pickupWindow} is set for click and collect. {@code version} is the one
 * the {@code reservation.*} event of the same step carries.
 */
public record ReservationView(
        UUID id,
        ReservationStatus status,
        HoldType holdType,
        UUID customerId,
        String storeId,
        List<Line> lines,
        String pickupCode,
        Instant expiresAt,
        PickupWindow pickupWindow,
        String channel,
        BigDecimal total,
        String currency,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    public record PickupWindow(Instant from, Instant to) {
    }

    public static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.id(), reservation.status(), reservation.holdType(),
                reservation.customerId(), reservation.storeId(),
                reservation.lines().stream().map(l -> new Line(l.sku(), l.quantity(), l.unitPrice())).toList(),
                reservation.pickupCode(), reservation.expiresAt(),
                reservation.pickupFrom() == null ? null : new PickupWindow(reservation.pickupFrom(), reservation.pickupTo()),
                reservation.channel(), reservation.total(), reservation.currency(), reservation.createdAt(),
                reservation.updatedAt(), reservation.version());
    }
}
