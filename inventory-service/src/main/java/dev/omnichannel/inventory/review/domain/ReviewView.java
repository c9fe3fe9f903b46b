package dev.omnichannel.inventory.review.domain;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A review. Public lists show no {@code customerId} and no moderation; the author's own answers
 * carry {@code customerId} and {@code hidden}; the answer of a hide carries {@code hiddenAt},
 * {@code hiddenBy} and {@code hiddenReason}. Those fields are left out where they do not apply.
 */
public record ReviewView(UUID id, String sku, @JsonInclude(Include.NON_NULL) UUID customerId, int rating, String text,
        boolean verifiedPurchase, Instant createdAt, Instant updatedAt, @JsonInclude(Include.NON_NULL) Boolean hidden,
        @JsonInclude(Include.NON_NULL) Instant hiddenAt, @JsonInclude(Include.NON_NULL) String hiddenBy,
        @JsonInclude(Include.NON_NULL) String hiddenReason) {

    /** As anyone reading the product's reviews sees it. */
    public ReviewView publicly() {
        return new ReviewView(id, sku, null, rating, text, verifiedPurchase, createdAt, updatedAt, null, null, null, null);
    }

    /** As its author sees it: theirs, and whether staff hid it (not who or why). */
    public ReviewView toAuthor() {
        return new ReviewView(id, sku, customerId, rating, text, verifiedPurchase, createdAt, updatedAt,
                hiddenAt != null, null, null, null);
    }
}
