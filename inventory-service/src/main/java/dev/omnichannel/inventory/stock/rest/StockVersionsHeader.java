package dev.omnichannel.inventory.stock.rest;

import dev.omnichannel.inventory.stock.service.RequestStockVersions;
import dev.omnichannel.shared.http.StockVersions;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every successful answer that changed stock names the levels it changed and their new versions in
 * {@code Omni-Stock-Versions}, the versions of the {@code stock.level-changed} events it produced: the
 * gateway waits for its stock model to hold them before answering its caller (read your writes). A
 * refused write rolled back, so its answer names nothing.
 */
public class StockVersionsHeader {

    @ServerRequestFilter
    public void collectStockChanges() {
        RequestStockVersions.begin();
    }

    @ServerResponseFilter
    public void nameChangedLevels(ContainerResponseContext response) {
        Map<String, Long> versions = RequestStockVersions.collected();
        if (!versions.isEmpty() && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            response.getHeaders().putSingle(StockVersions.HEADER, StockVersions.format(versions));
        }
    }
}
