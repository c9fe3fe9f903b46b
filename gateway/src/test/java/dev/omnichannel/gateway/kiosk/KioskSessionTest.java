package dev.omnichannel.gateway.kiosk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.kiosk.rest.KioskSessionResource;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk page gets a kiosk token from the gateway with its device key: the kiosk client's secret
 * stays in the gateway, a browser without the device key gets nothing, and the token it gets is a
 * real kiosk token of its store (issued by the running Keycloak).
 */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class KioskSessionTest {

    /** The dev device key of application.properties. */
    static final String DEVICE_KEY = "louvre-1-dev-device-key";

    @BeforeEach
    void services() {
        Services.reset();
    }

    @Test
    void without_a_device_key_there_is_no_kiosk_session() {
        given().post("/kiosk/session")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body(not(containsString("eyJ")));
    }

    @Test
    void a_wrong_device_key_gets_401() {
        for (String wrong : new String[] { "louvre-1-dev-device-ke", DEVICE_KEY + "x", "LOUVRE-1-DEV-DEVICE-KEY",
                KeycloakTokens.KIOSK_SECRET, " " }) {
            given().header(KioskSessionResource.DEVICE_KEY, wrong).post("/kiosk/session")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body(not(containsString("eyJ")));
        }
    }

    @Test
    void the_device_key_gets_a_short_lived_kiosk_token_of_its_store() {
        Response answer = given().header(KioskSessionResource.DEVICE_KEY, DEVICE_KEY).post("/kiosk/session");

        answer.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("storeId", equalTo("paris-louvre"))
                .body("device", equalTo("louvre-1"))
                .body(not(containsString(KeycloakTokens.KIOSK_SECRET)));
        JsonNode claims = KeycloakTokens.claims(answer.path("accessToken"));
        assertEquals("kiosk", claims.path("azp").asText());
        assertEquals("paris-louvre", claims.path("store_id").asText());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"kiosk\""), claims.toString());
        long expiresIn = answer.<Integer>path("expiresIn").longValue();
        assertTrue(expiresIn > 0 && expiresIn <= 15 * 60, "short-lived: " + expiresIn + " s");
        assertEquals(claims.path("exp").asLong(), Instant.parse(answer.path("expiresAt")).getEpochSecond());
    }

    @Test
    void the_session_token_acts_as_a_kiosk_of_its_store_only() {
        Services.inventory().stubFor(get(urlPathEqualTo("/reservations")).willReturn(Services.json(200,
                "{\"items\":[{\"id\":\"7e5e0000-0000-4000-8000-000000000001\",\"storeId\":\"paris-louvre\","
                        + "\"pickupCode\":\"K7P2Q9\",\"status\":\"CONFIRMED\"}]}")));
        String token = given().header(KioskSessionResource.DEVICE_KEY, DEVICE_KEY).post("/kiosk/session").path("accessToken");

        given().auth().oauth2(token).queryParam("storeId", "paris-louvre").queryParam("pickupCode", "K7P2Q9")
                .get("/api/v1/reservations")
                .then().statusCode(200)
                .body("items[0].pickupCode", equalTo("K7P2Q9"));
        given().auth().oauth2(token).queryParam("storeId", "paris-bastille").queryParam("pickupCode", "K7P2Q9")
                .get("/api/v1/reservations")
                .then().statusCode(403);
    }
}
