package dev.omnichannel.shared.data.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in commit order, then deletes them.
 *
 * <p>It runs when PostgreSQL notifies a commit that wrote events (every replica hears it) and on a
 * slow timer as a safety net. A transaction-scoped advisory lock lets one replica relay at a time,
 * which keeps the per-key order; a crash between the send and the delete resends, and consumers
 * deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x6f75_7462_6f78L;

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile PgSubscriber subscriber;

    OutboxRelay(Pool pool, Vertx vertx,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "omni.outbox.batch-size") int batchSize) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.batchSize = batchSize;
    }

    void listen(@Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1000L);
        subscriber.channel("outbox_event").handler(ignored -> drain());
        subscriber.connect().subscribe().with(
                connected -> drain(),
                failure -> LOG.warnf("outbox relay cannot listen for commits (%s); polling only", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    @Scheduled(every = "${omni.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /** Relays everything pending; calls made while a drain runs make it run once more. */
    public void drain() {
        if (!draining.compareAndSet(false, true)) {
            drainAgain.set(true);
            return;
        }
        drainAgain.set(false);
        relayAll().subscribe().with(
                done -> finished(),
                failure -> {
                    LOG.warnf("outbox relay failed, will retry: %s", failure.getMessage());
                    draining.set(false);
                });
    }

    private void finished() {
        draining.set(false);
        if (drainAgain.get()) {
            drain();
        }
    }

    private Uni<Void> relayAll() {
        return pool.withTransaction(this::relayBatch)
                .chain(relayed -> relayed == batchSize ? relayAll() : Uni.createFrom().voidItem());
    }

    /** One batch in one transaction: rows are deleted only if every send was acknowledged. */
    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? connection.preparedQuery("SELECT id, topic, message_key, payload FROM outbox_event ORDER BY seq LIMIT $1")
                                .execute(Tuple.of(batchSize))
                                .chain(rows -> send(connection, rows))
                        : Uni.createFrom().item(0));
    }

    private Uni<Integer> send(SqlConnection connection, Iterable<Row> rows) {
        List<Uni<Void>> sends = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.getString("topic"))
                    .withKey(row.getString("message_key"))
                    .build();
            sends.add(emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata)));
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(sends).andFailFast()
                .chain(() -> connection.preparedQuery("DELETE FROM outbox_event WHERE id = ANY($1)")
                        .execute(Tuple.of(ids.toArray(UUID[]::new))))
                .replaceWith(ids.size());
    }
}
