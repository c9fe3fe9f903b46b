package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.LocalStack;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider calling the gateway's webhook, signed as providers sign: hex HMAC-SHA256 of the raw
 * body with the channel's secret (messaging-service's dev secrets, {@code WEBHOOK_SECRET_<CHANNEL>}).
 */
public final class Webhooks {

    private Webhooks() {
    }

    public static String devSecret(String channel) {
        return System.getProperty("omni.webhook-secret." + channel, "dev-" + channel + "-webhook-secret");
    }

    public static Response deliver(String channel, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().baseUri(LocalStack.GATEWAY).basePath("/api/v1")
                .contentType("application/json")
                .header("X-Signature", "sha256=" + hmac(devSecret(channel), body))
                .body(body)
                .post("/webhooks/{channel}", channel);
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
