package dev.omnichannel.inventory.reservation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as stored, with its lines (one per SKU, in SKU order). {@code version} is 1 when it
 * is confirmed and increases by one with every change of its row.
 */
public record Reservation(
        UUID id,
        UUID customerId,
        String storeId,
        ReservationStatus status,
        HoldType holdType,
        String pickupCode,
        Instant expiresAt,
        Instant maxExpiresAt,
        Instant pickupFrom,
        Instant pickupTo,
        BigDecimal total,
        String currency,
        String channel,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<Line> lines) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    public Reservation withLines(List<Line> newLines) {
        return new Reservation(id, customerId, storeId, status, holdType, pickupCode, expiresAt, maxExpiresAt,
                pickupFrom, pickupTo, total, currency, channel, createdAt, updatedAt, version, newLines);
    }
}
