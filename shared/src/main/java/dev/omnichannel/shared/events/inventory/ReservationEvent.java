package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A step of a click and collect reservation on {@code inventory.fulfilment}, key the reservation
 * id. {@code type} is one of the constants below; the data is the reservation after the step.
 *
 * @param channel the channel the reservation was made on (web, mobile, kiosk, store, call-center)
 */
public record ReservationEvent(
        String type,
        String reservationId,
        String customerId,
        String storeId,
        String status,
        List<Line> lines,
        BigDecimal total,
        String currency,
        String pickupCode,
        Instant expiresAt,
        String channel) implements EventData {

    public static final String CONFIRMED = "reservation.confirmed";
    public static final String READY = "reservation.ready";
    public static final String EXTENDED = "reservation.extended";
    public static final String EXPIRING = "reservation.expiring";
    public static final String EXPIRED = "reservation.expired";
    public static final String CANCELLED = "reservation.cancelled";
    public static final String COLLECTED = "reservation.collected";

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    @Override
    public String eventType() {
        return type;
    }
}
