package dev.omnichannel.gateway.view.repository;

import dev.omnichannel.gateway.view.domain.ViewParts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.availability.service.StockWatermarks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The view model in the gateway's PostgreSQL database, one row per customer ({@code customer_view}):
 * every write keeps, per part, the highest version its owner gave (an older event or answer
 * changes nothing), and nothing is kept for an erased customer. Writes take the client to run on:
 * the pool for a single statement, a transaction's connection otherwise. JSON is bound as text: a
 * String bound to a json parameter would be stored as a JSON string.
 */
@ApplicationScoped
public class ViewStore {

    /** The most reservations and orders a view lists, newest first. */
    public static final int LISTED = 20;

    private static final String NOT_ERASED = "WHERE NOT EXISTS (SELECT 1 FROM view_erased WHERE customer_id = $1)";

    private static final String PROFILE = """
            INSERT INTO customer_view AS v (customer_id, profile, profile_version, profile_as_of, segments, preferred_store_id)
            SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST($3 AS bigint), CAST($4 AS timestamptz),
                   CAST($5 AS text[]), CAST($6 AS text) %s
            ON CONFLICT (customer_id) DO UPDATE SET profile = EXCLUDED.profile, profile_version = EXCLUDED.profile_version,
                profile_as_of = EXCLUDED.profile_as_of, segments = EXCLUDED.segments,
                preferred_store_id = EXCLUDED.preferred_store_id
            WHERE v.profile_version < EXCLUDED.profile_version
            RETURNING customer_id""".formatted(NOT_ERASED);

    /** A snapshot of customer-service: profile, cart and wishlist of one version, each kept if newer than the one stored. */
    private static final String SNAPSHOT = """
            INSERT INTO customer_view AS v (customer_id, profile, profile_version, profile_as_of, segments, preferred_store_id,
                                            cart, cart_version, cart_as_of, wishlist, wishlist_version, wishlist_as_of)
            SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST($3 AS bigint), CAST($4 AS timestamptz),
                   CAST($5 AS text[]), CAST($6 AS text), CAST(CAST($7 AS text) AS json), CAST($8 AS bigint), $4,
                   CAST(CAST($9 AS text) AS json), CAST($10 AS bigint), $4 %s
            ON CONFLICT (customer_id) DO UPDATE SET
                profile = CASE WHEN v.profile_version < EXCLUDED.profile_version THEN EXCLUDED.profile ELSE v.profile END,
                segments = CASE WHEN v.profile_version < EXCLUDED.profile_version THEN EXCLUDED.segments ELSE v.segments END,
                preferred_store_id = CASE WHEN v.profile_version < EXCLUDED.profile_version
                                          THEN EXCLUDED.preferred_store_id ELSE v.preferred_store_id END,
                profile_as_of = CASE WHEN v.profile_version < EXCLUDED.profile_version THEN EXCLUDED.profile_as_of ELSE v.profile_as_of END,
                profile_version = GREATEST(v.profile_version, EXCLUDED.profile_version),
                cart = CASE WHEN v.cart_version < EXCLUDED.cart_version THEN EXCLUDED.cart ELSE v.cart END,
                cart_as_of = CASE WHEN v.cart_version < EXCLUDED.cart_version THEN EXCLUDED.cart_as_of ELSE v.cart_as_of END,
                cart_version = GREATEST(v.cart_version, EXCLUDED.cart_version),
                wishlist = CASE WHEN v.wishlist_version < EXCLUDED.wishlist_version THEN EXCLUDED.wishlist ELSE v.wishlist END,
                wishlist_as_of = CASE WHEN v.wishlist_version < EXCLUDED.wishlist_version
                                      THEN EXCLUDED.wishlist_as_of ELSE v.wishlist_as_of END,
                wishlist_version = GREATEST(v.wishlist_version, EXCLUDED.wishlist_version)
            WHERE v.profile_version < EXCLUDED.profile_version OR v.cart_version < EXCLUDED.cart_version
               OR v.wishlist_version < EXCLUDED.wishlist_version
            RETURNING profile_version = CAST($3 AS bigint)""".formatted(NOT_ERASED);

