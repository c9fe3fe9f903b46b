package dev.omnichannel.messaging.webhook.service;

import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a provider's {@code X-Signature}: the hex HMAC-SHA256 of the raw body with the channel's
 * secret (optionally prefixed {@code sha256=}), compared in constant time.
 */
@ApplicationScoped
public class WebhookSignature {

    private final MessagingConfig config;

    WebhookSignature(MessagingConfig config) {
        this.config = config;
    }

    public void verify(String channel, byte[] body, String signature) {
        String secret = config.webhookSecrets().get(channel);
        if (secret == null || secret.isBlank()) {
            throw refused("Webhooks of " + channel + " are not configured");
        }
        if (signature == null || signature.isBlank()) {
            throw refused("The X-Signature header is required");
        }
        String hex = signature.trim().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256=")) {
            hex = hex.substring("sha256=".length());
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw refused("The signature is not valid");
        }
        if (!MessageDigest.isEqual(hmac(secret, body), given)) {
            throw refused("The signature is not valid");
        }
    }

    public static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(401, "invalid-signature", "Unauthorized", detail, null);
    }
}
