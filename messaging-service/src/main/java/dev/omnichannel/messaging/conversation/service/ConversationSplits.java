package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a merge did to the duplicate's threads, kept so that undoing the merge gives them back: each
 * thread as it was (id, topic, subject, dates, read mark), the survivor's thread it was folded into
 * (none when it moved whole) and the messages that came from it (tables {@code merged_conversation},
 * {@code merged_message}). Runs in the caller's transaction.
 */
@ApplicationScoped
class ConversationSplits {

    /** One thread of the duplicate as the merge found it. */
    record Folded(UUID conversationId, String topic, String subject, Instant createdAt, Instant lastMessageAt,
            Instant customerReadAt, UUID foldedInto, Instant survivorReadAt, Instant mergedAt) {
    }

    /** Before the duplicate's thread moves: it, where it goes, and its messages. */
    Uni<Void> remember(String mergeId, String duplicateId, ConversationEntity thread, ConversationEntity into, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO merged_conversation (duplicate_id, conversation_id, merge_id, topic, subject, created_at,
                    last_message_at, customer_read_at, folded_into, survivor_read_at, merged_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (duplicate_id, conversation_id) DO NOTHING""")
                .setParameter(1, duplicateId).setParameter(2, thread.id).setParameter(3, mergeId)
                .setParameter(4, thread.topic).setParameter(5, thread.subject).setParameter(6, thread.createdAt)
                .setParameter(7, thread.lastMessageAt).setParameter(8, thread.customerReadAt)
                .setParameter(9, into == null ? null : into.id).setParameter(10, into == null ? null : into.customerReadAt)
                .setParameter(11, now)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        INSERT INTO merged_message (duplicate_id, message_id, conversation_id)
                        SELECT ?1, id, conversation_id FROM conversation_message WHERE conversation_id = ?2
                        ON CONFLICT (duplicate_id, message_id) DO NOTHING""")
                        .setParameter(1, duplicateId).setParameter(2, thread.id)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** The threads the merge took from the duplicate, still to give back. */
    Uni<List<Folded>> of(String duplicateId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT conversation_id, topic, subject, created_at, last_message_at, customer_read_at, folded_into,
                       survivor_read_at, merged_at
                FROM merged_conversation WHERE duplicate_id = ?1 ORDER BY created_at""", Object[].class)
                .setParameter(1, duplicateId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Folded(uuid(row[0]), (String) row[1], (String) row[2],
                        instant(row[3]), instant(row[4]), instant(row[5]), uuid(row[6]), instant(row[7]), instant(row[8])))
                        .toList());
    }

    /** The duplicate's thread again, as it was before the merge folded it into the survivor's. */
    Uni<Void> restore(String duplicateId, Folded folded) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO conversation (id, customer_id, topic, subject, created_at, last_message_at, customer_read_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, folded.conversationId()).setParameter(2, duplicateId).setParameter(3, folded.topic())
                .setParameter(4, folded.subject()).setParameter(5, folded.createdAt()).setParameter(6, folded.lastMessageAt())
                .setParameter(7, folded.customerReadAt())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Moves the messages that came from this thread of the duplicate into {@code target}; answers how many. */
    Uni<Integer> moveBack(String duplicateId, UUID conversationId, UUID target) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE conversation_message SET conversation_id = ?3
                WHERE id IN (SELECT message_id FROM merged_message WHERE duplicate_id = ?1 AND conversation_id = ?2)""")
                .setParameter(1, duplicateId).setParameter(2, conversationId).setParameter(3, target)
                .executeUpdate());
    }

    /** Messages written in {@code conversationId} that did not come from the duplicate (written after the merge). */
    Uni<Long> writtenSince(String duplicateId, UUID conversationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT count(*) FROM conversation_message m WHERE m.conversation_id = ?2
                AND NOT EXISTS (SELECT 1 FROM merged_message f WHERE f.duplicate_id = ?1 AND f.message_id = m.id)""", Long.class)
                .setParameter(1, duplicateId).setParameter(2, conversationId)
                .getSingleResult());
    }

    /** Moves what was written in the thread after the merge (not from the duplicate) into {@code target}. */
    Uni<Integer> moveWrittenSince(String duplicateId, UUID conversationId, UUID target) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE conversation_message m SET conversation_id = ?3 WHERE m.conversation_id = ?2
                AND NOT EXISTS (SELECT 1 FROM merged_message f WHERE f.duplicate_id = ?1 AND f.message_id = m.id)""")
                .setParameter(1, duplicateId).setParameter(2, conversationId).setParameter(3, target)
                .executeUpdate());
    }

    /** The latest message of a thread, or null when it has none. */
    Uni<Instant> lastMessageAt(UUID conversationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT max(sent_at) FROM conversation_message WHERE conversation_id = ?1", Object.class)
                .setParameter(1, conversationId)
                .getSingleResult())
                .map(ConversationSplits::instant);
    }

    /** The duplicate is itself again (undo) or gone (erasure): nothing is kept of what the merge moved. */
    Uni<Void> forget(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM merged_message WHERE duplicate_id = ?1").setParameter(1, customerId).executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM merged_conversation WHERE duplicate_id = ?1")
                        .setParameter(1, customerId).executeUpdate()))
                .replaceWithVoid();
    }

    private static UUID uuid(Object value) {
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.time.OffsetDateTime time -> time.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.LocalDateTime time -> time.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
