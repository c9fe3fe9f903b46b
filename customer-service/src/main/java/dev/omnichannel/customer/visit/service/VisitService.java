package dev.omnichannel.customer.visit.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.visit.domain.StoreVisit;
import dev.omnichannel.customer.visit.repository.StoreVisitRepository;
import dev.omnichannel.customer.visit.rest.VisitView;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Store visits: a kiosk or staff identified the customer in a store. The gateway checks the
 * latest one before letting a kiosk act for a customer; segments count them.
 */
@ApplicationScoped
public class VisitService {

    private final CustomerRepository customers;
    private final StoreVisitRepository visits;
    private final SegmentService segments;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    VisitService(CustomerRepository customers, StoreVisitRepository visits, SegmentService segments,
            ProfileChanges changes, IdempotentRequests idempotent) {
        this.customers = customers;
        this.visits = visits;
        this.segments = segments;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    record Visit(String storeId, String channel) {
    }

    @WithTransaction
    public Uni<VisitView> record(UUID customerId, String storeId, String channel, String idempotencyKey) {
        return idempotent.once(idempotencyKey, "visit:" + customerId, new Visit(storeId, channel), VisitView.class,
                () -> customers.requireLockedActive(customerId).chain(customer -> {
                    Instant now = Now.instant();
                    StoreVisit visit = new StoreVisit();
                    visit.id = UUID.randomUUID();
                    visit.customerId = customer.id;
                    visit.storeId = storeId;
                    visit.channel = channel;
                    visit.at = now;
                    customer.activeAt(now);
                    return visits.persist(visit)
                            .chain(() -> refreshSegments(customer, now))
                            .replaceWith(new VisitView(customer.id, storeId, now, channel));
                }));
    }

    @WithSession
    public Uni<VisitView> latest(UUID customerId, String storeId) {
        return customers.requireActive(customerId)
                .chain(customer -> visits.latest(customer.id, storeId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No visit of this customer at " + storeId))
                .map(visit -> new VisitView(visit.customerId, visit.storeId, visit.at, visit.channel));
    }

    private Uni<Void> refreshSegments(Customer customer, Instant now) {
        return segments.recompute(customer, now)
                .chain(changed -> changed ? changes.changed(customer).replaceWithVoid() : Uni.createFrom().voidItem());
    }
}
