package dev.omnichannel.shared.events.customer;

import dev.omnichannel.shared.events.EventData;

/** {@code customer.merge-undone}: {@code restoredId} exists again, apart from {@code survivorId}. */
public record CustomerMergeUndone(String mergeId, String survivorId, String restoredId) implements EventData {

    public static final String TYPE = "customer.merge-undone";

    @Override
    public String eventType() {
        return TYPE;
    }
}
