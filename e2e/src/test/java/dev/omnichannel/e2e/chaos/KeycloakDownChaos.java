package dev.omnichannel.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keycloak killed: tokens already issued keep working (the realm's keys are cached), a new sign-in
 * fails with a clear answer — the gateway's kiosk sign-in a 503 problem+json with
 * {@code Retry-After} — and everything signs in again once Keycloak is back.
 */
class KeycloakDownChaos {

    static final String KIOSK_DEVICE_KEY = "louvre-1-dev-device-key";

    @Test
    void issued_tokens_keep_working_and_sign_ins_come_back_with_keycloak() {
        Chaos.timeouts();
        String username = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomers(List.of(username));
        Caller customer = Caller.user("mobile-app", username);
        customer.api().get("/me/view").then().statusCode(200);
        Caller.CLERK_LOUVRE.api().get("/customers/{id}/timeline", customer.customerId()).then().statusCode(200);

        Instant killedAt = Instant.now();
        Stack.kill("keycloak");
        int served = 0;
        int asked = 0;
        Response kioskSignIn;
        try {
            for (int i = 0; i < 20; i++) {
                asked++;
                served += customer.api().get(i % 2 == 0 ? "/me/view" : "/me").statusCode() == 200 ? 1 : 0;
                asked++;
                served += Caller.CLERK_LOUVRE.api().get("/customers/{id}/timeline", customer.customerId()).statusCode() == 200 ? 1 : 0;
            }
            kioskSignIn = RestAssured.given().baseUri(LocalStack.GATEWAY).header("X-Kiosk-Device-Key", KIOSK_DEVICE_KEY)
                    .post("/kiosk/session");
        } finally {
            Stack.start("keycloak");
        }
        Instant backAt = Instant.now();
        boolean issued = ChaosResults.record("Keycloak killed: requests with tokens issued before",
                served + " of " + asked + " answered 200", "all", served == asked);
        boolean clear = ChaosResults.record("Keycloak killed: a kiosk signing in through the gateway",
                kioskSignIn.statusCode() + " " + kioskSignIn.contentType() + ", Retry-After " + kioskSignIn.header("Retry-After"),
                "503 problem+json with Retry-After", kioskSignIn.statusCode() == 503 && kioskSignIn.header("Retry-After") != null
                        && String.valueOf(kioskSignIn.contentType()).startsWith("application/problem+json"));
        Duration signIn = Chaos.timeToConverge(Duration.ofSeconds(60), () -> {
            String fresh = KeycloakTokens.password("storefront", username);
            return RestAssured.given().baseUri(LocalStack.GATEWAY).auth().oauth2(fresh).get("/api/v1/me").statusCode() == 200
                    && RestAssured.given().baseUri(LocalStack.GATEWAY).header("X-Kiosk-Device-Key", KIOSK_DEVICE_KEY)
                            .post("/kiosk/session").statusCode() == 200;
        });
        boolean back = ChaosResults.record("Keycloak back: a new sign-in and a kiosk session work",
                signIn == null ? "not in 60 s" : signIn.toMillis() + " ms after Keycloak was ready ("
                        + Duration.between(killedAt, backAt).toSeconds() + " s down)", "<= 10 s",
                signIn != null && signIn.compareTo(Duration.ofSeconds(10)) <= 0);
        assertTrue(issued & clear & back, "see the chaos lines above");
    }
}
