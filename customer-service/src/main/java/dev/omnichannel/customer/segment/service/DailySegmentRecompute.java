package dev.omnichannel.customer.segment.service;

import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.data.batch.Batches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Time moves customers between segments without any event ({@code new} ends after 30 days,
 * {@code lapsed} begins after 180, visits leave the 90-day window), so every customer not
 * checked since the run began is recomputed once a day. Safe with several replicas: each batch
 * takes rows with FOR UPDATE SKIP LOCKED, so replicas share the work instead of repeating it.
 */
@ApplicationScoped
public class DailySegmentRecompute {

    private static final Logger LOG = Logger.getLogger(DailySegmentRecompute.class);
    static final int BATCH = 100;

    private final CustomerRepository customers;
    private final SegmentService segments;
    private final ProfileChanges changes;

    DailySegmentRecompute(CustomerRepository customers, SegmentService segments, ProfileChanges changes) {
        this.customers = customers;
        this.segments = segments;
        this.changes = changes;
    }

    @Scheduled(cron = "${omni.segments.daily-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> daily() {
        return recomputeNotCheckedSince(Now.instant())
                .invoke(count -> LOG.infof("daily segment recompute: %d customers checked", count))
                .replaceWithVoid();
    }

    /** Recomputes every active customer whose segments were last checked before {@code runStart}; emits how many. */
    public Uni<Integer> recomputeNotCheckedSince(Instant runStart) {
        return Batches.untilShort(BATCH, () -> batch(runStart));
    }

    private Uni<Integer> batch(Instant runStart) {
        return Panache.withTransaction(() -> Sql.ids("""
                SELECT CAST(id AS text) FROM customer
                WHERE status = 'active' AND segments_checked_at < ?1
                ORDER BY segments_checked_at LIMIT ?2 FOR UPDATE SKIP LOCKED
                """, runStart, BATCH)
                .chain(ids -> recompute(ids).replaceWith(ids.size())));
    }

    private Uni<Void> recompute(List<UUID> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> customers.findById(id).chain(customer -> segments.recompute(customer, Now.instant())
                    .chain(changed -> changed ? changes.changed(customer).replaceWithVoid() : Uni.createFrom().voidItem())));
        }
        return chain;
    }
}
