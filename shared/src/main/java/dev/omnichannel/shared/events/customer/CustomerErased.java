package dev.omnichannel.shared.events.customer;

import dev.omnichannel.shared.events.EventData;

/** {@code customer.erased} (GDPR): every service removes the personal data it holds for this customer. */
public record CustomerErased(String customerId) implements EventData {

    public static final String TYPE = "customer.erased";

    @Override
    public String eventType() {
        return TYPE;
    }
}
