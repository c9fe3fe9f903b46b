package dev.omnichannel.messaging.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.messaging.webhook.service.WebhookSignature;
import dev.omnichannel.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Calls as the gateway makes them: its real service token from Keycloak. */
public final class Api {

    private static String token;
    private static long fetchedAt;

    private Api() {
    }

    public static RequestSpecification asGateway() {
        return given().auth().oauth2(serviceToken()).contentType(ContentType.JSON);
    }

    public static synchronized String serviceToken() {
        if (token == null || System.currentTimeMillis() - fetchedAt > 60_000) {
            token = KeycloakTokens.gateway();
            fetchedAt = System.currentTimeMillis();
        }
        return token;
    }

    /** The hex HMAC-SHA256 a provider puts in X-Signature. */
    public static String sign(String secret, String body) {
        return HexFormat.of().formatHex(WebhookSignature.hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    public static final String SOCIAL_SECRET = "dev-social-webhook-secret";
    public static final String EMAIL_SECRET = "dev-email-webhook-secret";
    public static final String SMS_SECRET = "dev-sms-webhook-secret";
    public static final String PUSH_SECRET = "dev-push-webhook-secret";

    /** Posts a provider webhook, signed as the provider would. */
    public static io.restassured.response.Response webhook(String channel, String secret, String body) {
        return asGateway().header("X-Signature", sign(secret, body)).body(body).post("/webhooks/" + channel);
    }
}
