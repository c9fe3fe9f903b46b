package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.CustomerMerge;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.merge.repository.MergeRepository;
import dev.omnichannel.customer.merge.rest.MergeResult;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * Merges a duplicate profile into the survivor the caller chose: identities, cart (quantities
 * summed), wishlist, consents (a refusal on either side wins), timeline, visits and purchases
 * (so segment memberships follow) end up on the survivor; the duplicate's id resolves to it.
 * Each owner's part is moved by its own class ({@link OwnedRows}, {@link CartMerge},
 * {@link WishlistMerge}, {@link ConsentMerge}, {@link DetailsMerge}), which also undoes it.
 */
@ApplicationScoped
public class MergeService {

    private final CustomerRepository customers;
    private final MergeRepository merges;
    private final MergeStateReader reader;
    private final MergeAudit audit;
    private final CartMerge carts;
    private final WishlistMerge wishlists;
    private final ConsentMerge consents;
    private final SegmentService segments;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    MergeService(CustomerRepository customers, MergeRepository merges, MergeStateReader reader, MergeAudit audit,
            CartMerge carts, WishlistMerge wishlists, ConsentMerge consents, SegmentService segments,
            ProfileChanges changes, IdempotentRequests idempotent) {
        this.customers = customers;
        this.merges = merges;
        this.reader = reader;
        this.audit = audit;
        this.carts = carts;
        this.wishlists = wishlists;
        this.consents = consents;
        this.segments = segments;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    record Merge(UUID survivorId, UUID duplicateId) {
    }

    @WithTransaction
    public Uni<MergeResult> merge(UUID survivorId, UUID duplicateId, String actor, String channel, String idempotencyKey) {
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.unprocessable("merge-into-itself", "A customer cannot be merged into itself");
        }
        return idempotent.once(idempotencyKey, "merge", new Merge(survivorId, duplicateId), MergeResult.class,
                () -> lockBoth(survivorId, duplicateId).chain(pair -> reader.read(pair[0], pair[1])
                        .chain(record -> detachAll().chain(() -> relock(survivorId, duplicateId))
                                .chain(fresh -> move(fresh[0], fresh[1], record, actor, channel)))));
    }

    /** Both rows locked in id order, so two merges over the same customers cannot deadlock. */
    static Uni<Customer[]> lockPair(CustomerRepository customers, UUID first, UUID second) {
        boolean ordered = first.compareTo(second) < 0;
        UUID a = ordered ? first : second;
        UUID b = ordered ? second : first;
        return customers.findById(a, LockModeType.PESSIMISTIC_WRITE)
                .chain(lockedA -> customers.findById(b, LockModeType.PESSIMISTIC_WRITE)
                        .map(lockedB -> ordered ? new Customer[] { lockedA, lockedB } : new Customer[] { lockedB, lockedA }));
    }

    private Uni<Customer[]> lockBoth(UUID survivorId, UUID duplicateId) {
        return lockPair(customers, survivorId, duplicateId).map(pair -> {
            check(pair[0], survivorId, "survivor");
            check(pair[1], duplicateId, "duplicate");
            return pair;
        });
    }

    private Uni<Customer[]> relock(UUID survivorId, UUID duplicateId) {
        return customers.findById(survivorId).chain(s -> customers.findById(duplicateId).map(d -> new Customer[] { s, d }));
    }

    private static void check(Customer customer, UUID id, String role) {
        if (customer == null || Customer.ERASED.equals(customer.status)) {
            throw CustomerRepository.notFound(id);
        }
        if (Customer.MERGED.equals(customer.status)) {
            throw ProblemException.conflict("The " + role + " " + id + " was already merged into " + customer.mergedInto);
        }
    }

    /**
     * The merge record was read through entities; the moves below are set-based SQL, so the
     * session is emptied first and nothing stale can be written back or read again.
     */
    private static Uni<Void> detachAll() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private Uni<MergeResult> move(Customer survivor, Customer duplicate, MergeRecord record, String actor, String channel) {
        Instant now = Now.instant();
        UUID s = survivor.id;
        UUID d = duplicate.id;
        CustomerMerge merge = audit.of(s, d, actor, channel, now, record);

        DetailsMerge.merge(survivor, duplicate);
        survivor.activeAt(duplicate.lastActivityAt);
        duplicate.status = Customer.MERGED;
        duplicate.mergedInto = s;

        return Sql.inOrder(
                () -> OwnedRows.merge(s, d),
                () -> carts.merge(survivor, d, now),
                () -> wishlists.merge(s, d),
                () -> consents.merge(s, d),
                () -> Sql.update("DELETE FROM customer_segment WHERE customer_id = ?1", d),
                () -> merges.persist(merge),
                () -> segments.recompute(survivor, now),
                () -> changes.publish(s, new CustomerMerged(merge.id.toString(), s.toString(), d.toString())),
                () -> changes.changed(survivor),
                // the duplicate's last snapshot: nothing left to reach it by; customer.merged says where it went
                () -> changes.changed(duplicate))
                .replaceWith(new MergeResult(merge.id, s, d));
    }
}
