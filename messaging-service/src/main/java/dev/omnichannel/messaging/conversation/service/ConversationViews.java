package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationMessageEntity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The API models of conversations. */
public final class ConversationViews {

    private ConversationViews() {
    }

    @RegisterForReflection
    public record StartRequest(@Size(max = 200) String subject, @NotBlank @Size(max = 10000) String text) {
    }

    @RegisterForReflection
    public record ReplyRequest(@NotBlank @Size(max = 10000) String text) {
    }

    @RegisterForReflection
    public record MessageView(String id, String channel, String author, String text, Instant sentAt) {

        static MessageView of(ConversationMessageEntity message) {
            return new MessageView(message.id.toString(), message.channel, message.author, message.text, message.sentAt);
        }
    }

    @RegisterForReflection
    public record Conversation(String id, String customerId, String subject, String topic, Instant createdAt,
            Instant lastMessageAt, long unread, List<MessageView> messages) {
    }

    @RegisterForReflection
    public record ConversationItem(String id, String subject, String topic, Instant lastMessageAt, long unread,
            MessageView lastMessage) {
    }

    /** What an inbound provider message became. */
    public record Inbound(String conversationId, String messageId, String customerId, boolean duplicate) {
    }
}
