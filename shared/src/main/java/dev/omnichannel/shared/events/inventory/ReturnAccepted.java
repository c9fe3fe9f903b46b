package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;

/**
 * {@code return.accepted} on {@code inventory.fulfilment}, key the return id.
 *
 * @param condition   {@code resaleable} (back into available stock) or {@code damaged} (non-sellable)
 * @param originalRef the reservation or order it comes from, when known
 * @param customerId  the customer of the original purchase, when known
 */
public record ReturnAccepted(String returnId, String storeId, String sku, int quantity, String condition,
        String originalRef, String customerId, String channel) implements EventData {

    public static final String TYPE = "return.accepted";

    @Override
    public String eventType() {
        return TYPE;
    }
}
