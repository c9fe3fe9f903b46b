package dev.omnichannel.customer.visit.repository;

import dev.omnichannel.customer.visit.domain.StoreVisit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StoreVisitRepository implements PanacheRepositoryBase<StoreVisit, UUID> {

    public Uni<StoreVisit> latest(UUID customerId, String storeId) {
        return find("customerId = ?1 and storeId = ?2 order by at desc", customerId, storeId).firstResult();
    }

    public Uni<List<StoreVisit>> listOf(UUID customerId) {
        return list("customerId = ?1 order by at desc", customerId);
    }
}
