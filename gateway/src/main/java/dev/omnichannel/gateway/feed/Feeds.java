package dev.omnichannel.gateway.feed;

import dev.omnichannel.gateway.availability.StockFeed;
import dev.omnichannel.gateway.catalog.CatalogFeed;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The in-memory models' read barrier (stock and catalogue), as configured. */
@ApplicationScoped
public class Feeds {

    private final ReadBarrier barrier;

    public Feeds(StockFeed stock, CatalogFeed catalog, FeedConfig config) {
        this.barrier = config.enabled() && config.readYourWrites().barrier()
                ? new ReadBarrier(List.of(stock.reader(), catalog.reader()), config.bootstrapServers(),
                        config.readYourWrites().barrierTimeout())
                : null;
    }

    /** Completes when the stock and catalogue models hold what their topics held now (bounded). */
    public Uni<Void> caughtUpWithNow() {
        return barrier == null ? Uni.createFrom().voidItem() : barrier.await();
    }

    @PreDestroy
    void close() {
        if (barrier != null) {
            barrier.close();
        }
    }
}
