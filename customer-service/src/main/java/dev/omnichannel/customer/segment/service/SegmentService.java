package dev.omnichannel.customer.segment.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.segment.domain.CustomerSegment;
import dev.omnichannel.customer.segment.domain.SegmentRules;
import dev.omnichannel.customer.segment.repository.SegmentRepository;
import dev.omnichannel.customer.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Recomputes a customer's segments from what we know of them and stores the difference. */
@ApplicationScoped
public class SegmentService {

    private final SegmentRepository segments;

    SegmentService(SegmentRepository segments) {
        this.segments = segments;
    }

    /** The customer must be locked by the caller. Emits true when the memberships changed. */
    public Uni<Boolean> recompute(Customer customer, Instant now) {
        customer.segmentsCheckedAt = now;
        return facts(customer, now)
                .map(facts -> SegmentRules.evaluate(facts, now))
                .chain(wanted -> segments.listOf(customer.id).chain(current -> apply(customer.id, current, wanted, now)));
    }

    private Uni<Boolean> apply(UUID customerId, List<CustomerSegment> current, List<String> wanted, Instant now) {
        Set<String> have = new HashSet<>();
        List<UUID> removed = new ArrayList<>();
        for (CustomerSegment segment : current) {
            have.add(segment.segment);
            if (!wanted.contains(segment.segment)) {
                removed.add(segment.id);
            }
        }
        List<CustomerSegment> added = wanted.stream().filter(s -> !have.contains(s)).map(s -> {
            CustomerSegment membership = new CustomerSegment();
            membership.id = UUID.randomUUID();
            membership.customerId = customerId;
            membership.segment = s;
            membership.since = now;
            return membership;
        }).toList();
        if (removed.isEmpty() && added.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Uni<Long> deletion = removed.isEmpty() ? Uni.createFrom().item(0L) : segments.delete("id in ?1", removed);
        return deletion.chain(() -> Sql.persistAll(added)).replaceWith(true);
    }

    private Uni<SegmentRules.Facts> facts(Customer customer, Instant now) {
        Instant recent = now.minus(SegmentRules.RECENT);
        return Sql.list("SELECT CAST(COALESCE(SUM(amount), 0) AS text) FROM purchase WHERE customer_id = ?1 AND currency = 'EUR'",
                String.class, customer.id)
                .chain(spend -> Sql.list("SELECT CAST(count(*) AS text) FROM store_visit WHERE customer_id = ?1 AND at > ?2",
                        String.class, customer.id, recent)
                        .chain(visits -> Sql.list("""
                                SELECT store_id FROM (
                                    SELECT store_id FROM store_visit WHERE customer_id = ?1 AND at > ?2
                                    UNION ALL
                                    SELECT store_id FROM purchase
                                    WHERE customer_id = ?1 AND collected_at > ?2 AND store_id IS NOT NULL) touches
                                GROUP BY store_id HAVING count(*) >= ?3 ORDER BY store_id
                                """, String.class, customer.id, recent, SegmentRules.REGULAR_TOUCHES)
                                .map(stores -> new SegmentRules.Facts(customer.createdAt, customer.lastActivityAt,
                                        new BigDecimal(spend.getFirst()), Long.parseLong(visits.getFirst()), stores))));
    }
}
