package dev.omnichannel.inventory.catalog.repository;

import dev.omnichannel.inventory.catalog.domain.Product;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Products. Each change takes the product one {@code version} up and records that version as
 * published ({@code published_version}): the caller publishes it in the same transaction.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** Products whose SKU, name or description contains {@code text} (any case); all when blank. */
    public PanacheQuery<Product> search(String text) {
        if (text == null || text.isBlank()) {
            return findAll(Sort.by("sku"));
        }
        String pattern = "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("lower(sku) like :p or lower(name) like :p or lower(description) like :p",
                Sort.by("sku"), Parameters.with("p", pattern));
    }

    /** Creates or replaces the product (one statement, so concurrent puts get distinct versions); answers its new version. */
    public Uni<Long> save(Product product) {
        return Sql.one("""
                INSERT INTO product AS p (sku, name, description, price, currency, version, published_version)
                VALUES (?1, ?2, ?3, ?4, ?5, 1, 1)
                ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                    price = EXCLUDED.price, currency = EXCLUDED.currency,
                    version = p.version + 1, published_version = p.version + 1
                RETURNING version
                """, product.sku, product.name, product.description, product.price, product.currency)
                .map(row -> row.longValue(0));
    }

    /**
     * Up to {@code limit} products whose current version was never published, marked published in
     * the caller's transaction (which publishes them). Rows another transaction holds are skipped.
     */
    public Uni<List<ProductChanged>> claimUnpublished(int limit) {
        return Sql.list("""
                UPDATE product p SET published_version = p.version
                WHERE p.sku IN (SELECT sku FROM product WHERE published_version < version
                                ORDER BY sku LIMIT ?1 FOR UPDATE SKIP LOCKED)
                RETURNING p.sku, p.name, p.description, p.price, p.currency, p.version
                """, limit)
                .map(rows -> rows.stream().map(ProductRepository::changed).toList());
    }

    private static ProductChanged changed(Row row) {
        return new ProductChanged(row.string(0), row.string(1), row.string(2), row.decimal(3), row.string(4).trim(),
                row.longValue(5));
    }
}
