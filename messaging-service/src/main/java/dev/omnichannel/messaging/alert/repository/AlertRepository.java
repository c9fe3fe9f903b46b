package dev.omnichannel.messaging.alert.repository;

import dev.omnichannel.messaging.alert.domain.AlertEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    public Uni<AlertEntity> active(String customerId, String sku, String storeId) {
        return find("customerId = ?1 and sku = ?2 and storeId = ?3 and status = 'active'", customerId, sku, storeId).firstResult();
    }

    public Uni<Boolean> insertActive(UUID id, String customerId, String sku, String storeId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO alert (id, customer_id, sku, store_id, status, created_at) VALUES (?1, ?2, ?3, ?4, 'active', ?5)
                ON CONFLICT (customer_id, sku, store_id) WHERE status = 'active' DO NOTHING""")
                .setParameter(1, id).setParameter(2, customerId).setParameter(3, sku).setParameter(4, storeId)
                .setParameter(5, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<List<AlertEntity>> activeFor(String sku, String storeId) {
        return list("sku = ?1 and storeId = ?2 and status = 'active'", sku, storeId);
    }

    /** The duplicate's alerts follow the survivor, unless the survivor already watches the same thing. */
    public Uni<Void> reassign(String duplicateId, String survivorId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                DELETE FROM alert d WHERE d.customer_id = ?1 AND d.status = 'active' AND EXISTS (
                  SELECT 1 FROM alert s WHERE s.customer_id = ?2 AND s.status = 'active' AND s.sku = d.sku AND s.store_id = d.store_id)""")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate()
                .chain(() -> session.createNativeQuery("UPDATE alert SET customer_id = ?2 WHERE customer_id = ?1")
                        .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> erase(String customerId) {
        return delete("customerId", customerId).replaceWithVoid();
    }
}
