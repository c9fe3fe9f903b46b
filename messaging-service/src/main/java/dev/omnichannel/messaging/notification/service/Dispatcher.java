package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.channel.service.ChannelSenders;
import dev.omnichannel.messaging.config.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Sends due notifications. Safe with several replicas: each run claims a batch of due rows with
 * {@code FOR UPDATE SKIP LOCKED} and marks them {@code sending} with a lease, in one short
 * transaction; the send happens outside any transaction and its outcome is recorded only if the row
 * is still this run's. A replica that dies mid-batch leaves rows whose lease expires and which
 * another run takes over; nothing due is lost across restarts since the queue is the table.
 *
 * <p>This class is the run: claim, then for each notification a first transaction where {@link Routing}
 * decides its channel and renders its message, the send, and a second transaction where {@link Outcomes}
 * records what the provider answered.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final Routing routing;
    private final ChannelSenders senders;
    private final Outcomes outcomes;
    private final MessagingConfig config;
    private final Clock clock;

    Dispatcher(Pool pool, Routing routing, ChannelSenders senders, Outcomes outcomes, MessagingConfig config, Clock clock) {
        this.pool = pool;
        this.routing = routing;
        this.senders = senders;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
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
        return Panache.withTransaction(() -> routing.prepare(id))
                .chain(attempt -> attempt == null
                        ? Uni.createFrom().voidItem()
                        : send(attempt.message())
                                .emitOn(onThisContext)
                                .chain(outcome -> Panache.withTransaction(() -> outcomes.record(attempt, outcome))))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "notification %s could not be handled; retried when its lease ends", id);
                    return Uni.createFrom().voidItem();
                });
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
}
