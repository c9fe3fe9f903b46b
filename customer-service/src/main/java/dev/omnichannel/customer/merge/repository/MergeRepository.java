package dev.omnichannel.customer.merge.repository;

import dev.omnichannel.customer.merge.domain.CustomerMerge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MergeRepository implements PanacheRepositoryBase<CustomerMerge, UUID> {

    public Uni<List<CustomerMerge>> involving(List<UUID> customerIds) {
        return list("survivorId in ?1 or duplicateId in ?1 order by mergedAt", customerIds);
    }
}
