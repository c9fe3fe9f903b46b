package dev.omnichannel.customer.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Calls to customer-service as the gateway makes them: its real Keycloak token, JSON, forwarded headers. */
public final class Service {

    private static String token;
    private static Instant fetchedAt = Instant.EPOCH;

    private Service() {
    }

    public static synchronized String gatewayToken() {
        if (token == null || fetchedAt.isBefore(Instant.now().minus(Duration.ofMinutes(2)))) {
            token = KeycloakTokens.gateway();
            fetchedAt = Instant.now();
        }
        return token;
    }

    public static RequestSpecification asGateway() {
        return given().auth().oauth2(gatewayToken()).contentType(ContentType.JSON);
    }

    public static RequestSpecification asGateway(String channel) {
        return asGateway().header("X-Channel", channel);
    }

    /** Find-or-create by an OIDC subject; answers the customer id. */
    public static String resolveOidc(String subject) {
        return asGateway().body(Map.of("type", "oidc", "value", subject))
                .post("/customers/resolve").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().path("id");
    }

    /** A new customer with a fresh OIDC subject and this display name. */
    public static String newCustomer(String displayName) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "oidc");
        body.put("value", "sub-" + UUID.randomUUID());
        body.put("displayName", displayName);
        return asGateway().body(body).post("/customers/resolve").then().statusCode(201).extract().path("id");
    }

    public static void link(String customerId, String type, String value, String provider) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("value", value);
        if (provider != null) {
            body.put("provider", provider);
        }
        asGateway().body(body).post("/customers/{id}/identities", customerId).then().statusCode(200);
    }

    public static void putCartItem(String customerId, String sku, int quantity) {
        asGateway().body(Map.of("quantity", quantity)).put("/customers/{id}/cart/items/{sku}", customerId, sku)
                .then().statusCode(200);
    }

    public static void consent(String customerId, String channel, boolean granted) {
        asGateway("web").body(Map.of("granted", granted)).put("/customers/{id}/consents/{channel}", customerId, channel)
                .then().statusCode(200);
    }

    public static void wish(String customerId, String sku) {
        asGateway().put("/customers/{id}/wishlist/{sku}", customerId, sku).then().statusCode(200);
    }

    public static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A valid, unique French mobile number. */
    public static String uniquePhone() {
        // +33 61..., a range of French mobiles the numbering plan assigns (not every +336 is)
        return "+3361" + String.format("%07d", (long) (Math.random() * 10_000_000L));
    }
}
