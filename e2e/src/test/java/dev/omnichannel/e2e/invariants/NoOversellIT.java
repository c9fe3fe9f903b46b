package dev.omnichannel.e2e.invariants;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.KIOSK_LOUVRE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.InventoryDatabase;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent holds never oversell: 300 reservations at once through the gateway, from 30
 * customers on the web and the app, for the last 20 units of one SKU at one store.
 */
class NoOversellIT {

    static final String SKU = "POLES-TREK";
    static final String STORE = "paris-bastille";
    static final int UNITS = 20;
    static final int CUSTOMERS = 30;
    static final int RESERVATIONS_EACH = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> confirmed = new ArrayList<>();

    @AfterEach
    void releaseTheStock() {
        confirmed.forEach(id -> ADMIN.api().delete("/reservations/{id}", id));
    }

    @Test
    void three_hundred_concurrent_reservations_on_the_last_twenty_units_confirm_exactly_twenty() throws Exception {
        List<Caller> buyers = buyers();
        buyers.parallelStream().forEach(Caller::customerId); // profiles exist before the rush
        Stock.setAvailable(SKU, STORE, UNITS);
        Stock.awaitAvailable(ALICE_ON_WEB, SKU, STORE, UNITS);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> rush = new ArrayList<>();
        for (Caller buyer : buyers) {
            String token = buyer.token();
            for (int i = 0; i < RESERVATIONS_EACH; i++) {
                rush.add(reserve(http, token, UUID.randomUUID().toString(), 0));
            }
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : rush) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 201) {
                JsonNode reservation = JSON.readTree(response.body());
                assertEquals("CONFIRMED", reservation.path("status").asText());
                confirmed.add(reservation.path("id").asText());
            } else if (response.statusCode() == 409) {
                JsonNode shortLine = JSON.readTree(response.body()).path("lines").path(0);
                assertEquals(SKU, shortLine.path("sku").asText(), "409 names the short line: " + response.body());
            }
        }
        assertEquals(Map.of(201, UNITS, 409, CUSTOMERS * RESERVATIONS_EACH - UNITS), statuses,
                "exactly the units there were are confirmed, the rest refused");

        for (Caller channel : List.of(ALICE_ON_WEB, BOB_ON_MOBILE, KIOSK_LOUVRE)) {
            Stock.awaitAvailable(channel, SKU, STORE, 0);
        }

        InventoryDatabase.Level level = InventoryDatabase.level(SKU, STORE);
        InventoryDatabase.Level ledger = InventoryDatabase.ledgerSums(SKU, STORE);
        assertNotNull(level);
        assertEquals(0, level.available(), "nothing left, nothing oversold: " + level);
        assertEquals(level, ledger, "the level is the sum of its ledger's movements");
        assertEquals(UNITS, InventoryDatabase.reservedByConfirmedReservations(SKU, STORE, confirmed),
                "the confirmed reservations hold the twenty units");
    }

    /** The rush's customers, made in Keycloak once (role customer), half on the web and half on the app. */
    static List<Caller> buyers() {
        List<String> usernames = IntStream.rangeClosed(1, CUSTOMERS).mapToObj(i -> "e2e-buyer-%02d".formatted(i)).toList();
        KeycloakUsers.ensureCustomers(usernames);
        return IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> Caller.user(i % 2 == 0 ? "storefront" : "mobile-app", usernames.get(i)))
                .toList();
    }

    /**
     * One reservation, sent again with the same Idempotency-Key while the gateway answers 429 or 503
     * (a loaded two-core machine): the retry returns the first result, never a second hold.
     */
    private static CompletableFuture<HttpResponse<String>> reserve(HttpClient http, String token, String key, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/api/v1/reservations"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"storeId":"%s","lines":[{"sku":"%s","quantity":1}]}""".formatted(STORE, SKU)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            boolean transientRefusal = response.statusCode() == 429 || response.statusCode() == 503;
            if (!transientRefusal || attempt >= 10) {
                return CompletableFuture.completedFuture(response);
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                    .thenCompose(ignored -> reserve(http, token, key, attempt + 1));
        });
    }
}
