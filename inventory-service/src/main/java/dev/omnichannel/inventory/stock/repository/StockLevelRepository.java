package dev.omnichannel.inventory.stock.repository;

import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.domain.StockLevel;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import dev.omnichannel.shared.data.outbox.OutboxRelay;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import dev.omnichannel.shared.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stock levels and their ledger. Each movement is ONE statement, the database function
 * {@code stock_movement} (migration V3): the level row changes (a conditional UPDATE, or an upsert
 * when nothing decreases), the ledger row is appended and the {@code stock.level-changed} outbox
 * row is written from what the change returned; the reservation's own function uses it too.
 */
@ApplicationScoped
public class StockLevelRepository {

    private final String eventSource;
    private final OutboxRelay relay;

    StockLevelRepository(@ConfigProperty(name = "quarkus.application.name") String applicationName, OutboxRelay relay) {
        this.eventSource = CloudEvent.sourceOf(applicationName);
        this.relay = relay;
    }

    /**
     * Applies the movement, appends it to the ledger and writes its event to the outbox; null when
     * it was refused (not enough stock), and then nothing was written.
     */
    public Uni<StockLevel> apply(Movement movement) {
        relay.wakeUp();
        return Sql.one("SELECT * FROM stock_movement(?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS text), CAST(?9 AS text), "
                + "CAST(?10 AS text), ?11, ?12, ?13, CAST(?14 AS text))",
                movement.sku(), movement.locationId(), movement.onHandDelta(), movement.reservedDelta(),
                movement.nonSellableDelta(), movement.type().wireName(), movement.quantity(), movement.reference(),
                movement.reason(), movement.actor(), Topics.INVENTORY_STOCK, StockLevelChanged.TYPE, eventSource,
                TraceParent.current())
                .map(row -> row == null ? null : level(row));
    }

    /** Available units (on hand - reserved) of {@code skus} at a location; SKUs without a level are absent. */
    public Uni<Map<String, Integer>> available(String locationId, Collection<String> skus) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(locationId);
        parameters.addAll(skus);
        return Sql.list("SELECT sku, on_hand - reserved FROM stock_level WHERE location_id = ?1 AND sku IN ("
                + Sql.placeholders(2, skus.size()) + ")", parameters.toArray())
                .map(rows -> {
                    Map<String, Integer> available = new HashMap<>();
                    rows.forEach(row -> available.put(row.string(0), row.intValue(1)));
                    return available;
                });
    }

    /** Every selling location with its available units of {@code sku} (0 without a level): id, name, lat, lon, available. */
    public Uni<List<Row>> availabilityAtSellingLocations(String sku) {
        return Sql.list("""
                SELECT l.id, l.name, l.lat, l.lon, COALESCE(s.on_hand - s.reserved, 0)
                FROM location l LEFT JOIN stock_level s ON s.location_id = l.id AND s.sku = ?1
                WHERE l.sells
                """, sku);
    }

    /** Levels of {@code skus} with available units, at any location, for sourcing. */
    public Uni<List<StockLevel>> levelsOf(Collection<String> skus) {
        return Sql.list("SELECT sku, location_id, on_hand, reserved, non_sellable, version FROM stock_level WHERE sku IN ("
                + Sql.placeholders(1, skus.size()) + ") AND on_hand > reserved", new ArrayList<>(skus).toArray())
                .map(rows -> rows.stream().map(StockLevelRepository::level).toList());
    }

    public Uni<List<StockLevel>> levels(String sku, String locationId, int offset, int limit) {
        return Sql.list("SELECT sku, location_id, on_hand, reserved, non_sellable, version FROM stock_level "
                + "WHERE (CAST(?1 AS text) IS NULL OR sku = ?1) AND (CAST(?2 AS text) IS NULL OR location_id = ?2) "
                + "ORDER BY sku, location_id OFFSET ?3 LIMIT ?4", sku, locationId, offset, limit)
                .map(rows -> rows.stream().map(StockLevelRepository::level).toList());
    }

    public Uni<Long> countLevels(String sku, String locationId) {
        return Sql.one("SELECT count(*) FROM stock_level "
                + "WHERE (CAST(?1 AS text) IS NULL OR sku = ?1) AND (CAST(?2 AS text) IS NULL OR location_id = ?2)",
                sku, locationId).map(row -> row.longValue(0));
    }

    /** Newest first. */
    public Uni<List<Row>> movements(String sku, String locationId, String reference, int offset, int limit) {
        return Sql.list("""
                SELECT id, sku, location_id, type, quantity, on_hand_delta, reserved_delta, non_sellable_delta,
                       version, reference, reason, actor, created_at
                FROM stock_movement
                WHERE (CAST(?1 AS text) IS NULL OR sku = ?1) AND (CAST(?2 AS text) IS NULL OR location_id = ?2)
                  AND (CAST(?3 AS text) IS NULL OR reference = ?3)
                ORDER BY id DESC OFFSET ?4 LIMIT ?5
                """, sku, locationId, reference, offset, limit);
    }

    public Uni<Long> countMovements(String sku, String locationId, String reference) {
        return Sql.one("""
                SELECT count(*) FROM stock_movement
                WHERE (CAST(?1 AS text) IS NULL OR sku = ?1) AND (CAST(?2 AS text) IS NULL OR location_id = ?2)
                  AND (CAST(?3 AS text) IS NULL OR reference = ?3)
                """, sku, locationId, reference).map(row -> row.longValue(0));
    }

    private static StockLevel level(Row row) {
        return new StockLevel(row.string(0), row.string(1), row.intValue(2), row.intValue(3), row.intValue(4),
                row.longValue(5));
    }
}
