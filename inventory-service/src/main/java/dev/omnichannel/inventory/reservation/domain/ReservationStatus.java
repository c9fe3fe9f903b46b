package dev.omnichannel.inventory.reservation.domain;

import java.util.Set;

/** CONFIRMED (stock held) → READY (prepared in store) → COLLECTED; or CANCELLED / EXPIRED (stock released). */
public enum ReservationStatus {
    CONFIRMED,
    READY,
    COLLECTED,
    CANCELLED,
    EXPIRED;

    /** The statuses that hold stock. */
    public static final Set<ReservationStatus> ACTIVE = Set.of(CONFIRMED, READY);

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
