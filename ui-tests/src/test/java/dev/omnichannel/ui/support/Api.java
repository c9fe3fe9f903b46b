package dev.omnichannel.ui.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The public API of the running gateway, for what a test arranges before it opens a page (stock
 * levels, an empty cart) and for what it checks the page against. The same calls any channel makes.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    public record Answer(int status, JsonNode body) {
    }

    public static String customer(String client, String user) {
        return KeycloakTokens.password(client, user);
    }

    public static String admin() {
        return KeycloakTokens.password("backoffice", "admin");
    }

    public static Answer call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/api/v1" + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (!"GET".equals(method)) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new IllegalStateException("the gateway is not reachable at " + LocalStack.GATEWAY + " — ./omni start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode ok(String method, String path, String token, Object body) {
        Answer answer = call(method, path, token, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** What the gateway's availability says is available of a SKU at one location. */
    public static int available(String sku, String locationId) {
        JsonNode levels = ok("GET", "/products/" + sku + "/availability?storeId=" + encode(locationId), null, null);
        for (JsonNode level : levels) {
            if (locationId.equals(level.path("storeId").asText())) {
                return level.path("available").asInt();
            }
        }
        return 0;
    }

    /** Brings what is available of a SKU at a location to exactly {@code target} (an admin's stock adjustment). */
    public static void setAvailable(String sku, String locationId, int target) {
        int delta = target - available(sku, locationId);
        if (delta != 0) {
            ok("POST", "/stock/adjustments", admin(), Map.of("storeId", locationId, "sku", sku, "quantity", delta,
                    "reason", "ui-tests setup"));
        }
        await().atMost(Browser.EVENTUAL).until(() -> available(sku, locationId) == target);
    }

    /** At least {@code minimum} available, so tests that take stock can run again and again. */
    public static void ensureAvailable(String sku, String locationId, int minimum) {
        if (available(sku, locationId) < minimum) {
            setAvailable(sku, locationId, minimum + 5);
        }
    }

    public static void emptyCart(String token) {
        for (JsonNode item : ok("GET", "/me/cart", token, null).path("items")) {
            ok("DELETE", "/me/cart/items/" + item.path("sku").asText(), token, null);
        }
    }

    public static void preferStore(String token, String storeId) {
        ok("PATCH", "/me/preferences", token, Map.of("preferredStoreId", storeId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
