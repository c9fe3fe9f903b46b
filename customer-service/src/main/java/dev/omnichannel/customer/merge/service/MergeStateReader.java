package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.cart.repository.CartRepository;
import dev.omnichannel.customer.cart.service.CartLines;
import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.segment.domain.CustomerSegment;
import dev.omnichannel.customer.segment.repository.SegmentRepository;
import dev.omnichannel.customer.support.Sql;
import dev.omnichannel.customer.wishlist.repository.WishlistRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads, before a merge, everything it will move or change: the record that lets it be undone. */
@ApplicationScoped
class MergeStateReader {

    private final CartRepository carts;
    private final CartLines lines;
    private final WishlistRepository wishlist;
    private final ConsentRepository consents;
    private final SegmentRepository segments;

    MergeStateReader(CartRepository carts, CartLines lines, WishlistRepository wishlist, ConsentRepository consents,
            SegmentRepository segments) {
        this.carts = carts;
        this.lines = lines;
        this.wishlist = wishlist;
        this.consents = consents;
        this.segments = segments;
    }

    Uni<MergeRecord> read(Customer survivor, Customer duplicate) {
        UUID d = duplicate.id;
        return Sql.ids("SELECT CAST(id AS text) FROM customer_identity WHERE customer_id = ?1", d)
                .chain(identityIds -> Sql.ids("SELECT CAST(id AS text) FROM timeline_entry WHERE customer_id = ?1", d)
                .chain(timelineIds -> Sql.ids("SELECT CAST(id AS text) FROM store_visit WHERE customer_id = ?1", d)
                .chain(visitIds -> Sql.ids("SELECT CAST(id AS text) FROM purchase WHERE customer_id = ?1", d)
                .chain(purchaseIds -> cart(survivor.id)
                .chain(survivorCart -> cart(d)
                .chain(duplicateCart -> wishlist(survivor.id)
                .chain(survivorWishlist -> wishlist(d)
                .chain(duplicateWishlist -> consents(survivor.id)
                .chain(survivorConsents -> consents(d)
                .chain(duplicateConsents -> segments(survivor.id)
                .chain(survivorSegments -> segments(d)
                .map(duplicateSegments -> new MergeRecord(identityIds, timelineIds, visitIds, purchaseIds,
                        survivorCart, duplicateCart, survivorWishlist, duplicateWishlist, survivorConsents,
                        duplicateConsents, details(survivor), details(duplicate), survivorSegments,
                        duplicateSegments)))))))))))));
    }

    private Uni<List<MergeRecord.Line>> cart(UUID customerId) {
        return carts.ofCustomer(customerId).chain(cart -> cart == null
                ? Uni.createFrom().item(List.<MergeRecord.Line>of())
                : lines.of(cart.id).map(items -> items.stream()
                        .map(i -> new MergeRecord.Line(i.sku, i.quantity, i.addedAt)).toList()));
    }

    private Uni<List<MergeRecord.Line>> wishlist(UUID customerId) {
        return wishlist.listOf(customerId)
                .map(items -> items.stream().map(i -> new MergeRecord.Line(i.sku, 0, i.addedAt)).toList());
    }

    private Uni<List<MergeRecord.ConsentState>> consents(UUID customerId) {
        return consents.listOf(customerId).map(list -> list.stream()
                .map(c -> new MergeRecord.ConsentState(c.channel, c.granted, c.at, c.givenOn)).toList());
    }

    private Uni<List<String>> segments(UUID customerId) {
        return segments.listOf(customerId).map(list -> list.stream().map((CustomerSegment s) -> s.segment).toList());
    }

    static MergeRecord.Details details(Customer c) {
        return new MergeRecord.Details(c.displayName, c.preferredChannel, c.preferredStoreId, c.language, c.timeZone,
                c.quietStart, c.quietEnd);
    }
}
