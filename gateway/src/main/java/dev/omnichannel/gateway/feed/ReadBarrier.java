package dev.omnichannel.gateway.feed;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Read-your-writes across replicas for the in-memory models (stock, catalogue): a read waits until
 * the models hold everything their topics held when the read arrived. The topics' end offsets are
 * asked of Kafka once per round for all the reads that arrived meanwhile (a read that arrives while
 * a round is asked joins the next one: the round in flight may predate its write), then each read
 * waits for the readers to pass them. Every replica answers a write only once its event is on the
 * topic, so a read anywhere after that answer sees it. Bounded: past the timeout, or with Kafka
 * unreachable, the read goes on with what the models hold (each part says how old it is).
 */
public final class ReadBarrier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadBarrier.class);

    private final List<TopicReader> readers;
    private final Duration timeout;
    private final Admin admin;
    private final Object lock = new Object();
    private CompletableFuture<Void> nextRound;
    private boolean asking;

    public ReadBarrier(List<TopicReader> readers, String bootstrapServers, Duration timeout) {
        this.readers = readers;
        this.timeout = timeout;
        int requestTimeout = (int) Math.max(500, timeout.toMillis() * 4);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "gateway-read-barrier",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeout));
    }

    /** Completes (on the caller's Vert.x context) when the readers have caught up with this moment, or at the timeout. */
    public Uni<Void> await() {
        CompletableFuture<Void> round;
        synchronized (lock) {
            if (nextRound == null) {
                nextRound = new CompletableFuture<>();
            }
            round = nextRound;
            if (!asking) {
                askEndOffsets();
            }
        }
        Executor caller = CallerContexts.current();
        return Uni.createFrom().completionStage(round)
                .ifNoItem().after(timeout).recoverWithItem((Void) null)
                .onFailure().recoverWithNull()
                .emitOn(caller)
                .replaceWithVoid();
    }

    /** Called holding the lock: the waiting reads become this round, later ones the next. */
    private void askEndOffsets() {
        CompletableFuture<Void> round = nextRound;
        nextRound = null;
        asking = true;
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        readers.forEach(reader -> reader.partitions().forEach(partition -> partitions.put(partition, OffsetSpec.latest())));
        admin.listOffsets(partitions).all().whenComplete((ends, failure) -> {
            synchronized (lock) {
                asking = false;
                if (nextRound != null) {
                    askEndOffsets();
                }
            }
            if (failure != null) {
                LOG.debugf("read barrier: end offsets not known (%s); reads go on with what the models hold", failure);
                round.completeExceptionally(failure);
                return;
            }
            CompletableFuture.allOf(readers.stream().map(reader -> reader.reached(endsOf(reader, ends)))
                    .toArray(CompletableFuture[]::new))
                    .whenComplete((done, never) -> round.complete(null));
        });
    }

    private static Map<Integer, Long> endsOf(TopicReader reader, Map<TopicPartition, ListOffsetsResultInfo> ends) {
        return ends.entrySet().stream()
                .filter(end -> end.getKey().topic().equals(reader.topic()))
                .collect(Collectors.toMap(end -> end.getKey().partition(), end -> end.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
