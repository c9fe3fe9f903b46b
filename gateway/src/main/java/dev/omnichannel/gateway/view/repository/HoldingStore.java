package dev.omnichannel.gateway.view.repository;

import static dev.omnichannel.gateway.view.repository.ViewColumns.NOT_ERASED;
import static dev.omnichannel.gateway.view.repository.ViewColumns.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The reservations and orders of the view model ({@code view_holding}, each kept at the highest version its
 * owner gave), and the lists of them each view shows: the newest {@value #LISTED} active ones of the customer
 * and of the duplicates merged into them, made again whenever one changes.
 */
@ApplicationScoped
public class HoldingStore {

    /** The most reservations and orders a view lists, newest first. */
    public static final int LISTED = 20;
    /** The kinds of holding. */
    public static final String RESERVATION = "reservation";
    public static final String ORDER = "order";

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

    private final Pool pool;
    private final ObjectMapper json;

    public HoldingStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
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
                .onItem().transformToUni(customerId -> InOneGo.transaction(pool, connection -> List.of(
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
        return InOneGo.transaction(pool, connection -> List.of(
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

    private String write(Object data) {
        return ViewColumns.write(json, data);
    }
}
