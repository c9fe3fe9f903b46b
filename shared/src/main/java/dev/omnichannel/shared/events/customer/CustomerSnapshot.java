package dev.omnichannel.shared.events.customer;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code customer.profile-changed} on {@code customer.events}: the whole state of a customer after
 * any change (created, identity linked, preferences, consents, segments, cart, wishlist).
 * Consumers keep it as their local copy, replacing an older {@code version}: messaging honours
 * preferences with it, the gateway's view model shows the profile, the cart and the wishlist.
 *
 * @param emails      verified-or-not email addresses, primary first
 * @param phones      E.164 phone numbers, primary first (SMS and WhatsApp)
 * @param deviceTokens push tokens of the customer's devices
 * @param socialHandles social identities as {@code provider:handle} (e.g. {@code instagram:@alice.m})
 * @param consents    per channel ({@code email}, {@code sms}, {@code push}, {@code whatsapp})
 * @param segments    segment codes, e.g. {@code new}, {@code vip}, {@code regular:paris-louvre}, {@code lapsed}
 * @param version     increases with every change of this customer, cart and wishlist included
 * @param subjects    the OIDC subjects (token {@code sub}) that sign in as this customer
 * @param cart        the lines of the customer's one cart, oldest first
 * @param wishlist    the wishlist, oldest first
 */
public record CustomerSnapshot(
        String customerId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> deviceTokens,
        List<String> socialHandles,
        Preferences preferences,
        Map<String, Consent> consents,
        List<String> segments,
        long version,
        List<String> subjects,
        List<CartLine> cart,
        List<WishlistLine> wishlist) implements EventData {

    public static final String TYPE = "customer.profile-changed";

    @Override
    public String eventType() {
        return TYPE;
    }

    /** {@code quietHours} null means none; times are local to {@code timeZone} (IANA id). */
    public record Preferences(String preferredChannel, String preferredStoreId, String language, String timeZone,
            QuietHours quietHours) {
    }

    /** Local times {@code HH:mm}; {@code start} after {@code end} spans midnight (22:00–07:00). */
    public record QuietHours(String start, String end) {
    }

    public record CartLine(String sku, int quantity, Instant addedAt) {
    }

    public record WishlistLine(String sku, Instant addedAt) {
    }

    /** @param givenOn the channel the customer gave or withdrew it on (web, mobile, kiosk, store, call-center) */
    public record Consent(boolean granted, Instant at, String givenOn) {
    }
}
