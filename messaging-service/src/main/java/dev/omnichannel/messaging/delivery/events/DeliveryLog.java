package dev.omnichannel.messaging.delivery.events;

import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.messaging.MessageStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records each delivery step of a notification on a channel once (what analytics count) and
 * publishes it as {@link MessageStatusChanged} on {@code messaging.events}, in the caller's transaction;
 * counts it at /q/metrics ({@code messaging_messages_total} by channel and outcome: sent, failed, delivered...).
 */
@ApplicationScoped
public class DeliveryLog {

    private final Outbox outbox;
    private final MeterRegistry metrics;

    DeliveryLog(Outbox outbox, MeterRegistry metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** True if this step is new (a provider's repeated receipt changes nothing). */
    public Uni<Boolean> record(NotificationEntity notification, String channel, String status, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO message_status (notification_id, customer_id, template_key, channel, status, at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, notification.id).setParameter(2, notification.customerId)
                .setParameter(3, notification.templateKey).setParameter(4, channel).setParameter(5, status)
                .setParameter(6, at)
                .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : publish(notification, channel, status, at).invoke(() -> counter(channel, status).increment())
                                .replaceWith(true));
    }

    /** Publishes a step that is not counted per channel (queued; the final failure of a dead letter). */
    public Uni<Void> publish(NotificationEntity notification, String channel, String status, Instant at) {
        return outbox.publish(Topics.MESSAGING_EVENTS, notification.customerId, new MessageStatusChanged(
                notification.id.toString(), notification.customerId, notification.templateKey, channel, status,
                notification.triggerId, at)).replaceWithVoid();
    }

    private Counter counter(String channel, String status) {
        return Counter.builder("messaging.messages").description("Delivery steps of messages, by channel and outcome")
                .tag("channel", channel).tag("outcome", status).register(metrics);
    }
}
