package dev.omnichannel.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the gateway's service token (real Keycloak) is accepted; everyone else gets a 401 problem. */
@QuarkusTest
class SecurityTest {

    @Test
    void the_gateway_token_is_accepted() {
        given().auth().oauth2(KeycloakTokens.gateway()).get("/locations/paris-louvre").then().statusCode(200);
    }

    @Test
    void a_call_without_a_token_gets_a_401_problem_and_changes_nothing() {
        given().get("/products/TENT-2P").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("storeId", "paris-louvre", "sku", "TENT-2P", "quantity", 100))
                .post("/stock/receipts").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.gateway()).queryParam("storeId", "paris-louvre")
                .get("/products/TENT-2P/availability").then().statusCode(200).body("[0].available", equalTo(0));
    }

    @Test
    void tokens_of_channel_clients_are_meant_for_the_gateway_and_refused_here() {
        given().auth().oauth2(KeycloakTokens.password("storefront", "alice")).get("/reservations?customerId=" + UUID.randomUUID())
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.clientCredentials("kiosk", KeycloakTokens.KIOSK_SECRET))
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", "paris-louvre",
                        "lines", List.of(Map.of("sku", "SHOE-RUN-42", "quantity", 1))))
                .post("/reservations").then().statusCode(401);
    }

    @Test
    void health_is_open() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
