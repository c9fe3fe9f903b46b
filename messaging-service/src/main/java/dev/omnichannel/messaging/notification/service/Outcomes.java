package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.delivery.events.DeliveryLog;
import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What becomes of a notification the {@link Dispatcher} handles: sent, retried with backoff, its channel
 * given up (the next one tried at once), put back in the queue, or dead-lettered — with the delivery log
 * and the customer's summary when its inbox changes. Runs in the caller's transaction; the outcome of a
 * send is recorded only if the notification is still this run's.
 */
@ApplicationScoped
class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class);

    private final NotificationRepository repository;
    private final DeliveryLog deliveryLog;
    private final CustomerSummaries summaries;
    private final MessagingConfig config;
    private final Clock clock;

    Outcomes(NotificationRepository repository, DeliveryLog deliveryLog, CustomerSummaries summaries, MessagingConfig config,
            Clock clock) {
        this.repository = repository;
        this.deliveryLog = deliveryLog;
        this.summaries = summaries;
        this.config = config;
        this.clock = clock;
    }

    Uni<Void> record(Attempt attempt, Outcome outcome) {
        return repository.findById(attempt.notificationId()).chain(notification -> {
            if (notification == null || !NotificationEntity.SENDING.equals(notification.status)) {
                return Uni.createFrom().voidItem(); // taken over after its lease ended
            }
            Instant now = clock.instant();
            String channel = attempt.message().channel().wireName();
            boolean inInbox = notification.inInbox();
            notification.leaseUntil = null;
            if (outcome.sent()) {
                notification.status = NotificationEntity.SENT;
                notification.providerMessageId = outcome.providerMessageId();
                notification.sentAt = now;
                notification.attempts = 0;
                notification.lastError = null;
                return deliveryLog.record(notification, channel, NotificationEntity.SENT, now)
                        .chain(() -> inboxChanged(notification, inInbox));
            }
            notification.attempts++;
            if (notification.attempts < config.retry().maxAttempts()) {
                notification.status = NotificationEntity.QUEUED;
                notification.notBefore = now.plus(backoff(notification.attempts));
                notification.lastError = truncate(outcome.error());
                return Uni.createFrom().voidItem();
            }
            return failChannel(notification, channel, outcome.error(), now);
        });
    }

    /** Sent for the first time (on any channel): the customer's summary counts their inbox. */
    Uni<Void> inboxChanged(NotificationEntity notification, boolean wasInInbox) {
        return notification.inInbox() != wasInInbox ? summaries.publish(notification.customerId) : Uni.createFrom().voidItem();
    }

    /** The channel is given up for this notification: the next allowed one is tried at once. */
    Uni<Void> failChannel(NotificationEntity notification, String channel, String error, Instant now) {
        notification.addFailedChannel(channel);
        notification.attempts = 0;
        notification.status = NotificationEntity.QUEUED;
        notification.notBefore = now;
        notification.leaseUntil = null;
        notification.lastError = truncate(error);
        return deliveryLog.record(notification, channel, NotificationEntity.FAILED, now).replaceWithVoid();
    }

    Uni<Attempt> requeue(NotificationEntity notification, Instant notBefore) {
        notification.status = NotificationEntity.QUEUED;
        notification.notBefore = notBefore;
        notification.leaseUntil = null;
        return Uni.createFrom().nullItem();
    }

    Uni<Attempt> deadLetter(NotificationEntity notification, String reason, Instant now) {
        notification.status = NotificationEntity.FAILED;
        notification.leaseUntil = null;
        notification.lastError = truncate(reason);
        LOG.warnf("notification %s to %s dead-lettered: %s", notification.id, notification.customerId, reason);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO dead_letter (notification_id, customer_id, template_key, tried_channels, reason, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, notification.id).setParameter(2, notification.customerId)
                .setParameter(3, notification.templateKey).setParameter(4, notification.failedChannels)
                .setParameter(5, notification.lastError).setParameter(6, now)
                .executeUpdate())
                .chain(() -> deliveryLog.publish(notification, notification.channel, NotificationEntity.FAILED, now))
                .replaceWith((Attempt) null);
    }

    private Duration backoff(int attempts) {
        Duration backoff = config.retry().initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(config.retry().maxBackoff()) > 0 ? config.retry().maxBackoff() : backoff;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
