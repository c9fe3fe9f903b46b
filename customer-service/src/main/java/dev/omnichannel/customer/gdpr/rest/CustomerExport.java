package dev.omnichannel.customer.gdpr.rest;

import dev.omnichannel.customer.cart.rest.CartView;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.timeline.rest.TimelineItem;
import dev.omnichannel.customer.visit.rest.VisitView;
import dev.omnichannel.customer.wishlist.rest.WishlistView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything customer-service holds about one person (GDPR access request). */
public record CustomerExport(
        Instant exportedAt,
        CustomerProfile profile,
        List<UUID> mergedProfileIds,
        CartView cart,
        WishlistView wishlist,
        List<VisitView> visits,
        List<Purchase> purchases,
        List<TimelineItem> timeline,
        List<Merge> merges) {

    public record Purchase(String kind, String ref, String storeId, BigDecimal amount, String currency, Instant at,
            Instant collectedAt) {
    }

    public record Merge(UUID mergeId, UUID survivorId, UUID duplicateId, String actor, Instant mergedAt, Instant undoneAt) {
    }
}
