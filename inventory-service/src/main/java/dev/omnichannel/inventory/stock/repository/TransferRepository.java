package dev.omnichannel.inventory.stock.repository;

import dev.omnichannel.inventory.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Transfers between locations: staff transfers (received at once) and those of fulfilment orders. */
@ApplicationScoped
public class TransferRepository {

    public Uni<Integer> insert(UUID id, String from, String to, String sku, int quantity, String status, UUID orderId,
            String actor) {
        return Sql.update("""
                INSERT INTO transfer (id, from_location_id, to_location_id, sku, quantity, status, order_id, actor)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS uuid), CAST(?8 AS text))
                """, id, from, to, sku, quantity, status, orderId, actor);
    }

    /** Moves the transfers of an order from one status to the next. */
    public Uni<Integer> advanceForOrder(UUID orderId, String from, String to) {
        return Sql.update("UPDATE transfer SET status = ?3, updated_at = now() WHERE order_id = ?1 AND status = ?2",
                orderId, from, to);
    }
}
