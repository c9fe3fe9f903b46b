package dev.omnichannel.shared.data.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * How far behind the outbox is, as two gauges: the rows waiting to be relayed to Kafka and the age
 * of the oldest. One query every few seconds ({@code omni.outbox.metrics-interval}) refreshes them,
 * apart from the relay and never on its path. Every replica reports the same table: aggregate the
 * replicas with max, not sum.
 */
@Startup // the gauges exist from the start, at 0
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final Pool pool;
    private volatile double pendingRows;
    private volatile double oldestAgeSeconds;

    OutboxBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("omni.outbox.pending", this, backlog -> backlog.pendingRows)
                .description("Outbox rows committed and not yet relayed to Kafka")
                .baseUnit("rows")
                .strongReference(true)
                .register(registry);
        Gauge.builder("omni.outbox.oldest.age", this, backlog -> backlog.oldestAgeSeconds)
                .description("Age of the oldest outbox row not yet relayed to Kafka (0 when none waits)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(every = "${omni.outbox.metrics-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        // the table holds only what is not relayed yet: small, unless the relay is behind, when this is worth its scan
        return pool.query("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 "
                        + "FROM outbox_event")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pendingRows = row.getLong(0);
                    oldestAgeSeconds = Math.max(0, row.getDouble(1));
                })
                .onFailure().invoke(failure -> LOG.debugf("outbox backlog not measured, next run retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
