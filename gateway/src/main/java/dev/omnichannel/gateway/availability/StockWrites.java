package dev.omnichannel.gateway.availability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.feed.FeedConfig;
import dev.omnichannel.shared.http.StockVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Read-your-writes for stock: inventory-service names the levels a write changed in its answer
 * ({@code Omni-Stock-Versions}), and the answer goes back to the caller once this replica's stock
 * model holds them (bounded). The event is then on the topic, so any replica's next read, which
 * first catches up with the topic, shows the change too.
 */
@ApplicationScoped
public class StockWrites {

    private final StockReadModel model;
    private final FeedConfig config;

    public StockWrites(StockReadModel model, FeedConfig config) {
        this.model = model;
        this.config = config;
    }

    public Uni<RestResponse<JsonNode>> visible(RestResponse<JsonNode> answer) {
        if (!config.enabled()) {
            return Uni.createFrom().item(answer);
        }
        return model.awaitVersions(StockVersions.parse(answer.getHeaderString(StockVersions.HEADER)),
                config.readYourWrites().writeTimeout()).replaceWith(answer);
    }
}
