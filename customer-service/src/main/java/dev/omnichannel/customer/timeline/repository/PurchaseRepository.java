package dev.omnichannel.customer.timeline.repository;

import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.customer.timeline.domain.Purchase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /** Records a purchase once per reservation or order; a later step may only add its collection time. */
    public Uni<Integer> record(UUID customerId, String ref, String kind, String storeId, BigDecimal amount, String currency,
            Instant at, Instant collectedAt) {
        return Sql.update("""
                INSERT INTO purchase (id, customer_id, ref, kind, store_id, amount, currency, at, collected_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (ref) DO UPDATE SET collected_at = COALESCE(purchase.collected_at, EXCLUDED.collected_at)
                """, UUID.randomUUID(), customerId, ref, kind, storeId, amount, currency, at, collectedAt);
    }

    public Uni<Long> forget(String ref) {
        return delete("ref", ref);
    }

    public Uni<List<Purchase>> listOf(UUID customerId) {
        return list("customerId = ?1 order by at desc", customerId);
    }
}
