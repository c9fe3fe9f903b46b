package dev.omnichannel.shared.data.idempotency;

import dev.omnichannel.shared.data.batch.Batches;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets Idempotency-Keys older than {@code omni.idempotency.keep}: clients retry within minutes
 * or hours, and the table would otherwise grow by a row per mutation forever. A key used again
 * after that is a new request. Every replica runs it once a day, off-peak and not at start-up
 * (the old rows are found by a scan); deleting the same rows twice is harmless, and batches keep
 * each statement short.
 */
@ApplicationScoped
public class IdempotencyKeyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyRetention.class);
    private static final int BATCH_SIZE = 1000;

    private final Pool pool;
    private final Duration keep;

    IdempotencyKeyRetention(Pool pool, @ConfigProperty(name = "omni.idempotency.keep") Duration keep) {
        this.pool = pool;
        this.keep = keep;
    }

    @Scheduled(cron = "${omni.idempotency.forget-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return forgetExpired()
                .onFailure().invoke(failure -> LOG.warnf("forgetting old idempotency keys failed, next run retries: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every key older than the retention; answers how many. */
    public Uni<Integer> forgetExpired() {
        return Batches.untilShort(BATCH_SIZE, () -> pool.preparedQuery("DELETE FROM idempotency_record WHERE ctid = ANY(ARRAY("
                        + "SELECT ctid FROM idempotency_record WHERE created_at < now() - make_interval(secs => $1) LIMIT $2))")
                .execute(Tuple.of((double) keep.toSeconds(), BATCH_SIZE))
                .map(SqlResult::rowCount));
    }
}
