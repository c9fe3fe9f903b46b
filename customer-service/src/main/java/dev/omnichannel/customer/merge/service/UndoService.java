package dev.omnichannel.customer.merge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.cart.domain.Cart;
import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.cart.repository.CartItemRepository;
import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.service.CartService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.customer.merge.domain.CustomerMerge;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.merge.repository.MergeRepository;
import dev.omnichannel.customer.merge.rest.UndoResult;
import dev.omnichannel.customer.profile.domain.Consent;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import dev.omnichannel.customer.wishlist.repository.WishlistRepository;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Splits a merge back: the duplicate exists again with what it brought (identities, cart lines,
 * wishlist, consents, timeline, visits, purchases, details); the survivor keeps what it had and
 * what changed on it since the merge. A merge whose survivor was merged again or erased since
 * cannot be undone before that is undone.
 */
@ApplicationScoped
public class UndoService {

    private final CustomerRepository customers;
    private final MergeRepository merges;
    private final CartService cartService;
    private final CartRepository carts;
    private final CartItemRepository cartItems;
    private final WishlistRepository wishlist;
    private final ConsentRepository consents;
    private final SegmentService segments;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;
    private final ObjectMapper mapper;

    UndoService(CustomerRepository customers, MergeRepository merges, CartService cartService, CartRepository carts,
            CartItemRepository cartItems, WishlistRepository wishlist, ConsentRepository consents, SegmentService segments,
            ProfileChanges changes, IdempotentRequests idempotent, ObjectMapper mapper) {
        this.customers = customers;
        this.merges = merges;
        this.cartService = cartService;
        this.carts = carts;
        this.cartItems = cartItems;
        this.wishlist = wishlist;
        this.consents = consents;
        this.segments = segments;
        this.changes = changes;
        this.idempotent = idempotent;
        this.mapper = mapper;
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
        MergeRecord record = fromJson(merge.moved);
        Instant now = Now.instant();
        UUID s = survivor.id;
        UUID d = duplicate.id;
        duplicate.status = Customer.ACTIVE;
        duplicate.mergedInto = null;
        restoreDetails(survivor, record.survivorDetails(), record.duplicateDetails());
        merge.undoneAt = now;
        merge.undoneBy = actor == null || actor.isBlank() ? "unknown" : actor;
        return Sql.inOrder(
                () -> moveBack("customer_identity", record.identityIds(), s, d),
                () -> Sql.update("""
                        UPDATE timeline_entry SET customer_id = ?1
                        WHERE customer_id = ?2 AND (subject_id = ?1 OR id = ANY(CAST(string_to_array(?3, ',') AS uuid[])))
                        """, d, s, Sql.idArray(record.timelineIds())),
                () -> moveBack("store_visit", record.visitIds(), s, d),
                () -> moveBack("purchase", record.purchaseIds(), s, d),
                () -> restoreCarts(survivor, duplicate, record, now),
                () -> restoreWishlists(s, d, record),
                () -> restoreConsents(s, d, record, merge.mergedAt),
                () -> segments.recompute(survivor, now),
                () -> segments.recompute(duplicate, now),
                () -> changes.publish(s, new CustomerMergeUndone(merge.id.toString(), s.toString(), d.toString())),
                () -> changes.changed(survivor),
                () -> changes.changed(duplicate))
                .replaceWith(new UndoResult(merge.id, s, d));
    }

    private static Uni<Integer> moveBack(String table, List<UUID> ids, UUID survivorId, UUID duplicateId) {
        return Sql.update("UPDATE " + table + " SET customer_id = ?1 WHERE customer_id = ?2 "
                + "AND id = ANY(CAST(string_to_array(?3, ',') AS uuid[]))", duplicateId, survivorId, Sql.idArray(ids));
    }

