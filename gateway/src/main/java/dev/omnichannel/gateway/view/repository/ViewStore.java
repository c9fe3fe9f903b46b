package dev.omnichannel.gateway.view.repository;

import static dev.omnichannel.gateway.view.repository.ViewColumns.NOT_ERASED;
import static dev.omnichannel.gateway.view.repository.ViewColumns.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.view.domain.ViewParts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The view model in the gateway's PostgreSQL database, one row per customer ({@code customer_view}): the parts
 * its owners publish (profile, cart, wishlist, messages), each kept at the highest version its owner gave (an
 * older event or answer changes nothing), who signs in as whom, merges and erasures; nothing is kept for an
 * erased customer. Reservations and orders are kept by {@link HoldingStore}, views read by {@link ViewQueries}.
 * Writes take the client to run on: the pool for a single statement, a transaction's connection otherwise.
 */
@ApplicationScoped
public class ViewStore {

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
               OR v.wishlist_version < EXCLUDED.wishlist_version""".formatted(NOT_ERASED);

    private static final String CART = listPart("cart");
    private static final String WISHLIST = listPart("wishlist");

    private static final String MESSAGES = """
            INSERT INTO customer_view AS v (customer_id, conversation, inbox, messages_version, messages_as_of)
            SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST(CAST($3 AS text) AS json), CAST($4 AS bigint),
                   CAST($5 AS timestamptz) %s
            ON CONFLICT (customer_id) DO UPDATE SET conversation = EXCLUDED.conversation, inbox = EXCLUDED.inbox,
                messages_version = EXCLUDED.messages_version, messages_as_of = EXCLUDED.messages_as_of
            WHERE v.messages_version < EXCLUDED.messages_version""".formatted(NOT_ERASED);

    /**
     * The subjects listed by the profile of version $3 are this customer's, those it no longer lists are not:
     * written only while the stored profile is of that version (a newer one brings its own subjects).
     */
    private static final String SUBJECTS = """
            WITH current AS (SELECT 1 FROM customer_view WHERE customer_id = $1 AND profile_version = CAST($3 AS bigint)),
                 forgotten AS (
                     DELETE FROM view_subject WHERE customer_id = $1 AND NOT (subject = ANY(CAST($2 AS text[])))
                         AND EXISTS (SELECT 1 FROM current))
            INSERT INTO view_subject (subject, customer_id)
            SELECT subject, CAST($1 AS text) FROM unnest(CAST($2 AS text[])) subject WHERE EXISTS (SELECT 1 FROM current)
            ON CONFLICT (subject) DO UPDATE SET customer_id = EXCLUDED.customer_id
            WHERE view_subject.customer_id <> EXCLUDED.customer_id""";

    /** A merge into a survivor that was itself merged before points at the last survivor (chains stay one level deep). */
    private static final String MERGED = """
            WITH merged AS (
                INSERT INTO view_merge (duplicate_id, survivor_id) VALUES ($1, $2)
                ON CONFLICT (duplicate_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id)
            UPDATE view_merge SET survivor_id = $2 WHERE survivor_id = $1""";

    private static final String MERGE_UNDONE = """
            WITH undone AS (DELETE FROM view_merge WHERE duplicate_id = $1 RETURNING survivor_id),
                 marked AS (INSERT INTO view_holding_stale SELECT survivor_id FROM undone ON CONFLICT DO NOTHING)
            SELECT survivor_id FROM undone""";

    private static final String ERASED = """
            WITH views AS (DELETE FROM customer_view WHERE customer_id = $1),
                 holdings AS (DELETE FROM view_holding WHERE customer_id = $1),
                 subjects AS (DELETE FROM view_subject WHERE customer_id = $1),
                 merges AS (DELETE FROM view_merge WHERE duplicate_id = $1 OR survivor_id = $1)
            INSERT INTO view_erased (customer_id) VALUES ($1) ON CONFLICT DO NOTHING""";

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
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : subjects(client, customerId, version, subjects));
    }

    /**
     * A customer snapshot: each part kept if newer; a null cart or wishlist (a snapshot from before they were
     * published) leaves the stored one. The token subjects follow the profile when it was kept. The two
     * statements do not wait for each other: {@code transaction} must be a transaction's connection, which
     * runs them in order (the feed sends a batch's statements together).
     */
    public Uni<Void> snapshot(SqlConnection transaction, String customerId, long version, Instant asOf,
            ViewParts.ProfileSummary summary, List<ViewParts.CartLine> cart, List<ViewParts.WishlistLine> wishlist,
            List<String> subjects) {
        return Uni.join().all(
                transaction.preparedQuery(SNAPSHOT).execute(Tuple.from(Arrays.asList(customerId, write(summary), version,
                        time(asOf), summary.segments().toArray(String[]::new), summary.preferredStoreId(),
                        cart == null ? null : write(cart), cart == null ? 0L : version,
                        wishlist == null ? null : write(wishlist), wishlist == null ? 0L : version))).replaceWithVoid(),
                subjects(transaction, customerId, version, subjects))
                .andFailFast().replaceWithVoid();
    }

    private Uni<Void> subjects(SqlClient client, String customerId, long version, List<String> subjects) {
        return subjects == null ? Uni.createFrom().voidItem()
                : client.preparedQuery(SUBJECTS).execute(Tuple.of(customerId, subjects.toArray(String[]::new), version))
                        .replaceWithVoid();
    }

    public Uni<Void> cart(SqlClient client, String customerId, long version, Instant asOf, List<ViewParts.CartLine> lines) {
        return client.preparedQuery(CART).execute(Tuple.of(customerId, write(lines), version, time(asOf)))
                .replaceWithVoid();
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

    public Uni<Void> merged(SqlClient client, String duplicateId, String survivorId) {
        return client.preparedQuery(MERGED).execute(Tuple.of(duplicateId, survivorId)).replaceWithVoid();
    }

    /**
     * The merge of {@code restoredId} undone; the survivor it had (null if none), whose lists must be made
     * again: it is marked so in the same statement ({@link HoldingStore#markStale}).
     */
    public Uni<String> mergeUndone(SqlClient client, String restoredId) {
        return client.preparedQuery(MERGE_UNDONE)
                .execute(Tuple.of(restoredId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    public Uni<Void> erased(SqlClient client, String customerId) {
        return client.preparedQuery(ERASED).execute(Tuple.of(customerId)).replaceWithVoid();
    }

    private static String listPart(String column) {
        return """
                INSERT INTO customer_view AS v (customer_id, %1$s, %1$s_version, %1$s_as_of)
                SELECT CAST($1 AS text), CAST(CAST($2 AS text) AS json), CAST($3 AS bigint), CAST($4 AS timestamptz) %2$s
                ON CONFLICT (customer_id) DO UPDATE SET %1$s = EXCLUDED.%1$s, %1$s_version = EXCLUDED.%1$s_version,
                    %1$s_as_of = EXCLUDED.%1$s_as_of
                WHERE v.%1$s_version < EXCLUDED.%1$s_version""".formatted(column, NOT_ERASED);
    }

    private String write(Object data) {
        return ViewColumns.write(json, data);
    }
}
