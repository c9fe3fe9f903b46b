package dev.omnichannel.messaging.delivery.service;

import dev.omnichannel.messaging.delivery.events.DeliveryLog;
import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivery status after sending, from provider receipts (webhooks) and tracked links: the
 * notification's status only moves forward (sent, delivered, opened, clicked), each step is counted
 * once; a provider's failure receipt gives the channel up and the next allowed one is tried.
 * Methods run in the caller's transaction.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Map<String, Integer> RANK = Map.of(
            NotificationEntity.QUEUED, 0, NotificationEntity.SENDING, 0, NotificationEntity.SENT, 1,
            NotificationEntity.DELIVERED, 2, NotificationEntity.OPENED, 3, NotificationEntity.CLICKED, 4);
    public static final List<String> RECEIPT_STATUSES = List.of(NotificationEntity.DELIVERED, NotificationEntity.FAILED,
            NotificationEntity.OPENED, NotificationEntity.CLICKED);

    private final NotificationRepository notifications;
    private final DeliveryLog deliveryLog;
    private final Clock clock;

    DeliveryService(NotificationRepository notifications, DeliveryLog deliveryLog, Clock clock) {
        this.notifications = notifications;
        this.deliveryLog = deliveryLog;
        this.clock = clock;
    }

    /** A tracked link followed: where to send the browser ({@code null} target for an open pixel). */
    public record Tracked(String kind, String target) {
    }

    /** A provider's receipt; false when no notification has this provider message id. */
    public Uni<Boolean> onReceipt(String channel, String providerMessageId, String status) {
        return notifications.byProviderMessageId(channel, providerMessageId).chain(notification -> notification == null
                ? Uni.createFrom().item(false)
                : apply(notification, channel, status).replaceWith(true));
    }

    /** An open pixel or click redirect; null when the token is unknown. */
    public Uni<Tracked> onTracked(String token) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT CAST(notification_id AS text), channel, kind, target FROM tracked_link WHERE token = ?1", Object[].class)
                .setParameter(1, token)
                .getSingleResultOrNull())
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().nullItem();
                    }
                    String channel = (String) row[1];
                    String kind = (String) row[2];
                    Tracked tracked = new Tracked(kind, (String) row[3]);
                    return notifications.findById(UUID.fromString((String) row[0])).chain(notification -> {
                        if (notification == null) {
                            return Uni.createFrom().item(tracked);
                        }
                        // a click proves the message was opened, even when its images were blocked
                        Uni<Void> opened = apply(notification, channel, NotificationEntity.OPENED);
                        return TrackedLinks.CLICK.equals(kind)
                                ? opened.chain(() -> apply(notification, channel, NotificationEntity.CLICKED)).replaceWith(tracked)
                                : opened.replaceWith(tracked);
                    });
                });
    }

    private Uni<Void> apply(NotificationEntity notification, String channel, String status) {
        Instant now = clock.instant();
        if (NotificationEntity.FAILED.equals(status)) {
            boolean current = channel.equals(notification.channel)
                    && (NotificationEntity.SENT.equals(notification.status) || NotificationEntity.DELIVERED.equals(notification.status));
            if (current) {
                // the provider accepted it, then could not deliver: fall back to the next allowed channel
                notification.addFailedChannel(channel);
                notification.status = NotificationEntity.QUEUED;
                notification.notBefore = now;
                notification.attempts = 0;
                notification.lastError = "the provider reported a delivery failure";
            }
            return deliveryLog.record(notification, channel, status, now).replaceWithVoid();
        }
        if (channel.equals(notification.channel) && RANK.getOrDefault(status, 0) > RANK.getOrDefault(notification.status, 0)) {
            notification.status = status;
        }
        return deliveryLog.record(notification, channel, status, now).replaceWithVoid();
    }
}
