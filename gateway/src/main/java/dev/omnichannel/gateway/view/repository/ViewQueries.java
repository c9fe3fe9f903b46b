package dev.omnichannel.gateway.view.repository;

import static dev.omnichannel.gateway.view.repository.ViewColumns.instant;

import dev.omnichannel.gateway.availability.service.StockWatermarks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The reads of the view model: one row per view, found by customer or by the token subject that signs in as them. */
@ApplicationScoped
public class ViewQueries {

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

    public ViewQueries(Pool pool) {
        this.pool = pool;
    }

    /** The view of the customer this token subject signs in as; null when the model does not know the subject. */
    public Uni<StoredView> viewOfSubject(String subject) {
        return pool.preparedQuery(VIEW_OF_SUBJECT).execute(Tuple.of(subject, subject)).map(ViewQueries::stored);
    }

    /** The view of a customer (null when the model has nothing of them), read by the token subject {@code reader}. */
    public Uni<StoredView> viewOf(String customerId, String reader) {
        return pool.preparedQuery(VIEW_OF_CUSTOMER).execute(Tuple.of(customerId, reader)).map(ViewQueries::stored);
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
}
