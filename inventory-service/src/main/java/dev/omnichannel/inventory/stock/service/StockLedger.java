package dev.omnichannel.inventory.stock.service;

import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.domain.StockLevel;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The one way stock changes: in the caller's transaction, the movement is applied to the level,
 * appended to the ledger, and its {@code stock.level-changed} event (key {@code sku@location},
 * the level's new version) is written to the outbox, which relays it to {@code inventory.stock}.
 * Inside an HTTP request, the new version is also collected for the answer ({@link RequestStockVersions}).
 */
@ApplicationScoped
public class StockLedger {

    private final StockLevelRepository levels;

    StockLedger(StockLevelRepository levels) {
        this.levels = levels;
    }

    /** The level after the movement, or null when it was refused because the stock is not there. */
    public Uni<StockLevel> record(Movement movement) {
        // taken on the caller's context: the database may answer on another
        Map<String, Long> versions = RequestStockVersions.current();
        Uni<StockLevel> applied = levels.apply(movement);
        return versions == null ? applied : applied.invoke(level -> {
            if (level != null) {
                RequestStockVersions.changed(versions, level);
            }
        });
    }
}
