package dev.omnichannel.inventory.review.repository;

import dev.omnichannel.inventory.review.domain.ReviewSummary;
import dev.omnichannel.inventory.review.domain.ReviewView;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Product reviews: the visible one of each customer and product, and the hidden ones kept with their moderation. */
@ApplicationScoped
public class ReviewRepository {

    private static final String COLUMNS = """
            r.id, r.sku, r.customer_id, r.rating, r.text, r.verified_purchase, r.created_at, r.updated_at,
            r.hidden_at, r.hidden_by, r.hidden_reason""";

    /** A written review, and whether it was created (false: it replaced the customer's visible one). */
    public record Written(ReviewView review, boolean created) {
    }

    /** Whether the customer bought the SKU (an order that was not cancelled) or collected it (a reservation). */
    public Uni<Boolean> boughtOrCollected(UUID customerId, String sku) {
        return Sql.one("""
                SELECT EXISTS (SELECT 1 FROM fulfilment_order o JOIN order_line l ON l.order_id = o.id
                               WHERE o.customer_id = ?1 AND l.sku = ?2 AND o.status <> 'CANCELLED')
                    OR EXISTS (SELECT 1 FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
                               WHERE r.customer_id = ?1 AND l.sku = ?2 AND r.status = 'COLLECTED')
                """, customerId, sku).map(row -> row.bool(0));
    }

    /** Creates the customer's review of the SKU, or replaces their visible one (one statement: concurrent writes make one review). */
    public Uni<Written> write(UUID customerId, String sku, int rating, String text, String channel) {
        return Sql.one("""
                INSERT INTO product_review AS r (id, sku, customer_id, rating, text, channel)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), CAST(?6 AS text))
                ON CONFLICT (sku, customer_id) WHERE hidden_at IS NULL
                DO UPDATE SET rating = EXCLUDED.rating, text = EXCLUDED.text, channel = EXCLUDED.channel, updated_at = now()
                RETURNING %s, (xmax = 0)
                """.formatted(COLUMNS), UUID.randomUUID(), sku, customerId, (short) rating, text, channel)
                .map(row -> new Written(review(row), row.bool(11)));
    }

    /**
     * Hides a visible review of the SKU, recording who, when and why; a review hidden already is
     * answered as it is (its first hide stands). Null when the SKU has no review of that id.
     */
    public Uni<ReviewView> hide(String sku, UUID id, String actor, String reason) {
        return Sql.one("""
                UPDATE product_review r SET hidden_at = now(), hidden_by = ?3, hidden_reason = ?4
                WHERE r.id = ?1 AND r.sku = ?2 AND r.hidden_at IS NULL
                RETURNING %s
                """.formatted(COLUMNS), id, sku, actor, reason)
                .chain(hidden -> hidden != null ? Uni.createFrom().item(hidden)
                        : Sql.one("SELECT %s FROM product_review r WHERE r.id = ?1 AND r.sku = ?2".formatted(COLUMNS), id, sku))
                .map(row -> row == null ? null : review(row));
    }

    /** The visible reviews of a SKU, newest (last written) first. */
    public Uni<List<ReviewView>> latest(String sku, int offset, int limit) {
        return Sql.list("""
                SELECT %s FROM product_review r WHERE r.sku = ?1 AND r.hidden_at IS NULL
                ORDER BY r.updated_at DESC, r.id LIMIT ?2 OFFSET ?3
                """.formatted(COLUMNS), sku, limit, offset)
                .map(rows -> rows.stream().map(ReviewRepository::review).toList());
    }

    /** Average (one decimal) and count of the visible reviews of a SKU. */
    public Uni<ReviewSummary> summary(String sku) {
        return summaries(List.of(sku)).map(found -> found.getOrDefault(sku, ReviewSummary.NONE));
    }

    /** The summaries of the SKUs that have visible reviews, by SKU. */
    public Uni<Map<String, ReviewSummary>> summaries(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Sql.list("""
                SELECT sku, round(CAST(avg(rating) AS numeric), 1), count(*) FROM product_review
                WHERE sku IN (%s) AND hidden_at IS NULL GROUP BY sku
                """.formatted(Sql.placeholders(1, skus.size())), skus.toArray())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.string(0),
                        row -> new ReviewSummary(row.decimal(1), row.longValue(2), null), (a, b) -> a)));
    }

    /** Every review a customer wrote, hidden ones too, newest first. */
    public Uni<List<ReviewView>> ofCustomer(UUID customerId, int offset, int limit) {
        return Sql.list("""
                SELECT %s FROM product_review r WHERE r.customer_id = ?1
                ORDER BY r.updated_at DESC, r.id LIMIT ?2 OFFSET ?3
                """.formatted(COLUMNS), customerId, limit, offset)
                .map(rows -> rows.stream().map(ReviewRepository::review).toList());
    }

    public Uni<Long> countOfCustomer(UUID customerId) {
        return Sql.one("SELECT count(*) FROM product_review WHERE customer_id = ?1", customerId).map(row -> row.longValue(0));
    }

    /**
     * GDPR erasure: every review the customer wrote, hidden ones too, is deleted rather than kept
     * without its author: its text is the customer's own words, which may name or describe them.
     * The summaries are computed from the stored reviews at every read, so they stop counting them at once.
     */
    public Uni<Void> eraseOf(UUID customerId) {
        return Sql.update("DELETE FROM product_review WHERE customer_id = ?1", customerId).replaceWithVoid();
    }

    private static ReviewView review(Row row) {
        return new ReviewView(row.uuid(0), row.string(1), row.uuid(2), row.intValue(3), row.string(4), row.bool(5),
                row.instant(6), row.instant(7), row.instant(8) != null, row.instant(8), row.string(9), row.string(10));
    }
}
