package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import dev.omnichannel.messaging.conversation.domain.ConversationMessageEntity;
import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.messaging.ConversationMessageAdded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a message goes and how it is added: the customer's thread on a topic (created by its first
 * message), the thread an inbound message continues, a provisional thread for an unknown sender, and
 * the message itself, published to {@code messaging.events}. Runs in the caller's transaction.
 */
@ApplicationScoped
class ConversationThreads {

    private final ConversationRepository repository;
    private final Outbox outbox;

    ConversationThreads(ConversationRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    Uni<ConversationEntity> inboundThread(String customerId, String subject, Instant now) {
        String topic = ConversationTopic.of(subject);
        return repository.byTopic(customerId, topic)
                .chain(byTopic -> byTopic != null ? Uni.createFrom().item(byTopic) : repository.latest(customerId))
                .chain(thread -> thread != null ? Uni.createFrom().item(thread) : customerThread(customerId, topic, subject, now));
    }

    Uni<ConversationEntity> customerThread(String customerId, String topic, String subject, Instant now) {
        return repository.byTopic(customerId, topic).chain(existing -> existing != null
                ? Uni.createFrom().item(existing)
                : repository.insertForCustomer(UUID.randomUUID(), customerId, topic, blankToNull(subject), now)
                        .chain(() -> repository.byTopic(customerId, topic)));
    }

    Uni<ConversationEntity> provisionalThread(String address, String subject, Instant now) {
        String topic = ConversationTopic.of(subject);
        return repository.provisionalByTopic(address, topic)
                .chain(byTopic -> byTopic != null ? Uni.createFrom().item(byTopic) : repository.provisionalLatest(address))
                .chain(thread -> thread != null ? Uni.createFrom().item(thread)
                        : repository.insertProvisional(UUID.randomUUID(), address, topic, blankToNull(subject), now)
                                .chain(() -> repository.provisionalByTopic(address, topic)));
    }

    /** Adds a message and publishes it; null when the provider already delivered this one. */
    Uni<ConversationMessageEntity> add(ConversationEntity thread, String channel, String author, String authorRef,
            String text, Instant at, String providerMessageId) {
        ConversationMessageEntity message = new ConversationMessageEntity();
        message.id = UUID.randomUUID();
        message.conversationId = thread.id;
        message.channel = channel;
        message.author = author;
        message.authorRef = authorRef;
        message.text = text;
        message.sentAt = at;
        message.providerMessageId = providerMessageId;
        return repository.insertMessage(message).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().nullItem();
            }
            if (at.isAfter(thread.lastMessageAt)) {
                thread.lastMessageAt = at;
            }
            // keyed by customer; a provisional thread's sender is not known yet, and its address is no key to publish
            String key = thread.customerId != null ? thread.customerId : thread.id.toString();
            return outbox.publish(Topics.MESSAGING_EVENTS, key, new ConversationMessageAdded(thread.id.toString(),
                    message.id.toString(), thread.customerId, channel, author, at)).replaceWith(message);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
