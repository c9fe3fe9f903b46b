package dev.omnichannel.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.testing.KeycloakTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bearer token is verified once and its identity kept; any other text, even one byte off, is verified again. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class VerifiedTokensTest {

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void services() {
        Services.reset();
    }

    @Test
    void a_token_is_verified_on_its_first_request_only() {
        String token = KeycloakTokens.password("storefront", "alice"); // never sent before
        double before = verified();
        for (int call = 0; call < 3; call++) {
            given().auth().oauth2(token).get("/api/v1/me/view").then().statusCode(200);
        }
        assertThat(verified() - before, is(1.0));
    }

    @Test
    void a_token_changed_after_a_verified_one_is_verified_and_refused() {
        String token = KeycloakTokens.password("mobile-app", "alice");
        given().auth().oauth2(token).get("/api/v1/me/view").then().statusCode(200);

        String otherSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(otherSignature).get("/api/v1/me/view").then().statusCode(401);
        given().auth().oauth2(Tokens.tampered(token, "\"alice\"", "\"bob\"")).get("/api/v1/me/view").then().statusCode(401);
        given().auth().oauth2(Tokens.unsigned(token)).get("/api/v1/me/view").then().statusCode(401);
    }

    private double verified() {
        return metrics.counter("omni.tokens.verified").count();
    }
}
