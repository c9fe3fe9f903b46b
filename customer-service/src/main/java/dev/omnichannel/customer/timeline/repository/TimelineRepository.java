package dev.omnichannel.customer.timeline.repository;

import dev.omnichannel.customer.timeline.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    public Uni<List<TimelineEntry>> newestFirst(UUID customerId, int page, int size) {
        return find("customerId = ?1 order by at desc, id desc", customerId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOf(UUID customerId) {
        return count("customerId", customerId);
    }
}
