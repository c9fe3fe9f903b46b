package dev.omnichannel.inventory.catalog.service;

import dev.omnichannel.inventory.catalog.domain.UnitPrice;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit prices of a set of SKUs in one query (reservations and orders price their lines with it).
 * Only promotions without a segment apply: they are the ones every channel shows to everyone.
 */
@ApplicationScoped
public class PriceBook {

    /** The prices of the known SKUs among {@code skus}; unknown SKUs are absent from the map. */
    public Uni<Map<String, UnitPrice>> unitPrices(Collection<String> skus) {
        return Sql.list("SELECT true, " + PRICED_PRODUCTS + " WHERE p.sku IN (" + Sql.placeholders(1, skus.size()) + ")",
                new ArrayList<>(skus).toArray())
                .map(rows -> prices(rows));
    }

    /** A store's pickup capability (null when there is no such store) and the prices of the SKUs. */
    public record AtStore(Boolean pickup, Map<String, UnitPrice> prices) {
    }

    /** The store and the prices together, in one query: the first read of every reservation. */
    public Uni<AtStore> atStore(String storeId, Collection<String> skus) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(storeId);
        parameters.addAll(skus);
        return Sql.list("SELECT l.pickup, p.sku, p.price, p.currency, p.kind, p.value FROM location l LEFT JOIN ("
                + "SELECT " + PRICED_PRODUCTS + " WHERE p.sku IN (" + Sql.placeholders(2, skus.size()) + ")) p ON true "
                + "WHERE l.id = ?1", parameters.toArray())
                .map(rows -> rows.isEmpty() ? new AtStore(null, Map.of())
                        : new AtStore(rows.getFirst().bool(0), prices(rows.stream().filter(row -> row.string(1) != null).toList())));
    }

    /** Each product with each promotion for everyone in effect for it now (or none): sku, price, currency, kind, value. */
    private static final String PRICED_PRODUCTS = """
            p.sku, p.price, p.currency, pr.kind, pr.value
            FROM product p
            LEFT JOIN promotion pr ON pr.segment IS NULL AND pr.valid_from <= now()
                 AND (pr.valid_to IS NULL OR pr.valid_to > now())
                 AND (pr.all_products OR EXISTS (SELECT 1 FROM promotion_sku ps
                                                 WHERE ps.promotion_id = pr.id AND ps.sku = p.sku))
            """;

    /** Rows of (anything, sku, price, currency, kind, value) to the best price per SKU. */
    private static Map<String, UnitPrice> prices(List<Row> rows) {
        Map<String, UnitPrice> prices = new HashMap<>();
        for (Row row : rows) {
            BigDecimal listPrice = row.decimal(2);
            BigDecimal price = row.string(4) == null
                    ? listPrice
                    : PromotionKind.fromWireName(row.string(4)).apply(listPrice, row.decimal(5));
            prices.merge(row.string(1), new UnitPrice(row.string(1), listPrice, price, row.string(3).trim()),
                    (a, b) -> a.price().compareTo(b.price()) <= 0 ? a : b);
        }
        return prices;
    }
}
