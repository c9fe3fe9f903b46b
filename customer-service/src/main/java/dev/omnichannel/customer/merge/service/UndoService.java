package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.CustomerMerge;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.merge.repository.MergeRepository;
import dev.omnichannel.customer.merge.rest.UndoResult;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * Splits a merge back: the duplicate exists again with what it brought (identities, cart lines,
 * wishlist, consents, timeline, visits, purchases, details); the survivor keeps what it had and
 * what changed on it since the merge. A merge whose survivor was merged again or erased since
 * cannot be undone before that is undone. Each owner's part is reversed by the class that merged
 * it ({@link OwnedRows}, {@link CartMerge}, {@link WishlistMerge}, {@link ConsentMerge},
 * {@link DetailsMerge}).
 */
@ApplicationScoped
public class UndoService {

    private final CustomerRepository customers;
    private final MergeRepository merges;
    private final MergeAudit audit;
    private final CartMerge carts;
    private final WishlistMerge wishlists;
    private final ConsentMerge consents;
    private final SegmentService segments;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    UndoService(CustomerRepository customers, MergeRepository merges, MergeAudit audit, CartMerge carts,
            WishlistMerge wishlists, ConsentMerge consents, SegmentService segments, ProfileChanges changes,
            IdempotentRequests idempotent) {
        this.customers = customers;
        this.merges = merges;
        this.audit = audit;
        this.carts = carts;
        this.wishlists = wishlists;
        this.consents = consents;
        this.segments = segments;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<UndoResult> undo(UUID mergeId, String actor, String idempotencyKey) {
        return idempotent.once(idempotencyKey, "undo", mergeId, UndoResult.class,
                () -> merges.findById(mergeId, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("No merge " + mergeId))
                        .chain(merge -> {
                            if (merge.undoneAt != null) {
                                throw ProblemException.conflict("Merge " + mergeId + " was already undone");
                            }
                            if (merge.moved == null) {
                                throw ProblemException.conflict("Merge " + mergeId + " cannot be undone: a customer was erased");
                            }
                            return MergeService.lockPair(customers, merge.survivorId, merge.duplicateId)
                                    .chain(pair -> restore(merge, pair[0], pair[1], actor));
                        }));
    }

    private Uni<UndoResult> restore(CustomerMerge merge, Customer survivor, Customer duplicate, String actor) {
        if (!survivor.isActive() || !Customer.MERGED.equals(duplicate.status) || !survivor.id.equals(duplicate.mergedInto)) {
            throw ProblemException.conflict("Merge " + merge.id
                    + " cannot be undone: its survivor was merged again or erased since; undo that first");
        }
        MergeRecord record = audit.moved(merge);
        Instant now = Now.instant();
        UUID s = survivor.id;
        UUID d = duplicate.id;
        duplicate.status = Customer.ACTIVE;
        duplicate.mergedInto = null;
        DetailsMerge.undo(survivor, record.survivorDetails(), record.duplicateDetails());
        audit.undone(merge, actor, now);
        return Sql.inOrder(
                () -> OwnedRows.undo(s, d, record),
                () -> carts.undo(survivor, duplicate, record, now),
                () -> wishlists.undo(s, d, record),
                () -> consents.undo(s, d, record, merge.mergedAt),
                () -> segments.recompute(survivor, now),
                () -> segments.recompute(duplicate, now),
                () -> changes.publish(s, new CustomerMergeUndone(merge.id.toString(), s.toString(), d.toString())),
                () -> changes.changed(survivor),
                () -> changes.changed(duplicate))
                .replaceWith(new UndoResult(merge.id, s, d));
    }
}
