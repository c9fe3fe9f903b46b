package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import dev.omnichannel.customer.wishlist.repository.WishlistRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The wishlist's part of a merge: the duplicate's items join the survivor's (once each), and an
 * undo gives them back, taking from the survivor only what it did not have itself.
 */
@ApplicationScoped
class WishlistMerge {

    private final WishlistRepository wishlist;

    WishlistMerge(WishlistRepository wishlist) {
        this.wishlist = wishlist;
    }

    Uni<Void> merge(UUID survivorId, UUID duplicateId) {
        return Sql.inOrder(
                () -> Sql.update("""
                        INSERT INTO wishlist_item (id, customer_id, sku, added_at)
                        SELECT gen_random_uuid(), ?1, sku, added_at FROM wishlist_item WHERE customer_id = ?2
                        ON CONFLICT ON CONSTRAINT wishlist_item_unique DO NOTHING
                        """, survivorId, duplicateId),
                () -> Sql.update("DELETE FROM wishlist_item WHERE customer_id = ?1", duplicateId));
    }

    Uni<Void> undo(UUID survivorId, UUID duplicateId, MergeRecord record) {
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
}
