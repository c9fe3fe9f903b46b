package dev.omnichannel.gateway.view.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldOrder;
import dev.omnichannel.gateway.view.domain.ViewParts.HeldReservation;
import dev.omnichannel.gateway.view.domain.ViewParts.MessagesSummary;
import dev.omnichannel.gateway.view.domain.ViewParts.ProfileSummary;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The personalized view: the same content for a customer on every channel — only {@code channel}
 * differs. Read from the gateway's model of the services' events, so it is whole when a service is
 * down; {@code asOf} says when each part last changed. {@code partial} and {@code missing} name the
 * services whose events the model has not caught up with since this gateway started.
 */
public record PersonalizedView(
        @JsonRawValue @Schema(implementation = ProfileSummary.class) String customer,
        Cart cart,
        List<WishlistItem> wishlist,
        List<PromotionChanged> offers,
        @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = HeldReservation.class,
                description = "active reservations, newest first (at most 20)") String reservations,
        @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = HeldOrder.class,
                description = "fulfilment orders under way, newest first (at most 20)") String orders,
        @JsonRawValue @Schema(implementation = MessagesSummary.Conversation.class) String conversation,
        @JsonRawValue @Schema(implementation = MessagingSummaryChanged.Inbox.class,
                description = "the inbox: messages sent to the customer on every channel, unread ones") String notifications,
        String channel,
        boolean partial,
        List<String> missing,
        AsOf asOf) {

    /** The customer's one cart, priced, with availability at the preferred store. */
    public record Cart(List<CartItem> items, String preferredStoreId) {
    }

    /**
     * @param unitPrice                 what one unit costs now (the lowest promotional price for the customer's segments, else the price); null when unknown
     * @param availableAtPreferredStore whether the preferred store has the quantity; null when unknown
     */
    public record CartItem(String sku, int quantity, String name, BigDecimal unitPrice, BigDecimal price, String currency,
            Integer availableAtPreferredStoreQuantity, Boolean availableAtPreferredStore) {
    }

    public record WishlistItem(String sku, Instant addedAt, String name, BigDecimal unitPrice, BigDecimal price,
            String currency, Integer availableAtPreferredStoreQuantity) {
    }

    /** When each part last changed (null: never); offers and availability: the newest catalogue and stock event read. */
    public record AsOf(Instant customer, Instant cart, Instant wishlist, Instant offers, Instant reservations,
            Instant orders, Instant conversation, Instant notifications, Instant availability) {
    }
}
