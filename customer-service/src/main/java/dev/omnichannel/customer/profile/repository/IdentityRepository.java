package dev.omnichannel.customer.profile.repository;

import dev.omnichannel.customer.profile.domain.CustomerIdentity;
import dev.omnichannel.customer.profile.domain.IdentityKey;
import dev.omnichannel.customer.support.Sql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<CustomerIdentity, UUID> {

    public Uni<CustomerIdentity> findByKey(IdentityKey key) {
        return find("type = ?1 and value = ?2 and provider = ?3", key.typeName(), key.value(), key.provider())
                .firstResult();
    }

    public Uni<List<CustomerIdentity>> listOf(UUID customerId) {
        return list("customerId = ?1 order by createdAt, type, value", customerId);
    }

    /**
     * Gives the identity to {@code customerId} unless someone holds it already: true when it was
     * given. A concurrent claim of the same identity waits for the other transaction and then
     * sees it (ON CONFLICT on the unique constraint), so exactly one customer gets it.
     */
    public Uni<Boolean> claim(IdentityKey key, UUID customerId, boolean verified, Instant now) {
        return Sql.update("""
                INSERT INTO customer_identity (id, customer_id, type, value, provider, verified, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT ON CONSTRAINT customer_identity_unique DO NOTHING
                """, UUID.randomUUID(), customerId, key.typeName(), key.value(), key.provider(), verified, now)
                .map(inserted -> inserted == 1);
    }
}
