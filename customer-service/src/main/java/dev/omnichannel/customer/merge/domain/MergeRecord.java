package dev.omnichannel.customer.merge.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a merge moved or changed, as it was just before: the rows that changed owner (by id) and
 * the state of the merged collections on both sides.
 */
public record MergeRecord(
        List<UUID> identityIds,
        List<UUID> timelineIds,
        List<UUID> visitIds,
        List<UUID> purchaseIds,
        List<Line> survivorCart,
        List<Line> duplicateCart,
        List<Line> survivorWishlist,
        List<Line> duplicateWishlist,
        List<ConsentState> survivorConsents,
        List<ConsentState> duplicateConsents,
        Details survivorDetails,
        Details duplicateDetails,
        List<String> survivorSegments,
        List<String> duplicateSegments) {

    /** A cart line (quantity) or a wishlist item (quantity 0). */
    public record Line(String sku, int quantity, Instant addedAt) {
    }

    public record ConsentState(String channel, boolean granted, Instant at, String givenOn) {
    }

    public record Details(String displayName, String preferredChannel, String preferredStoreId, String language,
            String timeZone, String quietStart, String quietEnd) {
    }
}
