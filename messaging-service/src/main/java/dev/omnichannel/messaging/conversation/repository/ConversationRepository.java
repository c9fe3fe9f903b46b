package dev.omnichannel.messaging.conversation.repository;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import dev.omnichannel.messaging.conversation.domain.ConversationMessageEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<ConversationEntity, UUID> {

    public Uni<ConversationEntity> byTopic(String customerId, String topic) {
        return find("customerId = ?1 and topic = ?2", customerId, topic).firstResult();
    }

    public Uni<ConversationEntity> latest(String customerId) {
        return find("customerId", Sort.descending("lastMessageAt"), customerId).firstResult();
    }

    public Uni<ConversationEntity> provisionalByTopic(String address, String topic) {
        return find("customerId is null and provisionalAddress = ?1 and topic = ?2", address, topic).firstResult();
    }

    public Uni<ConversationEntity> provisionalLatest(String address) {
        return find("customerId is null and provisionalAddress = ?1", Sort.descending("lastMessageAt"), address).firstResult();
    }

    public Uni<List<ConversationEntity>> provisionalOf(List<String> addresses) {
        return list("customerId is null and provisionalAddress in ?1", addresses);
    }

    public Uni<List<ConversationEntity>> ofCustomer(String customerId) {
        return list("customerId", Sort.descending("lastMessageAt"), customerId);
    }

    /** Creates the customer's thread on a topic unless a concurrent call just did; true if created. */
    public Uni<Boolean> insertForCustomer(UUID id, String customerId, String topic, String subject, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO conversation (id, customer_id, topic, subject, created_at, last_message_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                ON CONFLICT (customer_id, topic) WHERE customer_id IS NOT NULL DO NOTHING""")
                .setParameter(1, id).setParameter(2, customerId).setParameter(3, topic).setParameter(4, subject)
                .setParameter(5, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Boolean> insertProvisional(UUID id, String address, String topic, String subject, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO conversation (id, provisional_address, topic, subject, created_at, last_message_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                ON CONFLICT (provisional_address, topic) WHERE customer_id IS NULL DO NOTHING""")
                .setParameter(1, id).setParameter(2, address).setParameter(3, topic).setParameter(4, subject)
                .setParameter(5, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Adds a message unless the provider already delivered it (same channel and provider id); true if added. */
    public Uni<Boolean> insertMessage(ConversationMessageEntity message) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO conversation_message (id, conversation_id, channel, author, author_ref, text, sent_at, provider_message_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT ON CONSTRAINT conversation_message_once_per_provider_id DO NOTHING""")
                .setParameter(1, message.id).setParameter(2, message.conversationId).setParameter(3, message.channel)
                .setParameter(4, message.author).setParameter(5, message.authorRef).setParameter(6, message.text)
                .setParameter(7, message.sentAt).setParameter(8, message.providerMessageId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<ConversationMessageEntity> messageByProviderId(String channel, String providerMessageId) {
        return ConversationMessageEntity.<ConversationMessageEntity>find("channel = ?1 and providerMessageId = ?2", channel,
                providerMessageId).firstResult();
    }

    public Uni<List<ConversationMessageEntity>> messages(UUID conversationId) {
        return ConversationMessageEntity.<ConversationMessageEntity>list("conversationId",
                Sort.ascending("sentAt").and("id"), conversationId);
    }

    public Uni<List<ConversationMessageEntity>> latestMessages(String customerId, int count) {
        return ConversationMessageEntity.<ConversationMessageEntity>find(
                "conversationId in (select c.id from ConversationEntity c where c.customerId = ?1)",
                Sort.descending("sentAt"), customerId).range(0, count - 1).list();
    }

    /** Messages from the retailer the customer has not read yet, in one thread. */
    public Uni<Long> unread(ConversationEntity conversation) {
        return conversation.customerReadAt == null
                ? ConversationMessageEntity.count("conversationId = ?1 and author <> 'customer'", conversation.id)
                : ConversationMessageEntity.count("conversationId = ?1 and author <> 'customer' and sentAt > ?2",
                        conversation.id, conversation.customerReadAt);
    }

    /** Forgets the answers kept for Idempotency-Key retries of conversation writes that show a message of these threads. */
    public Uni<Void> forgetAnswersShowing(List<UUID> conversationIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                DELETE FROM idempotency_record r WHERE r.scope LIKE 'conversation:%' AND EXISTS (
                  SELECT 1 FROM conversation_message m
                  WHERE m.conversation_id = ANY(CAST(string_to_array(?1, ',') AS uuid[])) AND strpos(r.response, m.id::text) > 0)""")
                .setParameter(1, String.join(",", conversationIds.stream().map(UUID::toString).toList()))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Moves every message of {@code from} into {@code into} and removes {@code from}. */
    public Uni<Void> fold(ConversationEntity from, ConversationEntity into) {
        if (from.lastMessageAt.isAfter(into.lastMessageAt)) {
            into.lastMessageAt = from.lastMessageAt;
        }
        into.customerReadAt = from.customerReadAt == null || into.customerReadAt == null ? null
                : from.customerReadAt.isBefore(into.customerReadAt) ? from.customerReadAt : into.customerReadAt;
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE conversation_message SET conversation_id = ?2 WHERE conversation_id = ?1")
                .setParameter(1, from.id).setParameter(2, into.id).executeUpdate())
                .chain(() -> delete(from))
                .chain(() -> Panache.flush());
    }
}
