package dev.omnichannel.gateway.view.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The view model in the gateway's PostgreSQL database: every write keeps, per part, the highest
 * version its owner gave (an older event or answer changes nothing), and nothing is kept for an
 * erased customer. Writes take the client to run on: the pool for a write-through, a transaction's
 * connection for a batch of events.
 */
@ApplicationScoped
public class ViewStore {

    // the JSON goes as text: a String bound to a json parameter would be stored as a JSON string

    /** The tables of the parts kept per customer, all of the same shape. */
    public enum Part {
        PROFILE("view_profile"), CART("view_cart"), WISHLIST("view_wishlist"), MESSAGES("view_messages");

        final String upsert;

        Part(String table) {
            this.upsert = """
                    INSERT INTO %1$s AS part (customer_id, version, as_of, data)
                    SELECT CAST($1 AS text), CAST($2 AS bigint), CAST($3 AS timestamptz), CAST(CAST($4 AS text) AS json)
                    WHERE NOT EXISTS (SELECT 1 FROM view_erased WHERE customer_id = $1)
                    ON CONFLICT (customer_id) DO UPDATE SET version = EXCLUDED.version, as_of = EXCLUDED.as_of, data = EXCLUDED.data
                    WHERE part.version < EXCLUDED.version
                    RETURNING customer_id""".formatted(table);
        }
    }

    /** The subjects listed by the newest profile are this customer's; those it no longer lists are not. */
    private static final String SUBJECTS = """
            WITH forgotten AS (
                DELETE FROM view_subject WHERE customer_id = $1 AND NOT (subject = ANY(CAST($2 AS text[]))))
            INSERT INTO view_subject (subject, customer_id) SELECT subject, CAST($1 AS text) FROM unnest(CAST($2 AS text[])) subject
            ON CONFLICT (subject) DO UPDATE SET customer_id = EXCLUDED.customer_id""";

    private static final String HOLDING = """
            INSERT INTO view_holding AS h (id, kind, customer_id, version, active, created_at, as_of, data)
            SELECT CAST($1 AS text), CAST($2 AS text), CAST($3 AS text), CAST($4 AS bigint), CAST($5 AS boolean),
                   CAST($6 AS timestamptz), CAST($7 AS timestamptz), CAST(CAST($8 AS text) AS json)
            WHERE NOT EXISTS (SELECT 1 FROM view_erased WHERE customer_id = $3)
            ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, version = EXCLUDED.version,
                active = EXCLUDED.active, as_of = EXCLUDED.as_of, data = EXCLUDED.data
            WHERE h.version < EXCLUDED.version""";

    /** A merge into a survivor that was itself merged before points at the last survivor (chains stay one level deep). */
    private static final String MERGED = """
            WITH merged AS (
                INSERT INTO view_merge (duplicate_id, survivor_id) VALUES ($1, $2)
                ON CONFLICT (duplicate_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id)
            UPDATE view_merge SET survivor_id = $2 WHERE survivor_id = $1""";

    private static final String ERASED = """
            WITH profile AS (DELETE FROM view_profile WHERE customer_id = $1),
                 cart AS (DELETE FROM view_cart WHERE customer_id = $1),
                 wishlist AS (DELETE FROM view_wishlist WHERE customer_id = $1),
                 messages AS (DELETE FROM view_messages WHERE customer_id = $1),
                 holdings AS (DELETE FROM view_holding WHERE customer_id = $1),
                 subjects AS (DELETE FROM view_subject WHERE customer_id = $1),
                 merges AS (DELETE FROM view_merge WHERE duplicate_id = $1 OR survivor_id = $1)
            INSERT INTO view_erased (customer_id) VALUES ($1) ON CONFLICT DO NOTHING""";

    /** Everything the view of one customer needs, in one statement; {@code who} finds the customer. */
    private static final String VIEW = """
            WITH who AS (%s),
                 owners AS (SELECT customer_id AS id FROM who
                            UNION ALL SELECT m.duplicate_id FROM view_merge m JOIN who ON m.survivor_id = who.customer_id)
            SELECT who.customer_id, p.data::text, p.as_of, c.data::text, c.as_of, w.data::text, w.as_of, m.data::text, m.as_of,
                   (SELECT coalesce(json_agg(r.data ORDER BY r.created_at DESC), '[]')::text FROM (
                        SELECT data, created_at FROM view_holding
                        WHERE kind = 'reservation' AND active AND customer_id IN (SELECT id FROM owners)
                        ORDER BY created_at DESC LIMIT CAST($2 AS integer)) r),
                   (SELECT max(as_of) FROM view_holding WHERE kind = 'reservation' AND customer_id IN (SELECT id FROM owners)),
                   (SELECT coalesce(json_agg(o.data ORDER BY o.created_at DESC), '[]')::text FROM (
                        SELECT data, created_at FROM view_holding
                        WHERE kind = 'order' AND active AND customer_id IN (SELECT id FROM owners)
                        ORDER BY created_at DESC LIMIT CAST($2 AS integer)) o),
                   (SELECT max(as_of) FROM view_holding WHERE kind = 'order' AND customer_id IN (SELECT id FROM owners))
            FROM who
            LEFT JOIN view_profile p ON p.customer_id = who.customer_id
            LEFT JOIN view_cart c ON c.customer_id = who.customer_id
            LEFT JOIN view_wishlist w ON w.customer_id = who.customer_id
            LEFT JOIN view_messages m ON m.customer_id = who.customer_id""";
    private static final String VIEW_OF_SUBJECT = VIEW.formatted("SELECT customer_id FROM view_subject WHERE subject = $1");
    private static final String VIEW_OF_CUSTOMER = VIEW.formatted("SELECT CAST($1 AS text) AS customer_id");

