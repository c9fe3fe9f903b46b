package dev.omnichannel.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the gateway's service token gets in; bodies have a size limit; errors are problem+json. */
@QuarkusTest
class SecurityAndLimitsTest {

    @Inject
    Pool pool;

    @Test
    void a_call_without_a_token_is_refused_with_401() {
        given().contentType(ContentType.JSON).body(Map.of("type", "oidc", "value", "x")).post("/customers/resolve")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/customers/{id}/cart", UUID.randomUUID()).then().statusCode(401);
        given().post("/carts").then().statusCode(401);
    }

    @Test
    void a_storefront_user_token_is_refused() {
        String alice = KeycloakTokens.password("storefront", "alice");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("type", "oidc", "value", "x"))
                .post("/customers/resolve")
                .then().statusCode(anyOf(equalTo(401), equalTo(403))).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.clientCredentials("kiosk", KeycloakTokens.KIOSK_SECRET))
                .get("/customers?identity=email:alice@example.com")
                .then().statusCode(anyOf(equalTo(401), equalTo(403)));
    }

    @Test
    void an_oversized_body_is_refused_with_a_problem_and_changes_nothing() {
        long before = Database.count(pool, "SELECT count(*) FROM customer");
        String huge = "x".repeat(300 * 1024);
        Service.asGateway().body(Map.of("type", "oidc", "value", "big", "displayName", huge)).post("/customers/resolve")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Database.count(pool, "SELECT count(*) FROM customer"));
    }

    @Test
    void an_overlong_field_is_a_400_problem_and_changes_nothing() {
        long before = Database.count(pool, "SELECT count(*) FROM customer");
        Service.asGateway().body(Map.of("type", "oidc", "value", "long-name", "displayName", "x".repeat(5000)))
                .post("/customers/resolve")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("displayName"));
        assertEquals(before, Database.count(pool, "SELECT count(*) FROM customer"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        Service.asGateway().body("{not json").post("/customers/resolve")
                .then().statusCode(400).contentType("application/problem+json");
        Service.asGateway().body(Map.of("type", "oidc")).post("/customers/resolve")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("value"));
    }
}