    private static final String CART = listPart("cart");
    private static final String WISHLIST = listPart("wishlist");

    private static final String MESSAGES = """
            INSERT INTO customer_view AS v (customer_id, conversation, inbox, messages_version, messages_as_of)
            SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST(CAST($3 AS text) AS json), CAST($4 AS bigint),
                   CAST($5 AS timestamptz) %s
            ON CONFLICT (customer_id) DO UPDATE SET conversation = EXCLUDED.conversation, inbox = EXCLUDED.inbox,
                messages_version = EXCLUDED.messages_version, messages_as_of = EXCLUDED.messages_as_of
            WHERE v.messages_version < EXCLUDED.messages_version""".formatted(NOT_ERASED);

    /** The subjects listed by the newest profile are this customer's; those it no longer lists are not. */
    private static final String SUBJECTS = """
            WITH forgotten AS (
                DELETE FROM view_subject WHERE customer_id = $1 AND NOT (subject = ANY(CAST($2 AS text[]))))
            INSERT INTO view_subject (subject, customer_id)
            SELECT subject, CAST($1 AS text) FROM unnest(CAST($2 AS text[])) subject
            ON CONFLICT (subject) DO UPDATE SET customer_id = EXCLUDED.customer_id""";

    private static final String HOLDING = """
            INSERT INTO view_holding AS h (id, kind, customer_id, version, active, created_at, as_of, data)
            SELECT CAST($2 AS text), CAST($3 AS text), CAST($1 AS text), CAST($4 AS bigint), CAST($5 AS boolean),
                   CAST($6 AS timestamptz), CAST($7 AS timestamptz), CAST(CAST($8 AS text) AS json) %s
            ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, version = EXCLUDED.version,
                active = EXCLUDED.active, as_of = EXCLUDED.as_of, data = EXCLUDED.data
            WHERE h.version < EXCLUDED.version""".formatted(NOT_ERASED);

    /** Whose view a customer's holdings are in: their survivor's when they were merged away. */
    private static final String OWNER = "coalesce((SELECT survivor_id FROM view_merge WHERE duplicate_id = $1), $1)";

    private static final String LOCK_OWNER = "SELECT pg_advisory_xact_lock(hashtextextended(" + OWNER + ", 0))";

    /**
     * The owner's lists of reservations and orders, made again from view_holding (theirs and their
     * merged-away duplicates'). The caller holds the owner's lock, so this statement sees every
     * holding committed before it.
     */
    private static final String HOLDINGS = """
            WITH owner AS (SELECT %2$s AS id),
                 ids AS (SELECT id FROM owner UNION ALL SELECT duplicate_id FROM view_merge, owner WHERE survivor_id = owner.id)
            INSERT INTO customer_view AS v (customer_id, reservations, reservations_as_of, orders, orders_as_of)
            SELECT (SELECT id FROM owner), %3$s, %4$s, %5$s, %6$s
            WHERE NOT EXISTS (SELECT 1 FROM view_erased, owner WHERE customer_id = owner.id)
            ON CONFLICT (customer_id) DO UPDATE SET reservations = EXCLUDED.reservations,
                reservations_as_of = EXCLUDED.reservations_as_of, orders = EXCLUDED.orders, orders_as_of = EXCLUDED.orders_as_of"""
            .formatted(LISTED, OWNER, listed("reservation"), lastChange("reservation"), listed("order"), lastChange("order"));

    /** A merge into a survivor that was itself merged before points at the last survivor (chains stay one level deep). */
    private static final String MERGED = """
            WITH merged AS (
                INSERT INTO view_merge (duplicate_id, survivor_id) VALUES ($1, $2)
                ON CONFLICT (duplicate_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id)
            UPDATE view_merge SET survivor_id = $2 WHERE survivor_id = $1""";

    private static final String ERASED = """
            WITH views AS (DELETE FROM customer_view WHERE customer_id = $1),
                 holdings AS (DELETE FROM view_holding WHERE customer_id = $1),
                 subjects AS (DELETE FROM view_subject WHERE customer_id = $1),
                 merges AS (DELETE FROM view_merge WHERE duplicate_id = $1 OR survivor_id = $1)
            INSERT INTO view_erased (customer_id) VALUES ($1) ON CONFLICT DO NOTHING""";

