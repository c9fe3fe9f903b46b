package dev.omnichannel.shared.events.interaction;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;

/**
 * {@code interaction.recorded} on {@code interactions}, key the customer id: something a customer
 * did on a channel, as the gateway saw it.
 *
 * @param kind {@code product-view}, {@code cart-change}, {@code wishlist-change}, {@code store-visit}
 *             (identified at a kiosk or by staff), {@code qr-scan}, {@code login}
 */
public record InteractionRecorded(String customerId, String channel, String kind, String sku, String storeId,
        Integer quantity, Instant at) implements EventData {

    public static final String TYPE = "interaction.recorded";

    @Override
    public String eventType() {
        return TYPE;
    }
}
