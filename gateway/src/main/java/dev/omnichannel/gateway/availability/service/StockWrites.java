package dev.omnichannel.gateway.availability.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.shared.http.StockVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Read-your-writes for stock, on every channel and every replica: inventory-service names the
 * levels a write changed ({@code Omni-Stock-Versions}); they are kept for the caller's token
 * subject before the answer goes back, and the caller's next reads wait for them ({@link StockReads}).
 */
@ApplicationScoped
public class StockWrites {

    private static final Logger LOG = Logger.getLogger(StockWrites.class);

    private final StockWatermarks watermarks;
    private final CallerContext context;

    public StockWrites(StockWatermarks watermarks, CallerContext context) {
        this.watermarks = watermarks;
        this.context = context;
    }

    public Uni<RestResponse<JsonNode>> visible(RestResponse<JsonNode> answer) {
        return watermarks.keep(context.caller().subject(), StockVersions.parse(answer.getHeaderString(StockVersions.HEADER)))
                .onFailure().invoke(failure -> LOG.warnf("stock levels of a write not kept for its caller's next reads: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWith(answer);
    }
}
