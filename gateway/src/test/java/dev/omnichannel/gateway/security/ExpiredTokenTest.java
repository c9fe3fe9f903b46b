package dev.omnichannel.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.RefusalLog;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An expired token gets 401. Keycloak's tokens live 15 minutes and cannot be re-signed here, so the
 * gateway is run as if its clock were 20 minutes ahead: a negative allowed clock skew makes the
 * validator evaluate {@code exp} at now + 20 min, when a fresh token has expired. Signature,
 * issuer and audience are checked as usual; only the moment of the expiry check moves.
 */
@QuarkusTest
@TestProfile(ExpiredTokenTest.ClockTwentyMinutesAhead.class)
@WithTestResource(GatewayTestStack.class)
class ExpiredTokenTest {

    public static class ClockTwentyMinutesAhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.lifespan-grace", "-1200");
        }
    }

    @Test
    void an_expired_token_gets_401() {
        try (RefusalLog refusals = RefusalLog.capture()) {
            given().auth().oauth2(Tokens.storefront("alice"))
                    .get("/api/v1/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json");
            assertThat(refusals.lines(), hasItem(allOf(containsString("refused 401"), containsString("no longer valid"))));
        }
    }
}
