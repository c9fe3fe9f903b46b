package dev.omnichannel.customer.profile.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The unified profile as the gateway shows it. */
public record CustomerProfile(
        UUID id,
        String displayName,
        List<Identity> identities,
        Preferences preferences,
        Map<String, Boolean> consents,
        Map<String, ConsentDetail> consentDetails,
        List<String> segments,
        Instant createdAt,
        long version) {

    public record Identity(String type, String value, String provider, boolean verified) {
    }

    public record Preferences(String preferredChannel, String preferredStoreId, String language, String timeZone,
            QuietHours quietHours) {
    }

    public record QuietHours(String start, String end) {
    }

    public record ConsentDetail(boolean granted, Instant at, String givenOn) {
    }
}
