package dev.omnichannel.inventory.catalog.repository;

import dev.omnichannel.inventory.catalog.domain.Promotion;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Promotions and the SKUs they apply to (native SQL: one query per read, SKUs aggregated). Each
 * change takes the promotion one {@code version} up and records that version as published
 * ({@code published_version}): the caller publishes it in the same transaction.
 */
@ApplicationScoped
public class PromotionRepository {

    private static final String COLUMNS = """
            SELECT p.id, p.name, p.kind, p.value, p.segment, p.valid_from, p.valid_to, p.all_products,
                   string_agg(ps.sku, ',' ORDER BY ps.sku), p.version
            FROM promotion p LEFT JOIN promotion_sku ps ON ps.promotion_id = p.id
            """;

    /** Promotions in effect now for everyone, or for one of {@code segments}. */
    public Uni<List<Promotion>> activeNow(Collection<String> segments) {
        List<Object> parameters = new ArrayList<>(segments);
        String segmentClause = segments.isEmpty()
                ? "p.segment IS NULL"
                : "(p.segment IS NULL OR p.segment IN (" + Sql.placeholders(1, segments.size()) + "))";
        return Sql.list(COLUMNS + " WHERE p.valid_from <= now() AND (p.valid_to IS NULL OR p.valid_to > now()) AND "
                + segmentClause + " GROUP BY p.id ORDER BY p.id", parameters.toArray())
                .map(rows -> rows.stream().map(PromotionRepository::promotion).toList());
    }

    public Uni<Promotion> find(String id) {
        return Sql.one(COLUMNS + " WHERE p.id = ?1 GROUP BY p.id", id)
                .map(row -> row == null ? null : promotion(row));
    }

    /**
     * Up to {@code limit} promotions whose current version was never published, marked published in
     * the caller's transaction (which publishes them). Rows another transaction holds are skipped.
     */
    public Uni<List<Promotion>> claimUnpublished(int limit) {
        return Sql.list("""
                WITH claimed AS (
                    UPDATE promotion p SET published_version = p.version
                    WHERE p.id IN (SELECT id FROM promotion WHERE published_version < version
                                   ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED)
                    RETURNING p.id)
                """ + COLUMNS + " WHERE p.id IN (SELECT id FROM claimed) GROUP BY p.id ORDER BY p.id", limit)
                .map(rows -> rows.stream().map(PromotionRepository::promotion).toList());
    }

    /** Creates or replaces a promotion with its SKUs (its {@code version} is ignored); answers its new version. */
    public Uni<Long> save(Promotion promotion) {
        Uni<Long> upsert = Sql.one("""
                INSERT INTO promotion AS p (id, name, kind, value, segment, valid_from, valid_to, all_products,
                                            version, published_version)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), ?6, CAST(?7 AS timestamptz), ?8, 1, 1)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, value = EXCLUDED.value,
                    segment = EXCLUDED.segment, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                    all_products = EXCLUDED.all_products, version = p.version + 1, published_version = p.version + 1
                RETURNING version
                """, promotion.id(), promotion.name(), promotion.kind().wireName(), promotion.value(),
                promotion.segment(), promotion.from(), promotion.to(), promotion.allProducts())
                .map(row -> row.longValue(0));
        return upsert
                .call(() -> Sql.update("DELETE FROM promotion_sku WHERE promotion_id = ?1", promotion.id()))
                .call(() -> insertSkus(promotion));
    }

    private Uni<Integer> insertSkus(Promotion promotion) {
        if (promotion.skus().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(promotion.id());
        StringBuilder values = new StringBuilder();
        for (String sku : promotion.skus()) {
            values.append(values.isEmpty() ? "" : ", ").append("(?1, ?").append(parameters.size() + 1).append(')');
            parameters.add(sku);
        }
        return Sql.update("INSERT INTO promotion_sku (promotion_id, sku) VALUES " + values, parameters.toArray());
    }

    private static Promotion promotion(Row row) {
        String skus = row.string(8);
        Set<String> skuSet = skus == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(skus.split(",")));
        return new Promotion(row.string(0), row.string(1), PromotionKind.fromWireName(row.string(2)), row.decimal(3),
                row.string(4), row.instant(5), row.instant(6), row.bool(7), skuSet, row.longValue(9));
    }
}
