package dev.omnichannel.inventory.catalog.events;

import dev.omnichannel.inventory.catalog.repository.ProductRepository;
import dev.omnichannel.inventory.catalog.repository.PromotionRepository;
import dev.omnichannel.inventory.location.repository.LocationRepository;
import dev.omnichannel.shared.data.batch.Batches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Puts on {@code inventory.catalog} the products, promotions and locations whose current version was
 * never published: those stored before the catalogue (or, for locations, the location events) existed. Runs once at start-up, batch after batch,
 * each batch claimed and published in one transaction; rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so replicas starting together publish each one once.
 */
@ApplicationScoped
public class CatalogPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogPublisher.class);
    private static final int BATCH_SIZE = 200;

    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final LocationRepository locations;
    private final CatalogEvents events;

    CatalogPublisher(ProductRepository products, PromotionRepository promotions, LocationRepository locations,
            CatalogEvents events) {
        this.products = products;
        this.promotions = promotions;
        this.locations = locations;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        int published = VertxContextSupport.subscribeAndAwait(this::publishUnpublished);
        if (published > 0) {
            LOG.infof("%d products, promotions and locations published on the catalog topic", published);
        }
    }

    /** Publishes every unpublished product, promotion and location; answers how many this call published. */
    public Uni<Integer> publishUnpublished() {
        return inBatches(() -> products.claimUnpublished(BATCH_SIZE), events::publish)
                .chain(productCount -> inBatches(() -> promotions.claimUnpublished(BATCH_SIZE), events::publish)
                        .map(promotionCount -> productCount + promotionCount))
                .chain(count -> inBatches(() -> locations.claimUnpublished(BATCH_SIZE), events::publish)
                        .map(locationCount -> count + locationCount));
    }

    private static <T> Uni<Integer> inBatches(Supplier<Uni<List<T>>> claim, Function<T, Uni<Void>> publish) {
        return Batches.untilShort(BATCH_SIZE, () -> Panache.withTransaction(() -> claim.get().call(claimed -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (T one : claimed) {
                all = all.chain(() -> publish.apply(one));
            }
            return all;
        }).map(List::size)));
    }
}
