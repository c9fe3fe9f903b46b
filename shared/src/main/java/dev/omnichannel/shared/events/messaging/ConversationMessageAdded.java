package dev.omnichannel.shared.events.messaging;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;

/**
 * {@code conversation.message-added} on {@code messaging.events}, key the customer id.
 *
 * @param channel the channel the message came or went on (email, sms, whatsapp, social, web, mobile, store...)
 * @param author  {@code customer}, {@code staff} or {@code system}
 */
public record ConversationMessageAdded(String conversationId, String messageId, String customerId, String channel,
        String author, Instant at) implements EventData {

    public static final String TYPE = "conversation.message-added";

    @Override
    public String eventType() {
        return TYPE;
    }
}
