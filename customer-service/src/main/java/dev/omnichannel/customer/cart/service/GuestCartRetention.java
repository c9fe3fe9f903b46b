package dev.omnichannel.customer.cart.service;

import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.data.batch.Batches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes the guest carts nobody touched for {@code omni.carts.guest-keep}, open or already joined
 * to a customer's cart: an anonymous visitor who has not come back by then has left, and the
 * customer carts keep what was joined. Every replica runs it; deleting twice is harmless.
 */
@ApplicationScoped
public class GuestCartRetention {

    private static final Logger LOG = Logger.getLogger(GuestCartRetention.class);
    static final int BATCH = 1000;

    private final Duration keep;

    GuestCartRetention(@ConfigProperty(name = "omni.carts.guest-keep") Duration keep) {
        this.keep = keep;
    }

    @Scheduled(cron = "${omni.carts.guest-cleanup-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> daily() {
        return forgetAbandoned()
                .invoke(count -> LOG.infof("guest carts untouched for %s deleted: %d", keep, count))
                .onFailure().invoke(failure -> LOG.warnf("deleting abandoned guest carts failed, next run retries: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every guest cart (and its lines) last changed before the retention; answers how many. */
    public Uni<Integer> forgetAbandoned() {
        return Batches.untilShort(BATCH, () -> Panache.withTransaction(() -> Sql.update("DELETE FROM cart WHERE id IN "
                + "(SELECT id FROM cart WHERE token_hash IS NOT NULL AND updated_at < ?1 LIMIT ?2)",
                Now.instant().minus(keep), BATCH)));
    }
}
