package dev.omnichannel.gateway.support;

import dev.omnichannel.gateway.availability.events.StockFeed;
import dev.omnichannel.gateway.catalog.events.CatalogFeed;
import dev.omnichannel.gateway.config.FeedConfig;
import dev.omnichannel.gateway.view.events.ViewFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every read model has caught up with its topics: before that a view could be
 * empty or old, and availability stale. A freshly started gateway takes traffic only then.
 */
@Readiness
@ApplicationScoped
public class ReadModelsReadiness implements HealthCheck {

    private final StockFeed stock;
    private final CatalogFeed catalog;
    private final ViewFeed view;
    private final FeedConfig config;

    public ReadModelsReadiness(StockFeed stock, CatalogFeed catalog, ViewFeed view, FeedConfig config) {
        this.stock = stock;
        this.catalog = catalog;
        this.view = view;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read models");
        if (!config.enabled()) {
            return response.up().withData("feeds", "disabled").build();
        }
        boolean ready = stock.isCaughtUp() && catalog.reader().isCaughtUp();
        response.withData(stock.reader().topic(), stock.isCaughtUp())
                .withData(catalog.reader().topic(), catalog.reader().isCaughtUp());
        for (String topic : view.topics()) {
            ready &= view.isCaughtUp(topic);
            response.withData(topic, view.isCaughtUp(topic));
        }
        return response.status(ready).build();
    }
}
