package dev.omnichannel.shared.data.outbox;

import dev.omnichannel.shared.data.batch.Batches;
import dev.omnichannel.shared.tracing.TraceParent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * <p>{@link Outbox#publish} wakes it. An HTTP request that wrote events has them relayed as soon
 * as its response is ready ({@link RelayAfterResponse}: its transaction committed by then); for
 * writes made elsewhere (Kafka consumers, scheduled jobs, a request's work after its response) it
 * drains every few milliseconds for a quarter of a second, so an event is relayed soon after its
 * transaction commits without knowing when that is. A slow timer catches anything else (rows of a
 * replica that stopped).
 *
 * <p>A transaction-scoped advisory lock lets one replica relay at a time, which keeps the per-key
 * order; a crash between the send and the delete resends, and consumers deduplicate on the id.
 *
 * <p>It deliberately does not use PostgreSQL's LISTEN/NOTIFY: a NOTIFY serialises the commits of
 * every transaction that sends one, which costs a hot write path (reservations) a fifth of its
 * throughput.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x6f75_7462_6f78L;
    /** After a wake-up the relay drains every 5 ms for a while ({@code omni.outbox.drain-after-write}). */
    private static final long TICK_MS = 5;
    private static final long NO_TICKER = -1;
    /**
     * The election and the batch in one round trip (they are on the path of every event to its consumers);
     * the election is a one-time filter, so the rows are still read in the order of the seq index. They are
     * read in the statement's snapshot, taken before the lock: when another replica committed its batch in
     * between, these rows are sent again, which consumers deduplicate, in the same order.
     */
    private static final String ELECTED_BATCH = """
            WITH elected AS MATERIALIZED (
                SELECT pg_try_advisory_xact_lock($1) AS held, set_config('synchronous_commit', 'off', true))
            SELECT id, topic, message_key, traceparent, payload FROM outbox_event
            WHERE (SELECT held FROM elected) ORDER BY seq LIMIT $2""";
    private static final String WROTE_EVENTS = OutboxRelay.class.getName() + ".wrote-events";
    private static final String RELAYED_WITH_RESPONSE = OutboxRelay.class.getName() + ".relayed-with-response";

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final String topicPrefix;
    private final long hotForNanos;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private long hotUntil;
    private long ticker = NO_TICKER;

    OutboxRelay(Pool pool, Vertx vertx,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "omni.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "omni.kafka.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "omni.outbox.drain-after-write") Duration drainAfterWrite) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.topicPrefix = topicPrefix.orElse("");
        this.hotForNanos = drainAfterWrite.toNanos();
    }

    /**
     * A transaction is writing events: relay them soon after it commits. An HTTP request's are relayed with
     * its response; only other writers need the relay to drain every few milliseconds meanwhile.
     */
    public synchronized void wakeUp() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(WROTE_EVENTS, Boolean.TRUE);
            if (ContextLocals.get(RELAYED_WITH_RESPONSE, Boolean.FALSE)) {
                return;
            }
        }
        hotUntil = System.nanoTime() + hotForNanos;
        if (ticker == NO_TICKER) {
            ticker = vertx.setPeriodic(TICK_MS, this::tick);
        }
    }

    /** Whether the request (or message) being handled on this Vert.x context wrote events. */
    boolean wroteEventsHere() {
        return VertxContext.isOnDuplicatedContext() && ContextLocals.get(WROTE_EVENTS, Boolean.FALSE);
    }

    /** Whether the events written on this Vert.x context from now on are relayed with an HTTP response. */
    void relayedWithResponseHere(boolean relayed) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(RELAYED_WITH_RESPONSE, relayed);
        }
    }

    private synchronized void tick(long timer) {
        if (System.nanoTime() - hotUntil > 0) {
            vertx.cancelTimer(timer);
            ticker = NO_TICKER;
            return;
        }
        drain();
    }

    @Scheduled(every = "${omni.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /**
     * Relays everything pending; calls made while a drain runs make it run once more. The relay's work
     * belongs to no request: it runs on a Vert.x context of its own, out of the trace of whatever woke
     * it (each send still joins the trace of the request that wrote its row).
     */
    public void drain() {
        if (!draining.compareAndSet(false, true)) {
            drainAgain.set(true);
            return;
        }
        drainAgain.set(false);
        VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext()).runOnContext(ignored ->
                relayAll().subscribe().with(
                        done -> finished(),
                        failure -> {
                            LOG.warnf("outbox relay failed, will retry: %s", failure.getMessage());
                            draining.set(false);
                        }));
    }

    private void finished() {
        draining.set(false);
        if (drainAgain.get()) {
            drain();
        }
    }

    private Uni<Void> relayAll() {
        return Batches.untilShort(batchSize, () -> pool.withTransaction(this::relayBatch)).replaceWithVoid();
    }

    /**
     * One batch in one transaction: rows are deleted only if every send was acknowledged. Its commit
     * need not wait for the disk: a delete lost in a crash sends the events again, which consumers
     * deduplicate, and every write's own commit is one fsync fewer away from its answer.
     */
    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.preparedQuery(ELECTED_BATCH).execute(Tuple.of(RELAY_LOCK, batchSize))
                .chain(rows -> send(connection, rows));
    }

    private Uni<Integer> send(SqlConnection connection, Iterable<Row> rows) {
        List<Uni<Void>> sends = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topicPrefix + row.getString("topic"))
                    .withKey(row.getString("message_key"))
                    .build();
            // the send's span, and through its record's headers each consumer's, joins the writing request's trace
            TracingMetadata trace = TracingMetadata.withCurrent(TraceParent.context(row.getString("traceparent")));
            sends.add(emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata).addMetadata(trace)));
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