    /** The most reservations and orders a view lists, newest first. */
    public static final int LISTED = 20;

    private final Pool pool;
    private final ObjectMapper json;

    public ViewStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Pool pool() {
        return pool;
    }

    /** Keeps the part if it is newer than the one stored; true when it was kept. */
    public Uni<Boolean> part(SqlClient client, Part part, String customerId, long version, Instant asOf, Object data) {
        return client.preparedQuery(part.upsert).execute(Tuple.of(customerId, version, time(asOf), write(data)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The profile, and when it is newer than the one stored, the token subjects it lists (null: unknown, left as they are). */
    public Uni<Void> profile(SqlClient client, String customerId, long version, Instant asOf, ViewParts.ProfileSummary summary,
            List<String> subjects) {
        return part(client, Part.PROFILE, customerId, version, asOf, summary).chain(kept -> !kept || subjects == null
                ? Uni.createFrom().voidItem()
                : client.preparedQuery(SUBJECTS).execute(Tuple.of(customerId, subjects.toArray(String[]::new)))
                        .replaceWithVoid());
    }

    public Uni<Void> holding(SqlClient client, String id, String kind, String customerId, long version, boolean active,
            Instant createdAt, Instant asOf, Object data) {
        return client.preparedQuery(HOLDING)
                .execute(Tuple.from(List.of(id, kind, customerId, version, active,
                        time(createdAt == null ? asOf : createdAt), time(asOf), write(data))))
                .replaceWithVoid();
    }

    public Uni<Void> merged(SqlClient client, String duplicateId, String survivorId) {
        return client.preparedQuery(MERGED).execute(Tuple.of(duplicateId, survivorId)).replaceWithVoid();
    }

    public Uni<Void> mergeUndone(SqlClient client, String restoredId) {
        return client.preparedQuery("DELETE FROM view_merge WHERE duplicate_id = $1").execute(Tuple.of(restoredId))
                .replaceWithVoid();
    }

    public Uni<Void> erased(SqlClient client, String customerId) {
        return client.preparedQuery(ERASED).execute(Tuple.of(customerId)).replaceWithVoid();
    }

    /** The stored parts of the customer this token subject signs in as; null when the model does not know the subject. */
    public Uni<StoredView> viewOfSubject(String subject) {
        return pool.preparedQuery(VIEW_OF_SUBJECT).execute(Tuple.of(subject, LISTED)).map(ViewStore::stored);
    }

    /** The stored parts of a customer (each null when never seen). */
    public Uni<StoredView> viewOf(String customerId) {
        return pool.preparedQuery(VIEW_OF_CUSTOMER).execute(Tuple.of(customerId, LISTED)).map(ViewStore::stored);
    }

    /** The customer a token subject signs in as, null when unknown to the model. */
    public Uni<String> customerOfSubject(String subject) {
        return pool.preparedQuery("SELECT customer_id FROM view_subject WHERE subject = $1").execute(Tuple.of(subject))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /** The next offset to read of each partition of {@code topic} the model has applied records of. */
    public Uni<Map<Integer, Long>> offsets(SqlClient client, String topic) {
        return client.preparedQuery("SELECT partition, next_offset FROM view_offset WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Map<Integer, Long> offsets = new HashMap<>();
                    rows.forEach(row -> offsets.put(row.getInteger(0), row.getLong(1)));
                    return offsets;
                });
    }

    public Uni<Void> saveOffset(SqlClient client, String topic, int partition, long nextOffset) {
        return client.preparedQuery("""
                INSERT INTO view_offset (topic, partition, next_offset) VALUES ($1, $2, $3)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(view_offset.next_offset, EXCLUDED.next_offset)""")
                .execute(Tuple.of(topic, partition, nextOffset)).replaceWithVoid();
    }

    /** The parts as stored (JSON text), with the time each was last changed. */
    public record StoredView(String customerId, String profile, Instant profileAsOf, String cart, Instant cartAsOf,
            String wishlist, Instant wishlistAsOf, String messages, Instant messagesAsOf, String reservations,
            Instant reservationsAsOf, String orders, Instant ordersAsOf) {
    }

    private static StoredView stored(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row row = rows.iterator().next();
        return new StoredView(row.getString(0), row.getString(1), instant(row, 2), row.getString(3), instant(row, 4),
                row.getString(5), instant(row, 6), row.getString(7), instant(row, 8), row.getString(9), instant(row, 10),
                row.getString(11), instant(row, 12));
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a view part cannot be written as JSON", e);
        }
    }
}
