package dev.omnichannel.gateway.availability.service;

import dev.omnichannel.gateway.config.FeedConfig;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A signed-in caller's availability reads wait (bounded) until this replica's stock model holds
 * the levels the caller's own recent writes changed, wherever they were made. Anonymous callers
 * have written nothing and read the model as it is.
 */
@ApplicationScoped
public class StockReads {

    private final StockWatermarks watermarks;
    private final StockReadModel model;
    private final CallerContext context;
    private final FeedConfig config;

    public StockReads(StockWatermarks watermarks, StockReadModel model, CallerContext context, FeedConfig config) {
        this.watermarks = watermarks;
        this.model = model;
        this.context = context;
        this.config = config;
    }

    public Uni<Void> ownWritesVisible() {
        String subject = context.caller().subject();
        if (subject == null) {
            return Uni.createFrom().voidItem();
        }
        return watermarks.of(subject).onFailure().recoverWithItem(Map.of()).chain(this::visible);
    }

    /** Waits for these levels ({@code sku@location -> version}) in the stock model, at most the configured time. */
    public Uni<Void> visible(Map<String, Long> versions) {
        return model.awaitVersions(versions, config.readYourWritesWait());
    }
}
