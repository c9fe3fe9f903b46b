package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Keycloak tokens validated by a service, and the problem+json answers every error gets. */
@QuarkusTest
class ProblemAndBearerTokenTest {

    @Test
    void a_real_keycloak_token_with_the_service_role_is_accepted() {
        given().auth().oauth2(KeycloakTokens.gateway())
                .get("/test/secured")
                .then().statusCode(200)
                .body("caller", equalTo("service-account-gateway"));
    }

    @Test
    void a_missing_token_gets_401_problem() {
        given().get("/test/secured")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401), "title", equalTo("Unauthorized"));
    }

    @Test
    void a_tampered_token_gets_401() {
        String token = KeycloakTokens.gateway();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("service-account-gateway", "service-account-admin");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];
        given().auth().oauth2(tampered).get("/test/secured")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void an_unsigned_token_gets_401() {
        String[] parts = KeycloakTokens.gateway().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        given().auth().oauth2(none + "." + parts[1] + ".").get("/test/secured").then().statusCode(401);
    }

    @Test
    void a_customer_token_meant_for_the_gateway_is_refused_by_a_service() {
        // storefront tokens carry the audience omnichannel-api, not omnichannel-services
        given().auth().oauth2(KeycloakTokens.password("storefront", "alice"))
                .get("/test/secured").then().statusCode(401);
    }

    @Test
    void invalid_fields_are_listed_in_a_400_problem() {
        given().contentType(ContentType.JSON).body(Map.of("key", "", "message", "x"))
                .post("/test/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("key"));
    }

    @Test
    void malformed_json_gets_a_400_problem_without_class_names() {
        given().contentType(ContentType.JSON).body("{\"key\": ")
                .post("/test/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void a_wrongly_typed_field_is_named_in_the_400_problem() {
        given().contentType(ContentType.JSON).body("{\"by\": \"three\"}")
                .post("/test/counters/typed")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("by"), "detail", not(containsString("java.")));
    }

    @Test
    void an_unknown_resource_gets_a_404_problem() {
        given().get("/test/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
