package dev.omnichannel.customer.timeline.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Page;
import dev.omnichannel.customer.timeline.domain.TimelineEntry;
import dev.omnichannel.customer.timeline.repository.TimelineRepository;
import dev.omnichannel.customer.timeline.rest.TimelineItem;
import dev.omnichannel.shared.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** One timeline per customer across channels, fed by the other services' events. */
@ApplicationScoped
public class TimelineService {

    private static final Logger LOG = Logger.getLogger(TimelineService.class);

    private final CustomerRepository customers;
    private final TimelineRepository timeline;
    private final SegmentService segments;
    private final ProfileChanges changes;

    TimelineService(CustomerRepository customers, TimelineRepository timeline, SegmentService segments,
            ProfileChanges changes) {
        this.customers = customers;
        this.timeline = timeline;
        this.segments = segments;
        this.changes = changes;
    }

    @WithSession
    public Uni<Page<TimelineItem>> page(UUID customerId, int page, int size) {
        return customers.requireActive(customerId).chain(customer -> timeline.newestFirst(customer.id, page, size)
                .chain(entries -> timeline.countOf(customer.id).map(total -> new Page<>(
                        entries.stream().map(e -> new TimelineItem(e.at, e.channel, e.kind, e.summary, e.ref)).toList(),
                        page, size, total))));
    }

    /**
     * Adds the happening to its customer's timeline (a merged-away id lands on the survivor),
     * applies {@code facts} (purchases...) and recomputes the segments. Runs inside the consumer's
     * transaction; unknown, erased or missing customers are ignored.
     */
    public Uni<Void> record(CloudEvent event, Happening happening, Function<Customer, Uni<?>> facts) {
        UUID subject = parse(happening.customerId());
        if (subject == null) {
            return Uni.createFrom().voidItem();
        }
        return customers.lockActive(subject).chain(customer -> {
            if (customer == null) {
                LOG.debugf("event %s is about no known customer, ignored", event.id());
                return Uni.createFrom().voidItem();
            }
            TimelineEntry entry = new TimelineEntry();
            entry.id = UUID.randomUUID();
            entry.customerId = customer.id;
            entry.subjectId = subject;
            entry.at = happening.at() != null ? happening.at() : event.time() != null ? event.time() : Now.instant();
            entry.channel = happening.channel();
            entry.kind = happening.kind();
            entry.summary = happening.summary();
            entry.ref = happening.ref();
            entry.eventId = event.id();
            if (happening.byCustomer()) {
                customer.activeAt(entry.at);
            }
            Instant now = Now.instant();
            return timeline.persist(entry)
                    .chain(() -> facts.apply(customer))
                    .chain(() -> segments.recompute(customer, now))
                    .chain(changed -> changed ? changes.changed(customer).replaceWithVoid() : Uni.createFrom().voidItem());
        });
    }

    private static UUID parse(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