    /** The survivor loses what the merge added to each line (changes made since stay); the duplicate gets its lines back. */
    private Uni<Void> restoreCarts(Customer survivor, Customer duplicate, MergeRecord record, Instant now) {
        if (record.duplicateCart().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Integer> before = record.survivorCart().stream()
                .collect(Collectors.toMap(MergeRecord.Line::sku, MergeRecord.Line::quantity));
        return carts.ofCustomer(survivor.id)
                .chain(cart -> cart == null ? Uni.createFrom().voidItem() : takeBack(cart, before, record, now))
                .chain(() -> cartService.cartOf(duplicate, now))
                .chain(cart -> giveBack(cart, record, now));
    }

    private Uni<Void> takeBack(Cart cart, Map<String, Integer> before, MergeRecord record, Instant now) {
        return cartItems.listOf(cart.id).chain(lines -> {
            cart.updatedAt = now;
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            for (MergeRecord.Line brought : record.duplicateCart()) {
                int had = before.getOrDefault(brought.sku(), 0);
                int added = Math.min(had + brought.quantity(), CartItem.MAX_QUANTITY) - had;
                lines.stream().filter(l -> l.sku.equals(brought.sku())).findFirst().ifPresent(line -> {
                    if (line.quantity - added <= 0) {
                        steps.add(() -> cartItems.delete(line));
                    } else {
                        line.quantity -= added;
                    }
                });
            }
            return Sql.inOrder(steps.toArray(Supplier[]::new));
        });
    }

    private Uni<Void> giveBack(Cart cart, MergeRecord record, Instant now) {
        cart.updatedAt = now;
        List<CartItem> restored = record.duplicateCart().stream().map(l -> {
            CartItem item = new CartItem();
            item.id = UUID.randomUUID();
            item.cartId = cart.id;
            item.sku = l.sku();
            item.quantity = l.quantity();
            item.addedAt = l.addedAt();
            return item;
        }).toList();
        return Sql.persistAll(restored);
    }

    private Uni<Void> restoreWishlists(UUID survivorId, UUID duplicateId, MergeRecord record) {
        Set<String> survivorHad = record.survivorWishlist().stream().map(MergeRecord.Line::sku).collect(Collectors.toSet());
        List<String> onlyBrought = record.duplicateWishlist().stream().map(MergeRecord.Line::sku)
                .filter(sku -> !survivorHad.contains(sku)).toList();
        List<WishlistItem> restored = record.duplicateWishlist().stream().map(l -> {
            WishlistItem item = new WishlistItem();
            item.id = UUID.randomUUID();
            item.customerId = duplicateId;
            item.sku = l.sku();
            item.addedAt = l.addedAt();
            return item;
        }).toList();
        return (onlyBrought.isEmpty() ? Uni.createFrom().item(0L)
                : wishlist.delete("customerId = ?1 and sku in ?2", survivorId, onlyBrought))
                .chain(() -> Sql.persistAll(restored));
    }

    /**
     * Each side gets its own consents back. A consent the customer changed after the merge is
     * their latest word and stays on the survivor.
     */
    private Uni<Void> restoreConsents(UUID survivorId, UUID duplicateId, MergeRecord record, Instant mergedAt) {
        Map<String, MergeRecord.ConsentState> had = record.survivorConsents().stream()
                .collect(Collectors.toMap(MergeRecord.ConsentState::channel, Function.identity()));
        return consents.listOf(survivorId).chain(current -> {
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            for (Consent consent : current) {
                if (consent.at.isAfter(mergedAt)) {
                    continue;
                }
                MergeRecord.ConsentState before = had.get(consent.channel);
                if (before == null) {
                    steps.add(() -> consents.delete(consent));
                } else {
                    consent.granted = before.granted();
                    consent.at = before.at();
                    consent.givenOn = before.givenOn();
                }
            }
            return Sql.inOrder(steps.toArray(Supplier[]::new));
        }).chain(() -> Sql.persistAll(record.duplicateConsents().stream().map(c -> {
            Consent consent = new Consent();
            consent.id = UUID.randomUUID();
            consent.customerId = duplicateId;
            consent.channel = c.channel();
            consent.granted = c.granted();
            consent.at = c.at();
            consent.givenOn = c.givenOn();
            return consent;
        }).toList()));
    }

    /** What the merge filled in from the duplicate, and nobody changed since, is emptied again. */
    private static void restoreDetails(Customer survivor, MergeRecord.Details before, MergeRecord.Details brought) {
        if (before.displayName() == null && Objects.equals(survivor.displayName, brought.displayName())) {
            survivor.displayName = null;
        }
        if (before.preferredChannel() == null && Objects.equals(survivor.preferredChannel, brought.preferredChannel())) {
            survivor.preferredChannel = null;
        }
        if (before.preferredStoreId() == null && Objects.equals(survivor.preferredStoreId, brought.preferredStoreId())) {
            survivor.preferredStoreId = null;
        }
        if (before.language() == null && Objects.equals(survivor.language, brought.language())) {
            survivor.language = null;
        }
        if (before.timeZone() == null && Objects.equals(survivor.timeZone, brought.timeZone())) {
            survivor.timeZone = null;
        }
        if (before.quietStart() == null && Objects.equals(survivor.quietStart, brought.quietStart())
                && Objects.equals(survivor.quietEnd, brought.quietEnd())) {
            survivor.quietStart = null;
            survivor.quietEnd = null;
        }
    }

    private MergeRecord fromJson(String json) {
        try {
            return mapper.readValue(json, MergeRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge record is unreadable", e);
        }
    }
}
