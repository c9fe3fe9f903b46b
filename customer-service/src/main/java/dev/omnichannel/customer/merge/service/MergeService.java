package dev.omnichannel.customer.merge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.service.CartService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.customer.merge.domain.CustomerMerge;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.merge.repository.MergeRepository;
import dev.omnichannel.customer.merge.rest.MergeResult;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.segment.service.SegmentService;
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
 */
@ApplicationScoped
public class MergeService {

    private final CustomerRepository customers;
    private final MergeRepository merges;
    private final MergeStateReader reader;
    private final CartService cartService;
    private final CartRepository carts;
    private final SegmentService segments;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;
    private final ObjectMapper mapper;

    MergeService(CustomerRepository customers, MergeRepository merges, MergeStateReader reader, CartService cartService,
            CartRepository carts, SegmentService segments, ProfileChanges changes, IdempotentRequests idempotent,
            ObjectMapper mapper) {
        this.customers = customers;
        this.merges = merges;
        this.reader = reader;
        this.cartService = cartService;
        this.carts = carts;
        this.segments = segments;
        this.changes = changes;
        this.idempotent = idempotent;
        this.mapper = mapper;
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
        CustomerMerge merge = new CustomerMerge();
        merge.id = UUID.randomUUID();
        merge.survivorId = s;
        merge.duplicateId = d;
        merge.actor = actor == null || actor.isBlank() ? "unknown" : actor;
        merge.channel = channel;
        merge.mergedAt = now;
        merge.moved = toJson(record);

        fillDetails(survivor, duplicate);
        survivor.activeAt(duplicate.lastActivityAt);
        duplicate.status = Customer.MERGED;
        duplicate.mergedInto = s;

        return Sql.inOrder(
                () -> Sql.update("UPDATE customer_identity SET customer_id = ?1 WHERE customer_id = ?2", s, d),
                () -> Sql.update("UPDATE timeline_entry SET customer_id = ?1 WHERE customer_id = ?2", s, d),
                () -> Sql.update("UPDATE store_visit SET customer_id = ?1 WHERE customer_id = ?2", s, d),
                () -> Sql.update("UPDATE purchase SET customer_id = ?1 WHERE customer_id = ?2", s, d),
                () -> mergeCarts(survivor, d, now),
                () -> Sql.update("""
                        INSERT INTO wishlist_item (id, customer_id, sku, added_at)
                        SELECT gen_random_uuid(), ?1, sku, added_at FROM wishlist_item WHERE customer_id = ?2
                        ON CONFLICT ON CONSTRAINT wishlist_item_unique DO NOTHING
                        """, s, d),
                () -> Sql.update("DELETE FROM wishlist_item WHERE customer_id = ?1", d),
                // the most restrictive wins: a refusal on either side is a refusal
                () -> Sql.update("""
                        INSERT INTO consent (id, customer_id, channel, granted, at, given_on)
                        SELECT gen_random_uuid(), ?1, channel, granted, at, given_on FROM consent WHERE customer_id = ?2
                        ON CONFLICT ON CONSTRAINT consent_unique DO UPDATE
                        SET granted = FALSE, at = EXCLUDED.at, given_on = EXCLUDED.given_on
                        WHERE consent.granted AND NOT EXCLUDED.granted
                        """, s, d),
                () -> Sql.update("DELETE FROM consent WHERE customer_id = ?1", d),
                () -> Sql.update("DELETE FROM customer_segment WHERE customer_id = ?1", d),
                () -> merges.persist(merge),
                () -> segments.recompute(survivor, now),
                () -> changes.publish(s, new CustomerMerged(merge.id.toString(), s.toString(), d.toString())),
                () -> changes.changed(survivor),
                // the duplicate's last snapshot: nothing left to reach it by; customer.merged says where it went
                () -> changes.changed(duplicate))
                .replaceWith(new MergeResult(merge.id, s, d));
    }

    private Uni<Void> mergeCarts(Customer survivor, UUID duplicateId, Instant now) {
        return carts.ofCustomer(duplicateId).chain(duplicateCart -> duplicateCart == null
                ? Uni.createFrom().voidItem()
                : cartService.cartOf(survivor, now).chain(cart -> {
                    cart.updatedAt = now;
                    return Sql.inOrder(
                            () -> Sql.update("""
                                    INSERT INTO cart_item (id, cart_id, sku, quantity, added_at)
                                    SELECT gen_random_uuid(), ?1, sku, quantity, added_at FROM cart_item WHERE cart_id = ?2
                                    ON CONFLICT ON CONSTRAINT cart_item_unique DO UPDATE
                                    SET quantity = LEAST(cart_item.quantity + EXCLUDED.quantity, 99),
                                        added_at = LEAST(cart_item.added_at, EXCLUDED.added_at)
                                    """, cart.id, duplicateCart.id),
                            () -> Sql.update("DELETE FROM cart_item WHERE cart_id = ?1", duplicateCart.id));
                }));
    }

    /** The survivor's own details win; what it lacks comes from the duplicate. */
    private static void fillDetails(Customer survivor, Customer duplicate) {
        survivor.displayName = firstNonNull(survivor.displayName, duplicate.displayName);
        survivor.preferredChannel = firstNonNull(survivor.preferredChannel, duplicate.preferredChannel);
        survivor.preferredStoreId = firstNonNull(survivor.preferredStoreId, duplicate.preferredStoreId);
        survivor.language = firstNonNull(survivor.language, duplicate.language);
        survivor.timeZone = firstNonNull(survivor.timeZone, duplicate.timeZone);
        if (survivor.quietStart == null) {
            survivor.quietStart = duplicate.quietStart;
            survivor.quietEnd = duplicate.quietEnd;
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private String toJson(MergeRecord record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge record cannot be written", e);
        }
    }
}
