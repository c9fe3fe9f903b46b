package dev.omnichannel.customer.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision PostgreSQL stores, so an answer and a later read of it agree. */
public final class Now {

    private Now() {
    }

    public static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
