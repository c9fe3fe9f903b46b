package dev.omnichannel.customer.profile.repository;

import dev.omnichannel.customer.profile.domain.Consent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public Uni<List<Consent>> listOf(UUID customerId) {
        return list("customerId = ?1 order by channel", customerId);
    }

    public Uni<Consent> findOf(UUID customerId, String channel) {
        return find("customerId = ?1 and channel = ?2", customerId, channel).firstResult();
    }
}
