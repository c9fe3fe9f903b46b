package dev.omnichannel.gateway.availability;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the stock read model has caught up: before that, availability answers could be stale. */
@Readiness
@ApplicationScoped
public class StockFeedReadiness implements HealthCheck {

    private final StockReadModel model;
    private final StockFeedConfig config;

    public StockFeedReadiness(StockReadModel model, StockFeedConfig config) {
        this.model = model;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("stock read model")
                .status(!config.enabled() || model.isCaughtUp())
                .withData("topic", config.topic())
                .build();
    }
}
