package dev.omnichannel.e2e.security;

import static dev.omnichannel.e2e.support.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.ForgedTokens;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.OpenApiOperations;
import dev.omnichannel.e2e.support.OpenApiOperations.Operation;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OWASP API Security Top 10 (2023) as checks over the real stack, the operations taken from the
 * gateway's OpenAPI document: a new operation is checked (or makes this test fail until it says how)
 * without anyone adding it to a list. Two fresh customers, a victim and an attacker, per run.
 * Prints each kind of check and how many were made; reliability/RESULTS.md records a run.
 */
class OwaspApiTop10IT {

    static final String SKU = "TENT-2P";
    static final String STORE = "paris-louvre";
    static final String OTHER_STORE = "paris-bastille";

    /** Path parameters that name no one's resource: the caller's own cart line, consent, review. */
    static final Set<String> NOT_OWNED = Set.of("sku", "channel");

    /**
     * Ids in paths open to customers or anonymous callers that are public by design: stores are the
     * catalogue; a tracked link's token is a capability sent to its recipient (a random 128-bit value).
     */
    static final Set<String> PUBLIC_BY_DESIGN = Set.of("GET /api/v1/stores/{id}", "GET /t/{token}");

    static final Map<String, Integer> CHECKS = new TreeMap<>();

    static Caller victim;
    static Caller attacker;
    static String victimId;
    static String attackerId;

    /** The victim's resources, by the path prefix whose {@code {id}} names them. */
    static final Map<String, String> VICTIM_RESOURCES = new LinkedHashMap<>();
    static String victimCartToken;
    static String bastilleReservation;

    @BeforeAll
    static void two_customers_and_what_the_victim_owns() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer("owasp-victim-" + run, "Victor", "Victim");
        KeycloakUsers.ensureCustomer("owasp-attacker-" + run, "Mallory", "Attacker");
        victim = Caller.user("storefront", "owasp-victim-" + run);
        attacker = Caller.user("mobile-app", "owasp-attacker-" + run);
        victimId = victim.customerId();
        attackerId = attacker.customerId();
        Stock.ensureAtLeast(SKU, STORE, 10);
        Stock.ensureAtLeast(SKU, OTHER_STORE, 10);

