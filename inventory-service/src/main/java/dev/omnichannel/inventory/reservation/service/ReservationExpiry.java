package dev.omnichannel.inventory.reservation.service;

import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.events.ReservationEvents;
import dev.omnichannel.inventory.reservation.repository.ReservationRepository;
import dev.omnichannel.shared.data.batch.Batches;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Releases the stock of expired holds and warns shortly before expiry. Every replica runs it;
 * rows are claimed with a conditional UPDATE over {@code FOR UPDATE SKIP LOCKED}, so each
 * reservation is expired (and its stock released) once, and warned once, whoever runs.
 */
@ApplicationScoped
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);
    static final String ACTOR = "system:reservation-expiry";

    private final ReservationRepository reservations;
    private final ReservationStock stock;
    private final ReservationEvents events;
    private final InventoryConfig config;

    ReservationExpiry(ReservationRepository reservations, ReservationStock stock, ReservationEvents events,
            InventoryConfig config) {
        this.reservations = reservations;
        this.stock = stock;
        this.events = events;
        this.config = config;
    }

    @Scheduled(every = "${omni.inventory.expiry.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return expireDue().chain(expired -> warnExpiring())
                .onFailure().invoke(failure -> LOG.warnf("reservation expiry failed, next run retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Expires every reservation past its hold, batch after batch; answers how many this runner expired. */
    public Uni<Integer> expireDue() {
        int batchSize = config.expiry().batchSize();
        return Batches.untilShort(batchSize, () -> Panache.withTransaction(() -> reservations.claimExpired(batchSize)
                .call(expired -> expired.isEmpty() ? Uni.createFrom().voidItem() : stock.release(expired, ACTOR))
                .call(expired -> publishAll(ReservationEvent.EXPIRED, expired))
                .map(List::size)));
    }

    /** Sends {@code reservation.expiring} once per reservation entering its hold type's notice period. */
    public Uni<Integer> warnExpiring() {
        InventoryConfig.Holds holds = config.holds();
        int batchSize = config.expiry().batchSize();
        return Batches.untilShort(batchSize, () -> Panache.withTransaction(() -> reservations.claimExpiring(
                holds.cart().expiringNotice(), holds.clickAndCollect().expiringNotice(), batchSize)
                .call(expiring -> publishAll(ReservationEvent.EXPIRING, expiring))
                .map(List::size)));
    }

    private Uni<Void> publishAll(String type, List<Reservation> claimed) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Reservation reservation : claimed) {
            all = all.chain(() -> events.publish(type, reservation)).replaceWithVoid();
        }
        return all;
    }
}
