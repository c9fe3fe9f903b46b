package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A step of a click and collect reservation on {@code inventory.fulfilment}, key the reservation
 * id. {@code type} is one of the constants below; the data is the reservation after the step.
 *
 * @param channel      the channel the reservation was made on (web, mobile, kiosk, store, call-center)
 * @param holdType     cart, click-and-collect or endless-aisle
 * @param pickupWindow when it can be collected (click and collect), else null
 * @param version      increases with every step of this reservation: a consumer keeps the highest it saw
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
        String channel,
        String holdType,
        PickupWindow pickupWindow,
        Instant createdAt,
        long version) implements EventData {

    public static final String CONFIRMED = "reservation.confirmed";
    public static final String READY = "reservation.ready";
    public static final String EXTENDED = "reservation.extended";
    public static final String EXPIRING = "reservation.expiring";
    public static final String EXPIRED = "reservation.expired";
    public static final String CANCELLED = "reservation.cancelled";
    public static final String COLLECTED = "reservation.collected";

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    public record PickupWindow(Instant from, Instant to) {
    }

    /** Still holding stock for the customer: not yet collected, cancelled or expired. */
    public boolean active() {
        return "CONFIRMED".equals(status) || "READY".equals(status);
    }

    @Override
    public String eventType() {
        return type;
    }
}
