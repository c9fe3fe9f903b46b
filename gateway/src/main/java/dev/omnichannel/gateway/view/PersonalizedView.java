package dev.omnichannel.gateway.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The personalized view: the same content for a customer on every channel — only {@code channel}
 * differs. A part a service did not give in time is null, and that service is named in {@code missing}.
 */
public record PersonalizedView(
        CustomerSummary customer,
        Cart cart,
        List<JsonNode> wishlist,
        List<JsonNode> offers,
        List<JsonNode> reservations,
        JsonNode conversation,
        String channel,
        boolean partial,
        List<String> missing) {

    /** What every channel shows of the customer. */
    public record CustomerSummary(String id, String displayName, String preferredStoreId, String preferredChannel,
            String language, String timeZone, List<String> segments) {

        static CustomerSummary of(JsonNode profile) {
            JsonNode preferences = profile.path("preferences");
            List<String> segments = new ArrayList<>();
            profile.path("segments").forEach(segment -> segments.add(segment.asText()));
            return new CustomerSummary(profile.path("id").asText(null), profile.path("displayName").asText(null),
                    preferences.path("preferredStoreId").asText(null), preferences.path("preferredChannel").asText(null),
                    preferences.path("language").asText(null), preferences.path("timeZone").asText(null),
                    List.copyOf(segments));
        }
    }

    /** The customer's one cart, priced, with availability at the preferred store. */
    public record Cart(List<CartItem> items, String preferredStoreId) {
    }

    /**
     * @param unitPrice                 what one unit costs now (the lowest active promotional price, else the price); null when unknown
     * @param availableAtPreferredStore whether the preferred store has the quantity; null when unknown
     */
    public record CartItem(String sku, int quantity, String name, BigDecimal unitPrice, BigDecimal price, String currency,
            Integer availableAtPreferredStoreQuantity, Boolean availableAtPreferredStore) {
    }
}