    /** The columns of a view, then the stock levels the reader's own recent writes changed. */
    private static final String VIEW = """
            SELECT v.customer_id, v.profile::text, v.profile_as_of, v.segments, v.preferred_store_id,
                   v.cart::text, v.cart_as_of, v.wishlist::text, v.wishlist_as_of,
                   v.conversation::text, v.inbox::text, v.messages_as_of,
                   v.reservations::text, v.reservations_as_of, v.orders::text, v.orders_as_of, %s
            """.formatted(StockWatermarks.recentVersions("w"));
    private static final String VIEW_OF_SUBJECT = VIEW + """
            FROM view_subject s JOIN customer_view v ON v.customer_id = s.customer_id
            LEFT JOIN view_stock_writes w ON w.subject = $2 WHERE s.subject = $1""";
    private static final String VIEW_OF_CUSTOMER = VIEW
            + "FROM customer_view v LEFT JOIN view_stock_writes w ON w.subject = $2 WHERE v.customer_id = $1";

    private final Pool pool;
    private final ObjectMapper json;

    public ViewStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Pool pool() {
        return pool;
    }

    /** The profile, and when it is newer than the one stored, the token subjects it lists (null: unknown, left as they are). */
    public Uni<Void> profile(SqlClient client, String customerId, long version, Instant asOf, ViewParts.ProfileSummary summary,
            List<String> subjects) {
        return client.preparedQuery(PROFILE).execute(Tuple.from(Arrays.asList(customerId, write(summary), version,
                time(asOf), summary.segments().toArray(String[]::new), summary.preferredStoreId())))
                .chain(rows -> rows.rowCount() == 0 || subjects == null ? Uni.createFrom().voidItem()
                        : client.preparedQuery(SUBJECTS).execute(Tuple.of(customerId, subjects.toArray(String[]::new)))
                                .replaceWithVoid());
    }

    /**
     * A customer snapshot in one statement: each part kept if newer; a null cart or wishlist (a
     * snapshot from before they were published) leaves the stored one. The token subjects follow
     * the profile when it was kept.
     */
    public Uni<Void> snapshot(SqlClient client, String customerId, long version, Instant asOf,
            ViewParts.ProfileSummary summary, List<ViewParts.CartLine> cart, List<ViewParts.WishlistLine> wishlist,
            List<String> subjects) {
        return client.preparedQuery(SNAPSHOT).execute(Tuple.from(Arrays.asList(customerId, write(summary), version,
                time(asOf), summary.segments().toArray(String[]::new), summary.preferredStoreId(),
                cart == null ? null : write(cart), cart == null ? 0L : version,
                wishlist == null ? null : write(wishlist), wishlist == null ? 0L : version)))
                .chain(rows -> !rows.iterator().hasNext() || !rows.iterator().next().getBoolean(0) || subjects == null
                        ? Uni.createFrom().voidItem()
                        : client.preparedQuery(SUBJECTS).execute(Tuple.of(customerId, subjects.toArray(String[]::new)))
                                .replaceWithVoid());
    }

    public Uni<Void> cart(SqlClient client, String customerId, long version, Instant asOf, List<ViewParts.CartLine> lines) {
        return client.preparedQuery(CART).execute(Tuple.of(customerId, write(lines), version, time(asOf))).replaceWithVoid();
    }

    public Uni<Void> wishlist(SqlClient client, String customerId, long version, Instant asOf,
            List<ViewParts.WishlistLine> lines) {
        return client.preparedQuery(WISHLIST).execute(Tuple.of(customerId, write(lines), version, time(asOf)))
                .replaceWithVoid();
    }

    public Uni<Void> messages(SqlClient client, String customerId, long version, Instant asOf,
            ViewParts.MessagesSummary summary) {
        return client.preparedQuery(MESSAGES).execute(Tuple.of(customerId, write(summary.conversation()),
                write(summary.inbox()), version, time(asOf))).replaceWithVoid();
    }

