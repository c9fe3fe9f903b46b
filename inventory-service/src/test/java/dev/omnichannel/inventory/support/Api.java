package dev.omnichannel.inventory.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;

/** Calls to the service as the gateway makes them: its real Keycloak token, channel and actor headers. */
public final class Api {

    private static String token;
    private static Instant tokenTakenAt = Instant.EPOCH;

    private Api() {
    }

    /** The gateway's service token, renewed every minute (tokens live a few minutes). */
    public static synchronized String token() {
        if (Duration.between(tokenTakenAt, Instant.now()).toSeconds() > 60) {
            token = KeycloakTokens.gateway();
            tokenTakenAt = Instant.now();
        }
        return token;
    }

    public static RequestSpecification asGateway() {
        return given().auth().oauth2(token()).contentType(ContentType.JSON)
                .header("X-Channel", "web").header("X-Actor", "staff:test@paris-louvre");
    }

    public static RequestSpecification asGateway(String channel, String actor) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON)
                .header("X-Channel", channel).header("X-Actor", actor);
    }
}
