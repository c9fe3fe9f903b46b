package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.delivery.events.DeliveryLog;
import dev.omnichannel.messaging.channel.service.ChannelSenders;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.service.TemplateService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.TemplateException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Sends due notifications. Safe with several replicas: each run claims a batch of due rows with
 * {@code FOR UPDATE SKIP LOCKED} and marks them {@code sending} with a lease, in one short
 * transaction; the send happens outside any transaction and its outcome is recorded only if the row
 * is still this run's. A replica that dies mid-batch leaves rows whose lease expires and which
 * another run takes over; nothing due is lost across restarts since the queue is the table.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UNKNOWN_RECIPIENT_RETRY = Duration.ofSeconds(5);

    private final Pool pool;
    private final NotificationRepository repository;
    private final RecipientService recipients;
    private final TemplateService templates;
    private final Rendering rendering;
    private final ChannelSenders senders;
    private final DeliveryLog deliveryLog;
    private final CustomerSummaries summaries;
    private final MessagingConfig config;
    private final Clock clock;

    Dispatcher(Pool pool, NotificationRepository repository, RecipientService recipients, TemplateService templates,
            Rendering rendering, ChannelSenders senders, DeliveryLog deliveryLog, CustomerSummaries summaries,
            MessagingConfig config, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.recipients = recipients;
        this.templates = templates;
        this.rendering = rendering;
        this.senders = senders;
        this.deliveryLog = deliveryLog;
        this.summaries = summaries;
        this.config = config;
        this.clock = clock;
    }

    private record Attempt(UUID notificationId, Outgoing message) {
    }

    private record Outcome(String providerMessageId, String error) {

        boolean sent() {
            return error == null;
        }
    }

    @Scheduled(every = "${omni.messaging.dispatch.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> dispatchOnSchedule() {
        return dispatchDue()
                .onFailure().invoke(e -> LOG.warnf("dispatch failed, will run again: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends what is due now; answers how many notifications it handled. */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return claim(now).chain(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().asList()
                .map(List::size));
    }

    private Uni<List<UUID>> claim(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime leaseUntil = OffsetDateTime.ofInstant(now.plus(config.dispatch().lease()), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE notification SET status = 'sending', lease_until = $2, total_attempts = total_attempts + 1
                WHERE id IN (SELECT id FROM notification
                             WHERE (status = 'queued' AND not_before <= $1) OR (status = 'sending' AND lease_until < $1)
                             ORDER BY not_before, created_at LIMIT $3
                             FOR UPDATE SKIP LOCKED)
                RETURNING id, not_before, created_at""")
                .execute(Tuple.of(at, leaseUntil, config.dispatch().batchSize())))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    claimed.sort(Comparator.comparing((Row row) -> row.getOffsetDateTime("not_before"))
                            .thenComparing(row -> row.getOffsetDateTime("created_at")));
                    return claimed.stream().map(row -> row.getUUID("id")).toList();
                });
    }

    private Uni<Void> deliver(UUID id) {
        Context context = Vertx.currentContext();
        Executor onThisContext = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return Panache.withTransaction(() -> prepare(id))
                .chain(attempt -> attempt == null
                        ? Uni.createFrom().voidItem()
                        : send(attempt.message())
                                .emitOn(onThisContext)
                                .chain(outcome -> Panache.withTransaction(() -> record(attempt, outcome))))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "notification %s could not be handled; retried when its lease ends", id);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Attempt> prepare(UUID id) {
        return repository.findById(id).chain(notification -> {
            if (notification == null || !NotificationEntity.SENDING.equals(notification.status)) {
                return Uni.createFrom().nullItem();
            }
            boolean inInbox = notification.inInbox();
            return templates.definition(notification.templateKey)
                    .chain(template -> recipients.find(notification.customerId)
                            .chain(recipient -> plan(notification, template, recipient)))
                    .call(() -> inboxChanged(notification, inInbox));
        });
    }

    private Uni<Attempt> plan(NotificationEntity notification, TemplateDefinition template, Optional<Recipient> recipient) {
        Instant now = clock.instant();
        if (template == null) {
            return deadLetter(notification, "no template " + notification.templateKey, now);
        }
        if (recipient.isEmpty() && notification.createdAt.plus(config.dispatch().unknownRecipientGrace()).isAfter(now)) {
            return requeue(notification, now.plus(UNKNOWN_RECIPIENT_RETRY)); // its snapshot may be on its way
        }
        // the template decides, as it is now: it may have been saved after the notification was queued
        if (!notification.critical && !template.critical()) {
            Optional<Instant> quietEnd = NotificationService.quietEnd(recipient, now);
            if (quietEnd.isPresent()) {
                return requeue(notification, quietEnd.get());
            }
        }
        List<MessageChannel> candidates = ChannelPolicy.candidates(recipient, template, notification.failedChannelSet(),
                config.fallbackOrder());
        if (candidates.isEmpty()) {
            String tried = notification.failedChannels.isBlank() ? "none" : notification.failedChannels;
            return deadLetter(notification, "no channel left (failed: " + tried + ")", now);
        }
        MessageChannel channel = candidates.getFirst();
        String address = channel == MessageChannel.IN_APP ? notification.customerId : recipient.flatMap(r -> r.address(channel)).orElseThrow();
        return rendering.prepare(notification, recipient, template, channel, address)
                .map(message -> {
                    notification.channel = channel.wireName();
                    notification.address = address;
                    notification.title = message.subject() != null ? message.subject() : message.title();
                    notification.body = message.text() != null ? message.text() : message.body();
                    notification.link = message.link();
                    return new Attempt(notification.id, message);
                })
                .onFailure(TemplateException.class).recoverWithUni(e -> failChannel(notification, channel.wireName(),
                        "the template does not render: " + e.getMessage(), now).replaceWith((Attempt) null));
    }

    private Uni<Outcome> send(Outgoing message) {
        return senders.of(message.channel()).send(message)
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .map(providerId -> new Outcome(providerId, null))
                .onFailure().recoverWithItem(e -> {
                    LOG.infof("%s of notification %s failed: %s", message.channel(), message.notificationId(), e.getMessage());
                    return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                });
    }

    private Uni<Void> record(Attempt attempt, Outcome outcome) {
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
    private Uni<Void> inboxChanged(NotificationEntity notification, boolean wasInInbox) {
        return notification.inInbox() != wasInInbox ? summaries.publish(notification.customerId) : Uni.createFrom().voidItem();
    }

    /** The channel is given up for this notification: the next allowed one is tried at once. */
    private Uni<Void> failChannel(NotificationEntity notification, String channel, String error, Instant now) {
        notification.addFailedChannel(channel);
        notification.attempts = 0;
        notification.status = NotificationEntity.QUEUED;
        notification.notBefore = now;
        notification.leaseUntil = null;
        notification.lastError = truncate(error);
        return deliveryLog.record(notification, channel, NotificationEntity.FAILED, now).replaceWithVoid();
    }

    private Uni<Attempt> requeue(NotificationEntity notification, Instant notBefore) {
        notification.status = NotificationEntity.QUEUED;
        notification.notBefore = notBefore;
        notification.leaseUntil = null;
        return Uni.createFrom().nullItem();
    }

    private Uni<Attempt> deadLetter(NotificationEntity notification, String reason, Instant now) {
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