    /** Keeps a reservation or an order; the lists of its owner's view follow with {@link #refreshHoldings}. */
    public Uni<Void> holding(SqlClient client, String id, String kind, String customerId, long version, boolean active,
            Instant createdAt, Instant asOf, Object data) {
        return client.preparedQuery(HOLDING)
                .execute(Tuple.from(Arrays.asList(customerId, id, kind, version, active,
                        time(createdAt == null ? asOf : createdAt), time(asOf), write(data))))
                .replaceWithVoid();
    }

    /**
     * Marks, in the transaction that changed their holdings, the customers whose lists must be made
     * again ({@link #refreshStale}, once that transaction committed): the feed's batch then holds no
     * lock of a view while it runs, so the writes made through the gateway never wait for it.
     */
    public Uni<Void> markStale(SqlClient transaction, Collection<String> customerIds) {
        return customerIds.isEmpty() ? Uni.createFrom().voidItem()
                : transaction.preparedQuery("INSERT INTO view_holding_stale SELECT unnest(CAST($1 AS text[])) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(customerIds.toArray(String[]::new))).replaceWithVoid();
    }

    /** Makes again the lists of these customers' views, each in a short transaction that clears its mark. */
    public Uni<Void> refreshStale(Collection<String> customerIds) {
        return Multi.createFrom().iterable(new TreeSet<>(customerIds))
                .onItem().transformToUni(customerId -> inOneGo(connection -> List.of(
                        refreshHoldings(connection, customerId),
                        connection.preparedQuery("DELETE FROM view_holding_stale WHERE customer_id = $1")
                                .execute(Tuple.of(customerId)).replaceWithVoid())))
                .merge(4)
                .collect().last().replaceWithVoid();
    }

    /** Every list still marked (the gateway stopped between a batch and its lists): made again. */
    public Uni<Void> refreshAllStale() {
        return pool.query("SELECT customer_id FROM view_holding_stale").execute()
                .chain(rows -> {
                    List<String> stale = new ArrayList<>();
                    rows.forEach(row -> stale.add(row.getString(0)));
                    return refreshStale(stale);
                });
    }

    /** A holding answered by a write, and its owner's lists, in one short transaction. */
    public Uni<Void> holdingWithLists(String id, String kind, String customerId, long version, boolean active,
            Instant createdAt, Instant asOf, Object data) {
        return inOneGo(connection -> List.of(
                holding(connection, id, kind, customerId, version, active, createdAt, asOf, data),
                refreshHoldings(connection, customerId)));
    }

    /**
     * The lists of reservations and orders of the view a customer's holdings are in: its owner is
     * locked first, and the lists are read after the lock (two refreshes of one view take turns).
     */
    private Uni<Void> refreshHoldings(SqlClient transaction, String customerId) {
        return Uni.join().all(
                transaction.preparedQuery(LOCK_OWNER).execute(Tuple.of(customerId)).replaceWithVoid(),
                transaction.preparedQuery(HOLDINGS).execute(Tuple.of(customerId)).replaceWithVoid())
                .andFailFast().replaceWithVoid();
    }

    /**
     * One transaction whose statements and COMMIT are sent together, so its locks are released
     * right after the statements in the database, never after a round trip to this busy gateway.
     * A statement that fails makes the COMMIT a rollback.
     */
    private Uni<Void> inOneGo(Function<SqlConnection, List<Uni<Void>>> statements) {
        return pool.withConnection(connection -> connection.begin().chain(transaction -> {
            List<Uni<Void>> all = new ArrayList<>(statements.apply(connection));
            all.add(transaction.commit());
            return Uni.join().all(all).andFailFast().replaceWithVoid();
        }));
    }

    public Uni<Void> merged(SqlClient client, String duplicateId, String survivorId) {
        return client.preparedQuery(MERGED).execute(Tuple.of(duplicateId, survivorId)).replaceWithVoid();
    }

    /** The merge of {@code restoredId} undone; the survivor it had, whose lists must be made again (null if none). */
    public Uni<String> mergeUndone(SqlClient client, String restoredId) {
        return client.preparedQuery("DELETE FROM view_merge WHERE duplicate_id = $1 RETURNING survivor_id")
                .execute(Tuple.of(restoredId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    public Uni<Void> erased(SqlClient client, String customerId) {
        return client.preparedQuery(ERASED).execute(Tuple.of(customerId)).replaceWithVoid();
    }

    /** The view of the customer this token subject signs in as; null when the model does not know the subject. */
    public Uni<StoredView> viewOfSubject(String subject) {
        return pool.preparedQuery(VIEW_OF_SUBJECT).execute(Tuple.of(subject, subject)).map(ViewStore::stored);
    }

    /** The view of a customer (null when the model has nothing of them), read by the token subject {@code reader}. */
    public Uni<StoredView> viewOf(String customerId, String reader) {
        return pool.preparedQuery(VIEW_OF_CUSTOMER).execute(Tuple.of(customerId, reader)).map(ViewStore::stored);
    }

    /**
     * The segments of the customer a token subject signs in as, from the same row their view is read
     * from (so a product page offers what their view offers); empty when unknown to the model.
     */
    public Uni<List<String>> segmentsOfSubject(String subject) {
        return pool.preparedQuery("""
                SELECT v.segments FROM view_subject s JOIN customer_view v ON v.customer_id = s.customer_id
                WHERE s.subject = $1""").execute(Tuple.of(subject))
                .map(rows -> {
                    String[] segments = rows.iterator().hasNext() ? rows.iterator().next().getArrayOfStrings(0) : null;
                    return segments == null ? List.<String>of() : List.of(segments);
                });
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

    /**
     * A view as stored: the parts as JSON text, with the time each last changed; the reader's own
     * recent stock writes ({@code sku@location -> version}, JSON) come with it.
     */
    public record StoredView(String customerId, String profile, Instant profileAsOf, List<String> segments,
            String preferredStoreId, String cart, Instant cartAsOf, String wishlist, Instant wishlistAsOf,
            String conversation, String inbox, Instant messagesAsOf, String reservations, Instant reservationsAsOf,
            String orders, Instant ordersAsOf, String readersStockWrites) {
    }

    private static StoredView stored(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row row = rows.iterator().next();
        String[] segments = row.getArrayOfStrings(3);
        return new StoredView(row.getString(0), row.getString(1), instant(row, 2),
                segments == null ? List.of() : List.of(segments), row.getString(4), row.getString(5), instant(row, 6),
                row.getString(7), instant(row, 8), row.getString(9), row.getString(10), instant(row, 11),
                row.getString(12), instant(row, 13), row.getString(14), instant(row, 15), row.getString(16));
    }

    /**
     * The newest active holdings of a kind, each id's read in its index order (a customer with
     * hundreds of reservations costs no more than one with twenty).
     */
    private static String listed(String kind) {
        return """
                (SELECT coalesce(json_agg(h.data ORDER BY h.created_at DESC), '[]') FROM (
                    SELECT h.data, h.created_at FROM ids, LATERAL (
                        SELECT data, created_at FROM view_holding
                        WHERE customer_id = ids.id AND kind = '%1$s' AND active ORDER BY created_at DESC LIMIT %2$d) h
                    ORDER BY h.created_at DESC LIMIT %2$d) h)""".formatted(kind, LISTED);
    }

    /** When any holding of a kind last changed, active or not. */
    private static String lastChange(String kind) {
        return """
                (SELECT max(c.as_of) FROM ids, LATERAL (
                    SELECT as_of FROM view_holding WHERE customer_id = ids.id AND kind = '%s'
                    ORDER BY as_of DESC LIMIT 1) c)""".formatted(kind);
    }

    private static String listPart(String column) {
        return """
                INSERT INTO customer_view AS v (customer_id, %1$s, %1$s_version, %1$s_as_of)
                SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST($3 AS bigint), CAST($4 AS timestamptz) %2$s
                ON CONFLICT (customer_id) DO UPDATE SET %1$s = EXCLUDED.%1$s, %1$s_version = EXCLUDED.%1$s_version,
                    %1$s_as_of = EXCLUDED.%1$s_as_of
                WHERE v.%1$s_version < EXCLUDED.%1$s_version""".formatted(column, NOT_ERASED);
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
