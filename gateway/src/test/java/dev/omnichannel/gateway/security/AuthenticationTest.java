package dev.omnichannel.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens are fully validated: a real Keycloak token of a channel client passes, anything else gets 401. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class AuthenticationTest {

    @BeforeEach
    void services() {
        Services.reset();
        Services.customer().stubFor(get(urlEqualTo("/customers/" + Services.ALICE))
                .willReturn(Services.json(200, "{\"id\":\"" + Services.ALICE + "\",\"displayName\":\"Alice Martin\"}")));
    }

    @Test
    void a_customer_with_a_real_storefront_token_gets_their_profile() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(Services.ALICE));
    }

    @Test
    void no_token_gets_401_problem() {
        given().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void a_tampered_token_gets_401() {
        String tampered = Tokens.tampered(Tokens.storefront("alice"), Services.ALICE_SUBJECT, Services.BOB_SUBJECT);
        given().auth().oauth2(tampered)
                .get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void an_unsigned_token_gets_401() {
        given().auth().oauth2(Tokens.unsigned(Tokens.storefront("alice")))
                .get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void a_token_for_another_audience_gets_401() {
        // the gateway's own service token is valid in the realm, but meant for the services
        given().auth().oauth2(KeycloakTokens.gateway())
                .get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void a_tampered_token_gets_401_also_where_anonymous_callers_are_welcome() {
        String tampered = Tokens.tampered(Tokens.storefront("alice"), "alice@example.com", "bob@example.com");
        given().auth().oauth2(tampered)
                .get("/api/v1/products/TENT-2P")
                .then().statusCode(401);
    }

    @Test
    void a_kiosk_has_no_customer_profile() {
        given().auth().oauth2(Tokens.kiosk())
                .get("/api/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }
}
