package dev.omnichannel.shared.events.customer;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;

/** {@code customer.consent-changed}: a consent given or withdrawn for one message channel. */
public record ConsentChanged(String customerId, String channel, boolean granted, Instant at, String givenOn)
        implements EventData {

    public static final String TYPE = "customer.consent-changed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