        VICTIM_RESOURCES.put("/api/v1/me/conversations/{id}", victim.api()
                .body(Map.of("subject", "order", "text", "Where is my tent?")).post("/me/conversations")
                .then().statusCode(201).extract().path("id"));
        VICTIM_RESOURCES.put("/api/v1/reservations/{id}", reserve(victim, STORE));
        bastilleReservation = reserve(victim, OTHER_STORE);
        VICTIM_RESOURCES.put("/api/v1/orders/{id}", victim.api()
                .body(Map.of("lines", List.of(Map.of("sku", SKU, "quantity", 1)), "deliverTo", Map.of("storeId", STORE)))
                .post("/orders").then().statusCode(201).extract().path("id"));
        Response cart = given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").post("/carts");
        cart.then().statusCode(201);
        VICTIM_RESOURCES.put("/api/v1/carts/{id}", cart.path("id"));
        victimCartToken = cart.path("cartToken");
        given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").contentType(ContentType.JSON)
                .header("X-Cart-Token", victimCartToken).body(Map.of("quantity", 2))
                .put("/carts/{id}/items/{sku}", cart.path("id"), SKU).then().statusCode(200);
        // without any consent the victim is told of the reservation in the in-app inbox
        VICTIM_RESOURCES.put("/api/v1/me/notifications/{id}", eventually().alias("the victim's first notification")
                .until(() -> victim.api().get("/me/notifications").then().statusCode(200).extract().<String>path("items[0].id"),
                        notNullValue()));
    }

    @AfterAll
    static void print_the_checks() {
        System.out.println("OWASP API Security Top 10 (2023) checks over the real stack:");
        CHECKS.forEach((what, count) -> System.out.printf("  %5d  %s%n", count, what));
        System.out.printf("  %5d  in all%n", CHECKS.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** API1, broken object level authorization: every operation that takes someone's id, with the victim's. */
    @Test
    void another_customers_ids_answer_404_and_change_nothing() {
        Map<String, String> before = victimSnapshot();
        List<String> uncovered = new ArrayList<>();
        for (Operation operation : OpenApiOperations.all()) {
            List<String> owned = operation.pathParameters().stream().filter(p -> !NOT_OWNED.contains(p)).toList();
            boolean customerReaches = !operation.needsToken() || operation.allows("customer");
            if (owned.isEmpty() || !customerReaches || PUBLIC_BY_DESIGN.contains(operation.toString())) {
                continue;
            }
            String resource = VICTIM_RESOURCES.keySet().stream().filter(operation.path()::startsWith).findFirst().orElse(null);
            if (resource == null) {
                uncovered.add(operation.toString());
                continue;
            }
            String path = operation.pathWith(name -> NOT_OWNED.contains(name) ? SKU : VICTIM_RESOURCES.get(resource));
            RequestSpecification request = operation.needsToken() ? attacker.api().basePath("")
                    : given().baseUri(LocalStack.GATEWAY).contentType(ContentType.JSON).header("X-Cart-Token", attackerCartToken());
            Response answer = request.body(attackBody(operation)).request(operation.method(), path);
            assertEquals(404, answer.statusCode(), operation + " with the victim's id: " + answer.asString());
            assertTrue(answer.contentType().startsWith("application/problem+json"), operation + ": " + answer.contentType());
            count("API1 BOLA: another customer's id answers 404 (" + operation + ")");
        }
        assertTrue(uncovered.isEmpty(), "operations that take an id a customer may send, with no victim resource "
                + "in this test (add one, or say why the id is public): " + uncovered);
        assertEquals(before, victimSnapshot(), "the victim's resources after the attempts");
        count("API1 BOLA: the victim's resources unchanged after every attempt");
    }

    /** API2, broken authentication: tokens that are not the realm's, for this API, now. */
    @Test
    void forged_foreign_and_expired_tokens_are_refused_with_401() throws InterruptedException {
        String real = attacker.token();
        attacker.api().get("/me").then().statusCode(200);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("alg none", ForgedTokens.unsigned(real));
        refused.put("claims changed under the realm's signature (sub)", ForgedTokens.tampered(real, c -> c.put("sub", victimSubject())));
        refused.put("claims changed under the realm's signature (roles)", ForgedTokens.tampered(real,
                c -> c.putObject("realm_access").putArray("roles").add("admin")));
        refused.put("signed with another key", ForgedTokens.signedByAnotherKey(real, c -> { }));
        refused.put("signed with another key, expiry pushed out", ForgedTokens.signedByAnotherKey(real,
                c -> c.put("exp", c.path("exp").asLong() + 86_400)));
        refused.put("of another realm (master)", KeycloakUsers.masterAdminToken());
        refused.put("of another client, another audience (the gateway's service account)", KeycloakTokens.gateway());
        refused.put("of another client, another audience (a customer through admin-cli)",
                KeycloakUsers.passwordTokenThroughAdminCli(attackerUsername()));
        refused.put("with another issuer under the realm's signature", ForgedTokens.tampered(real,
                c -> c.put("iss", "http://localhost:8180/realms/master")));
        refused.put("with another audience under the realm's signature", ForgedTokens.tampered(real,
                c -> c.put("aud", "omnichannel-services")));
        refused.put("not a JWT", "not-a-token");
        refused.forEach((what, token) -> {
            for (String path : List.of("/me", "/me/view")) {
                Response answer = given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").auth().oauth2(token).get(path);
                assertEquals(401, answer.statusCode(), what + " on " + path + ": " + answer.asString());
                count("API2 authentication: a token " + what + " answers 401");
            }
        });

        String expiring = KeycloakUsers.shortLivedToken(attackerUsername());
        long expiresAt = KeycloakTokens.claims(expiring).path("exp").asLong();
        given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").auth().oauth2(expiring).get("/me").then().statusCode(200);
        Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis()) + 1_500);
        Response expired = given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").auth().oauth2(expiring).get("/me");
        assertEquals(401, expired.statusCode(), "a token accepted a moment ago, now expired: " + expired.asString());
        count("API2 authentication: a token accepted before it expired answers 401 after");
    }

    /** API3, broken object property level authorization: fields a caller does not own are not its to set. */
    @Test
    void a_caller_sets_no_customer_status_price_segment_or_store_it_does_not_own() {
        Response reservation = attacker.api().body(Map.of("storeId", STORE, "customerId", victimId, "status", "COLLECTED",
                "lines", List.of(Map.of("sku", SKU, "quantity", 1)))).post("/reservations");
        if (reservation.statusCode() == 201) {
            assertEquals("CONFIRMED", reservation.path("status"), "status is the service's to set");
            victim.api().get("/reservations/{id}", reservation.<String>path("id")).then().statusCode(404);
            attacker.api().get("/reservations/{id}", reservation.<String>path("id")).then().statusCode(200);
            attacker.api().delete("/reservations/{id}", reservation.<String>path("id")).then().statusCode(200);
        } else {
            assertEquals(400, reservation.statusCode(), reservation.asString());
        }
        count("API3 property: a customer's reservation names no other customer and no status of its choosing");

        Response order = attacker.api().body(Map.of("customerId", victimId, "status", "DELIVERED",
                "lines", List.of(Map.of("sku", SKU, "quantity", 1)), "deliverTo", Map.of("storeId", STORE))).post("/orders");
        if (order.statusCode() == 201) {
            assertNotEquals("DELIVERED", order.path("status"));
            victim.api().get("/orders/{id}", order.<String>path("id")).then().statusCode(404);
        } else {
            assertEquals(400, order.statusCode(), order.asString());
        }
        count("API3 property: a customer's order names no other customer and no status of its choosing");

        BigDecimal price = new BigDecimal(attacker.api().get("/products/{sku}", SKU)
                .then().statusCode(200).extract().path("unitPrice").toString());
        attacker.api().body(Map.of("quantity", 1, "unitPrice", 0.01, "price", 0.01)).put("/me/cart/items/{sku}", SKU)
                .then().statusCode(200);
        Object unitPrice = attacker.api().get("/me/view").then().statusCode(200).extract()
                .path("cart.items.find { it.sku == '" + SKU + "' }.unitPrice");
        assertEquals(0, price.compareTo(new BigDecimal(unitPrice.toString())), "the cart's price is the catalogue's: " + unitPrice);
        count("API3 property: a cart line's price is the catalogue's, whatever the caller sends");

        List<String> segments = attacker.api().get("/me").then().extract().path("segments");
        attacker.api().body(Map.of("language", "fr", "segments", List.of("vip"), "id", victimId))
                .patch("/me/preferences").then().statusCode(200);
        assertEquals(segments, attacker.api().get("/me").then().statusCode(200).extract().path("segments"));
        assertEquals(attackerId, attacker.customerId());
        count("API3 property: preferences set no segment and no id");

        Response kioskElsewhere = Caller.KIOSK_LOUVRE.api().body(Map.of("storeId", OTHER_STORE, "customerId", victimId,
                "lines", List.of(Map.of("sku", SKU, "quantity", 1)))).post("/reservations");
        assertEquals(403, kioskElsewhere.statusCode(), kioskElsewhere.asString());
        count("API3 property: a kiosk's reservation names no other store");
    }

    /** API5, broken function level authorization: each role against every operation its token does not allow. */
    @Test
    void every_operation_refuses_the_roles_it_does_not_name() {
        Map<String, Caller> callers = Map.of("customer", attacker, "kiosk", Caller.KIOSK_LOUVRE, "staff", Caller.CLERK_LOUVRE,
                "admin", Caller.ADMIN);
        for (Operation operation : OpenApiOperations.all()) {
            if (!operation.needsToken()) {
                continue;
            }
            String path = operation.pathWith(this::harmlessValue);
            Response anonymous = given().baseUri(LocalStack.GATEWAY).contentType(ContentType.JSON).body("{}")
                    .request(operation.method(), path);
            assertEquals(401, anonymous.statusCode(), operation + " without a token: " + anonymous.asString());
            count("API5 function: no token answers 401");
            callers.forEach((role, caller) -> {
                if (operation.allows(role)) {
                    return;
                }
                Response answer = caller.api().basePath("").body("{}").request(operation.method(), path);
                assertEquals(403, answer.statusCode(), operation + " as " + role + ": " + answer.asString());
                assertTrue(answer.contentType().startsWith("application/problem+json"), operation + " as " + role);
                count("API5 function: a role the operation does not name answers 403 (" + role + ")");
            });
        }
    }

    /** API5 within a role: store staff and kiosks act at their own store only, and nothing moves when refused. */
    @Test
    void staff_and_kiosks_of_one_store_are_refused_at_another_and_nothing_moves() {
        int otherStoreLevel = Stock.available(Caller.ANONYMOUS, SKU, OTHER_STORE);
        String reservationBefore = victim.api().get("/reservations/{id}", bastilleReservation).then().statusCode(200)
                .extract().asString();
        List<Map.Entry<Caller, Function<Caller, Response>>> attempts = List.of(
                Map.entry(Caller.CLERK_LOUVRE, c -> c.api().body(Map.of("storeId", OTHER_STORE, "sku", SKU, "quantity", -5,
                        "reason", "owasp")).post("/stock/adjustments")),
                Map.entry(Caller.CLERK_LOUVRE, c -> c.api().body(Map.of("fromStoreId", OTHER_STORE, "toStoreId", STORE,
                        "sku", SKU, "quantity", 5)).post("/stock/transfers")),
                Map.entry(Caller.CLERK_LOUVRE, c -> c.api().body(returnAt(OTHER_STORE)).post("/returns")),
                Map.entry(Caller.CLERK_LOUVRE, c -> c.api().body(Map.of()).post("/reservations/{id}/ready", bastilleReservation)),
                Map.entry(Caller.CLERK_LOUVRE, c -> c.api().body(Map.of("pickupCode", "000000"))
                        .post("/reservations/{id}/collect", bastilleReservation)),
                Map.entry(Caller.KIOSK_LOUVRE, c -> c.api().body(returnAt(OTHER_STORE)).post("/returns")),
                Map.entry(Caller.KIOSK_LOUVRE, c -> c.api().body(Map.of("pickupCode", "000000"))
                        .post("/reservations/{id}/collect", bastilleReservation)),
                Map.entry(Caller.KIOSK_LOUVRE, c -> c.api().queryParam("storeId", OTHER_STORE).queryParam("pickupCode", "000000")
                        .get("/reservations")));
        for (Map.Entry<Caller, Function<Caller, Response>> attempt : attempts) {
            Response answer = attempt.getValue().apply(attempt.getKey());
            assertEquals(403, answer.statusCode(), attempt.getKey() + ": " + answer.asString());
            count("API5 function: staff and kiosks refused at another store (403)");
        }
        assertEquals(otherStoreLevel, Stock.available(Caller.ANONYMOUS, SKU, OTHER_STORE), "the other store's stock");
        assertEquals(reservationBefore, victim.api().get("/reservations/{id}", bastilleReservation).then().extract().asString());
        count("API5 function: the other store's stock and reservation unchanged after the refusals");
    }

    /** API4, unrestricted resource consumption: page sizes, bodies and request rates are bounded. */
    @Test
    void page_sizes_bodies_and_request_rates_are_bounded() {
        for (Operation operation : OpenApiOperations.all()) {
            if (!operation.queryParameters().contains("size") || !operation.method().equals("GET")) {
                continue;
            }
            Caller caller = !operation.needsToken() ? Caller.ANONYMOUS : operation.allows("customer") ? attacker : Caller.ADMIN;
            Response answer = caller.api().basePath("").queryParam("size", 1_000_000)
                    .get(operation.pathWith(name -> "sku".equals(name) ? SKU : attackerId));
            if (answer.statusCode() == 200) {
                int size = answer.path("size");
                assertTrue(size <= 100 && answer.jsonPath().getList("items").size() <= size, operation + " capped: " + size);
                count("API4 resources: a page size past the cap is capped (documented so)");
            } else {
                assertEquals(400, answer.statusCode(), operation + "?size=1000000: " + answer.asString());
                assertTrue(answer.contentType().startsWith("application/problem+json"));
                count("API4 resources: a page size past the cap answers 400");
            }
        }

        Response huge = attacker.api().body(Map.of("subject", "order", "text", "x".repeat(300 * 1024))).post("/me/conversations");
        assertEquals(413, huge.statusCode(), "a 300 KiB body");
        attacker.api().get("/me/conversations").then().statusCode(200).extract().path("total");
        count("API4 resources: a body past the limit answers 413");

        String run = UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer("owasp-flood-" + run, "Flo", "Od");
        Caller flood = Caller.user("storefront", "owasp-flood-" + run);
        flood.api().get("/me").then().statusCode(200);
        Response throttled = null;
        for (int i = 0; i < 400 && throttled == null; i++) {
            Response answer = flood.api().get("/me/cart");
            if (answer.statusCode() == 429) {
                throttled = answer;
            } else {
                assertEquals(200, answer.statusCode());
            }
        }
        assertTrue(throttled != null, "400 requests at once from one customer are throttled");
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1, "Retry-After: " + throttled.header("Retry-After"));
        assertTrue(throttled.contentType().startsWith("application/problem+json"));
        count("API4 resources: one customer's burst answers 429 with Retry-After");
    }

    /** API8, security misconfiguration: headers of the pages and the API, no cross-origin access, no stack shown. */
    @Test
    void pages_and_api_send_security_headers_and_allow_no_other_origin() {
        for (String page : List.of("/", "/storefront/", "/kiosk/", "/backoffice/")) {
            Response answer = given().baseUri(LocalStack.GATEWAY).get(page);
            answer.then().statusCode(200);
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                    && policy.contains("object-src 'none'"), page + " Content-Security-Policy: " + policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), page);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), page);
            count("API8 configuration: a page sends its CSP, nosniff and no-referrer");
        }
        for (String path : List.of("/me", "/me/view", "/me/export")) {
            Response answer = attacker.api().get(path);
            answer.then().statusCode(200);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("no-store", answer.header("Cache-Control"), path + ": personal data is not kept by caches");
            count("API8 configuration: personal answers are nosniff and no-store");
        }
        Response preflight = given().baseUri(LocalStack.GATEWAY).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE").header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/me");
        assertNull(preflight.header("Access-Control-Allow-Origin"), "a preflight from another origin");
        Response crossOrigin = given().baseUri(LocalStack.GATEWAY).header("Origin", "https://evil.example")
                .auth().oauth2(attacker.token()).get("/api/v1/me");
        assertNull(crossOrigin.header("Access-Control-Allow-Origin"), "a read from another origin");
        count("API8 configuration: no other origin may call the API from a browser");
        for (String method : List.of("TRACE", "PATCH")) {
            Response answer = given().baseUri(LocalStack.GATEWAY).request(method, "/api/v1/products");
            assertEquals(405, answer.statusCode(), method);
            assertTrue(answer.contentType().startsWith("application/problem+json"), method);
            count("API8 configuration: a method the API does not offer answers 405 problem+json");
        }
        Response unknown = given().baseUri(LocalStack.GATEWAY).get("/api/v1/no-such-route");
        assertEquals(404, unknown.statusCode());
        assertFalse(unknown.asString().contains("Exception") || unknown.asString().contains("quarkus"), unknown.asString());
        count("API8 configuration: an unknown route answers a clean 404");
    }

    private static Map<String, String> victimSnapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        victim.api().get("/me/conversations/{id}", VICTIM_RESOURCES.get("/api/v1/me/conversations/{id}")).then().statusCode(200);
        snapshot.put("conversation", victim.api().get("/me/conversations/{id}",
                VICTIM_RESOURCES.get("/api/v1/me/conversations/{id}")).then().statusCode(200).extract().asString());
        snapshot.put("reservation", victim.api().get("/reservations/{id}", VICTIM_RESOURCES.get("/api/v1/reservations/{id}"))
                .then().statusCode(200).extract().asString());
        snapshot.put("order", victim.api().get("/orders/{id}", VICTIM_RESOURCES.get("/api/v1/orders/{id}"))
                .then().statusCode(200).extract().asString());
        snapshot.put("cart", given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").header("X-Cart-Token", victimCartToken)
                .get("/carts/{id}", VICTIM_RESOURCES.get("/api/v1/carts/{id}")).then().statusCode(200).extract().asString());
        String notification = VICTIM_RESOURCES.get("/api/v1/me/notifications/{id}");
        snapshot.put("notification", String.valueOf(victim.api().get("/me/notifications").then().statusCode(200).extract()
                .<Object>path("items.find { it.id == '" + notification + "' }")));
        return snapshot;
    }

    private static String attackerCartToken;

    /** The attacker's own guest cart token: a real token, for another cart. */
    private static String attackerCartToken() {
        if (attackerCartToken == null) {
            attackerCartToken = given().baseUri(LocalStack.GATEWAY).basePath("/api/v1").post("/carts")
                    .then().statusCode(201).extract().path("cartToken");
        }
        return attackerCartToken;
    }

    /** A body that would change the resource if the attempt were let through. */
    private static Object attackBody(Operation operation) {
        if (operation.path().endsWith("/messages")) {
            return Map.of("text", "not yours");
        }
        if (operation.path().endsWith("/extend")) {
            return Map.of("minutes", 15);
        }
        if (operation.path().contains("/items/")) {
            return Map.of("quantity", 9);
        }
        return Map.of();
    }

    private String harmlessValue(String parameter) {
        return switch (parameter) {
            case "sku" -> SKU;
            case "channel" -> "email";
            case "key" -> "owasp-probe";
            default -> UUID.randomUUID().toString();
        };
    }

    private static String reserve(Caller customer, String store) {
        return customer.api().body(Map.of("storeId", store, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                .post("/reservations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> returnAt(String store) {
        return Map.of("storeId", store, "sku", SKU, "quantity", 1, "originalRef", "owasp-" + UUID.randomUUID(),
                "condition", "resaleable");
    }

    private static String victimSubject() {
        return KeycloakTokens.claims(victim.token()).path("sub").asText();
    }

    private static String attackerUsername() {
        return KeycloakTokens.claims(attacker.token()).path("preferred_username").asText();
    }

    private static synchronized void count(String check) {
        CHECKS.merge(check, 1, Integer::sum);
    }
}
