package dev.omnichannel.customer.segment.repository;

import dev.omnichannel.customer.segment.domain.CustomerSegment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<CustomerSegment, UUID> {

    public Uni<List<CustomerSegment>> listOf(UUID customerId) {
        return list("customerId = ?1 order by segment", customerId);
    }
}
