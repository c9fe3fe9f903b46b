package dev.omnichannel.messaging.notification.repository;

import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, UUID> {

    /**
     * What the inbox lists: every message sent to the customer, whatever its channel;
     * {@link NotificationEntity#inInbox()} says the same of one notification.
     */
    private static final String INBOX = "customerId = ?1 and sentAt is not null";

    /** Inserts unless this trigger already produced a notification for this customer; true if inserted. */
    public Uni<Boolean> insertOnce(UUID id, String customerId, String templateKey, String triggerId, String data,
            boolean critical, Instant notBefore, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO notification (id, customer_id, template_key, trigger_id, data, critical, status, not_before, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', ?7, ?8)
                ON CONFLICT ON CONSTRAINT notification_once_per_trigger DO NOTHING""")
                .setParameter(1, id).setParameter(2, customerId).setParameter(3, templateKey).setParameter(4, triggerId)
                .setParameter(5, data).setParameter(6, critical).setParameter(7, notBefore).setParameter(8, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<List<NotificationEntity>> inbox(String customerId, int page, int size) {
        return find(INBOX, Sort.descending("sentAt").and("id"), customerId).page(Page.of(page, size)).list();
    }

    /** One message of the customer's inbox, or null (unknown, someone else's, or not sent yet). */
    public Uni<NotificationEntity> inInbox(String customerId, UUID id) {
        return find("id = ?2 and " + INBOX, customerId, id).firstResult();
    }

    public Uni<Long> inboxSize(String customerId) {
        return count(INBOX, customerId);
    }

    public Uni<Long> inboxUnread(String customerId) {
        return count(INBOX + " and readAt is null", customerId);
    }

    public Uni<NotificationEntity> byProviderMessageId(String channel, String providerMessageId) {
        return find("channel = ?1 and providerMessageId = ?2", channel, providerMessageId).firstResult();
    }

    /** Notifications of a merged-away customer follow the survivor (inbox, pending sends, history). */
    public Uni<Void> reassign(String duplicateId, String survivorId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE notification n SET customer_id = ?2 WHERE customer_id = ?1
                AND NOT EXISTS (SELECT 1 FROM notification s WHERE s.customer_id = ?2 AND s.trigger_id = n.trigger_id)""")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate()
                // the same trigger reached both: the survivor's copy is the one sent; a sent duplicate stays as history
                .chain(() -> session.createNativeQuery(
                        "DELETE FROM notification WHERE customer_id = ?1 AND status IN ('queued', 'sending')")
                        .setParameter(1, duplicateId).executeUpdate())
                .chain(() -> session.createNativeQuery("""
                        UPDATE message_status SET customer_id = n.customer_id FROM notification n
                        WHERE n.id = message_status.notification_id AND message_status.customer_id = ?1""")
                        .setParameter(1, duplicateId).executeUpdate())
                .replaceWithVoid());
    }

    /**
     * Erasure: pending messages are dropped; sent ones keep their counts but lose content and addresses,
     * and the tracked links of what they said (an open or a click of them no longer records anything).
     */
    public Uni<Void> erase(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM notification WHERE customer_id = ?1 AND status IN ('queued', 'sending')")
                .setParameter(1, customerId).executeUpdate()
                .chain(() -> session.createNativeQuery(
                        "DELETE FROM tracked_link WHERE notification_id IN (SELECT id FROM notification WHERE customer_id = ?1)")
                        .setParameter(1, customerId).executeUpdate())
                .chain(() -> session.createNativeQuery("""
                        UPDATE notification SET data = '{}', address = NULL, title = NULL, body = NULL, link = NULL,
                        last_error = NULL WHERE customer_id = ?1""")
                        .setParameter(1, customerId).executeUpdate())
                .replaceWithVoid());
    }
}
