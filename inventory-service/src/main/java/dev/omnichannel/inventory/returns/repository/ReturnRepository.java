package dev.omnichannel.inventory.returns.repository;

import dev.omnichannel.inventory.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Returns, and the purchases they refer to. */
@ApplicationScoped
public class ReturnRepository {

    /**
     * A reservation or order of ours a return refers to, locked until the return commits so two
     * returns of one purchase are counted one after the other.
     *
     * @param purchased units of the returned SKU in it (0 when it had none)
     * @param fulfilled whether the customer got the goods (collected, or delivered)
     */
    public record Original(String kind, UUID customerId, int purchased, boolean fulfilled) {
    }

    public Uni<Original> original(UUID id, String sku) {
        return Sql.one("""
                SELECT r.customer_id, r.status,
                       (SELECT COALESCE(sum(quantity), 0) FROM reservation_line l WHERE l.reservation_id = r.id AND l.sku = ?2)
                FROM reservation r WHERE r.id = ?1 FOR UPDATE
                """, id, sku)
                .chain(reservation -> reservation != null
                        ? Uni.createFrom().item(new Original("reservation", reservation.uuid(0), reservation.intValue(2),
                                "COLLECTED".equals(reservation.string(1))))
                        : Sql.one("""
                                SELECT o.customer_id, o.status,
                                       (SELECT COALESCE(sum(quantity), 0) FROM order_line l WHERE l.order_id = o.id AND l.sku = ?2)
                                FROM fulfilment_order o WHERE o.id = ?1 FOR UPDATE
                                """, id, sku)
                                .map(order -> order == null ? null : new Original("order", order.uuid(0), order.intValue(2),
                                        "DELIVERED".equals(order.string(1)) || "COLLECTED".equals(order.string(1)))));
    }

    /** Units of {@code sku} already returned against {@code originalRef}. */
    public Uni<Integer> alreadyReturned(String originalRef, String sku) {
        return Sql.one("SELECT COALESCE(sum(quantity), 0) FROM stock_return WHERE original_ref = ?1 AND sku = ?2",
                originalRef, sku).map(row -> row.intValue(0));
    }

    public Uni<Instant> insert(UUID id, String storeId, String sku, int quantity, String condition, String originalRef,
            String originalKind, UUID customerId, String channel, String actor) {
        return Sql.one("""
                INSERT INTO stock_return (id, store_id, sku, quantity, condition, original_ref, original_kind, customer_id,
                                          channel, actor)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS text), CAST(?7 AS text), CAST(?8 AS uuid), CAST(?9 AS text),
                        CAST(?10 AS text))
                RETURNING created_at
                """, id, storeId, sku, quantity, condition, originalRef, originalKind, customerId, channel, actor)
                .map(row -> row.instant(0));
    }
}
