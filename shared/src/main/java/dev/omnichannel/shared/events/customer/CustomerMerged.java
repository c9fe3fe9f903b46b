package dev.omnichannel.shared.events.customer;

import dev.omnichannel.shared.events.EventData;

/**
 * {@code customer.merged}: {@code duplicateId} is now {@code survivorId}; everything keyed by the
 * duplicate (conversations, inbox, reservations' owner) follows the survivor. Keyed by the survivor.
 */
public record CustomerMerged(String mergeId, String survivorId, String duplicateId) implements EventData {

    public static final String TYPE = "customer.merged";

    @Override
    public String eventType() {
        return TYPE;
    }
}
