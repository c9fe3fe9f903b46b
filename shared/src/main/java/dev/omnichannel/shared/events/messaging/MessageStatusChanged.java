package dev.omnichannel.shared.events.messaging;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;

/**
 * A notification's delivery step on {@code messaging.events}, key the customer id.
 *
 * @param status   queued, sent, delivered, failed, opened, clicked (the type is {@code message.<status>})
 * @param channel  email, sms, push, whatsapp or in-app
 * @param trigger  what caused it: the id of the event or campaign
 */
public record MessageStatusChanged(String messageId, String customerId, String templateKey, String channel,
        String status, String trigger, Instant at) implements EventData {

    @Override
    public String eventType() {
        return "message." + status;
    }
}
