package dev.omnichannel.gateway.kiosk.rest;

import java.time.Instant;

/**
 * What a recognised kiosk device gets: a short-lived access token of the kiosk client, to call the
 * public API with like any kiosk, and when to ask for the next one.
 *
 * @param storeId the store the token acts for (its {@code store_id} claim)
 */
public record KioskSession(String accessToken, String tokenType, Instant expiresAt, long expiresIn, String storeId,
        String device) {
}
