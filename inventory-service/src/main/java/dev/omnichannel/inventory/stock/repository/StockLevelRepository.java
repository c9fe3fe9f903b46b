package dev.omnichannel.inventory.stock.repository;

import dev.omnichannel.inventory.db.Row;
import dev.omnichannel.inventory.db.Sql;
import dev.omnichannel.inventory.stock.service.Movement;
import dev.omnichannel.inventory.stock.service.StockLevel;
import dev.omnichannel.shared.data.outbox.OutboxRelay;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stock levels and their ledger. Each movement is ONE statement: the level row changes (a
 * conditional UPDATE, or an upsert when nothing decreases), the ledger row is appended and the
 * {@code stock.level-changed} outbox row is written from what the change returned. All three
 * commit together, nothing is read before it is written, and a reservation holds the row lock
 * for a single round trip before its commit (the event needs the new levels and version, so it
 * is built here, with the envelope of {@code CloudEvent} and the fields of {@code StockLevelChanged}).
 */
@ApplicationScoped
public class StockLevelRepository {

    private static final String APPEND_TO_LEDGER_AND_OUTBOX = """
            , movement AS (
                INSERT INTO stock_movement (sku, location_id, type, quantity, on_hand_delta, reserved_delta,
                                            non_sellable_delta, version, reference, reason, actor)
                SELECT sku, location_id, CAST(?6 AS text), CAST(?7 AS integer), CAST(?3 AS integer),
                       CAST(?4 AS integer), CAST(?5 AS integer), version,
                       CAST(?8 AS text), CAST(?9 AS text), CAST(?10 AS text) FROM level),
            event AS (
                SELECT level.*, gen_random_uuid() AS id, level.sku || '@' || level.location_id AS subject FROM level),
            outbox AS (
                INSERT INTO outbox_event (id, topic, message_key, type, payload)
                SELECT id, CAST(?11 AS text), subject, CAST(?12 AS text), json_build_object(
                    'specversion', '1.0', 'id', id, 'type', CAST(?12 AS text), 'source', CAST(?13 AS text),
                    'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    'subject', subject, 'datacontenttype', 'application/json',
                    'data', json_build_object(
                        'sku', sku, 'locationId', location_id, 'onHand', on_hand, 'reserved', reserved,
                        'available', on_hand - reserved, 'nonSellable', non_sellable, 'version', version,
                        'movementType', CAST(?6 AS text), 'movementQuantity', CAST(?7 AS integer),
                        'reference', CAST(?8 AS text)))::text
                FROM event)
            SELECT sku, location_id, on_hand, reserved, non_sellable, version FROM level
            """;

    private final String eventSource;
    private final OutboxRelay relay;

    StockLevelRepository(@ConfigProperty(name = "quarkus.application.name") String applicationName, OutboxRelay relay) {
        this.eventSource = "urn:omnichannel:" + applicationName; // as Outbox names the source
        this.relay = relay;
    }

    /**
     * A decrease, or a reservation: the row changes only if available stays at or above zero (for a
     * reservation of q units, {@code on_hand - reserved >= q}) and no level goes below zero. The row
     * lock of the UPDATE serializes concurrent movements of one SKU at one location, on any replica.
     */
    private static final String CONDITIONAL = """
            WITH level AS (
                UPDATE stock_level
                SET on_hand = on_hand + ?3, reserved = reserved + ?4, non_sellable = non_sellable + ?5,
                    version = version + 1, updated_at = now()
                WHERE sku = ?1 AND location_id = ?2
                  AND on_hand - reserved >= CAST(?4 AS integer) - CAST(?3 AS integer) AND reserved + ?4 >= 0 AND non_sellable + ?5 >= 0
                RETURNING sku, location_id, on_hand, reserved, non_sellable, version)
            """ + APPEND_TO_LEDGER_AND_OUTBOX;

    private static final String INCREASE = """
            WITH level AS (
                INSERT INTO stock_level AS s (sku, location_id, on_hand, reserved, non_sellable, version)
                VALUES (?1, ?2, CAST(?3 AS integer), CAST(?4 AS integer), CAST(?5 AS integer), 1)
                ON CONFLICT (sku, location_id) DO UPDATE
                SET on_hand = s.on_hand + EXCLUDED.on_hand, reserved = s.reserved + EXCLUDED.reserved,
                    non_sellable = s.non_sellable + EXCLUDED.non_sellable, version = s.version + 1, updated_at = now()
                RETURNING sku, location_id, on_hand, reserved, non_sellable, version)
            """ + APPEND_TO_LEDGER_AND_OUTBOX;

    /**
     * Applies the movement, appends it to the ledger and writes its event to the outbox; null when
     * it was refused (not enough stock), and then nothing was written.
     */
    public Uni<StockLevel> apply(Movement movement) {
        relay.wakeUp();
        return Sql.one(movement.onlyIncreases() && movement.reservedDelta() == 0 ? INCREASE : CONDITIONAL,
                movement.sku(), movement.locationId(), movement.onHandDelta(), movement.reservedDelta(),
                movement.nonSellableDelta(), movement.type().wireName(), movement.quantity(), movement.reference(),
                movement.reason(), movement.actor(), Topics.INVENTORY_STOCK, StockLevelChanged.TYPE, eventSource)
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
