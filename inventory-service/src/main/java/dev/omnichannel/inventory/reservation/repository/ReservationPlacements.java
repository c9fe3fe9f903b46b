package dev.omnichannel.inventory.reservation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.inventory.config.InventoryConfig;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ShortLine;
import dev.omnichannel.inventory.support.Overloaded;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.OutboxEvent;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A new reservation in one statement, the database function {@code place_reservation} (migration
 * V3), run on its own (autocommit): the stock rows it locks are released by the commit that
 * follows the statement inside the database, never after a round trip to this service. The
 * database decides, whatever the number of replicas: two placements of one SKU wait for each other
 * on its row, and each sees the other's result.
 */
@ApplicationScoped
public class ReservationPlacements {

    /** What became of a placement: placed now (with the stock versions it wrote), or the first answer of its key. */
    public sealed interface Outcome {
    }

    public record Placed(Map<String, Long> stockVersions) implements Outcome {
    }

    public record Replayed(String answer) implements Outcome {
    }

    /** The pickup code drawn is used by an active reservation of the store: draw another and place again. */
    public static final class PickupCodeTaken extends RuntimeException {

        PickupCodeTaken() {
            super("pickup code in use", null, false, false);
        }
    }

    private static final String PLACE = """
            SELECT outcome, body FROM place_reservation($1, $2, $3, $4, CAST(CAST($5 AS text) AS jsonb),
                CAST(CAST($6 AS text) AS jsonb), CAST(CAST($7 AS text) AS jsonb), $8, $9, $10, $11, $12)""";
    // JSON goes as text: a String bound to a jsonb parameter would be taken for a JSON string
    private static final TypeReference<Map<String, Long>> VERSIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<ShortLine>> SHORT_LINES = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;
    private final String eventSource;
    private final String lockTimeout;

    ReservationPlacements(Pool pool, ObjectMapper json, InventoryConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.json = json;
        this.eventSource = CloudEvent.sourceOf(applicationName);
        this.lockTimeout = config.holds().lockTimeout().toMillis() + "ms";
    }

    /**
     * @param scope      the idempotency scope; with {@code key} null, no idempotency
     * @param answer     what a retry with the key gets: the reservation as answered now
     * @param confirmed  the {@code reservation.confirmed} outbox row
     */
    public Uni<Outcome> place(String scope, String key, String requestHash, String answer, Reservation reservation,
            OutboxEvent confirmed, String actor) {
        return pool.preparedQuery(PLACE).execute(Tuple.from(Arrays.asList(scope, key, requestHash, answer,
                write(row(reservation)), write(lines(reservation)), write(outbox(confirmed)), actor,
                Topics.INVENTORY_STOCK, StockLevelChanged.TYPE, eventSource, lockTimeout)))
                .map(rows -> outcome(rows.iterator().next()))
                .onFailure(PgException.class).transform(failure -> refusal((PgException) failure, reservation));
    }

    private Outcome outcome(Row row) {
        String body = row.getString("body");
        if ("replayed".equals(row.getString("outcome"))) {
            return new Replayed(body);
        }
        try {
            return new Placed(json.readValue(body, VERSIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("place_reservation answered unreadable stock versions", e);
        }
    }

    private Throwable refusal(PgException failure, Reservation reservation) {
        return switch (failure.getSqlState()) {
            case "OM409" -> ProblemException.conflict("insufficient-stock",
                    "Not enough stock at " + reservation.storeId() + " for every line; nothing was reserved",
                    Map.of("lines", shortLines(failure.getDetail())));
            case "OM410" -> new PickupCodeTaken();
            case "OM422" -> IdempotentRequests.reused();
            // the hot row stayed locked longer than the hold may wait: the caller tries again shortly
            case "55P03" -> new Overloaded("a hold waited too long for a stock row");
            default -> failure;
        };
    }

    private List<ShortLine> shortLines(String detail) {
        try {
            return json.readValue(detail, SHORT_LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("place_reservation named its short lines unreadably", e);
        }
    }

    private ObjectNode row(Reservation reservation) {
        ObjectNode row = json.createObjectNode();
        row.put("id", reservation.id().toString());
        row.put("customerId", reservation.customerId() == null ? null : reservation.customerId().toString());
        row.put("storeId", reservation.storeId());
        row.put("holdType", reservation.holdType().wireName());
        row.put("pickupCode", reservation.pickupCode());
        row.put("expiresAt", text(reservation.expiresAt()));
        row.put("maxExpiresAt", text(reservation.maxExpiresAt()));
        row.put("pickupFrom", text(reservation.pickupFrom()));
        row.put("pickupTo", text(reservation.pickupTo()));
        row.put("total", reservation.total());
        row.put("currency", reservation.currency());
        row.put("channel", reservation.channel());
        row.put("createdAt", text(reservation.createdAt()));
        return row;
    }

    /** Lines summed by SKU and in SKU order: the order the stock rows are locked in. */
    private ArrayNode lines(Reservation reservation) {
        ArrayNode lines = json.createArrayNode();
        reservation.lines().forEach(line -> lines.addObject().put("sku", line.sku()).put("quantity", line.quantity())
                .put("unitPrice", line.unitPrice()));
        return lines;
    }

    private ObjectNode outbox(OutboxEvent event) {
        return json.createObjectNode().put("id", event.id.toString()).put("topic", event.topic)
                .put("key", event.messageKey).put("type", event.type).put("traceparent", event.traceparent)
                .put("payload", event.payload);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
