package dev.omnichannel.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Bearer tokens an attacker can make from a real one: its header and claims re-encoded, then left
 * unsigned ({@code alg: none}), signed with a key of the attacker's own under the realm's key id, or
 * with a claim changed and the realm's signature kept.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair ATTACKER_KEY = attackerKey();

    private ForgedTokens() {
    }

    /** The same header and claims, {@code alg: none}, no signature. */
    public static String unsigned(String token) {
        ObjectNode header = part(token, 0);
        header.put("alg", "none");
        return encode(header) + "." + token.split("\\.")[1] + ".";
    }

    /** The claims changed by {@code change}, the realm's signature of the original claims kept. */
    public static String tampered(String token, Consumer<ObjectNode> change) {
        ObjectNode claims = part(token, 1);
        change.accept(claims);
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** The claims changed by {@code change} and signed RS256 with the attacker's key, under the realm key's id. */
    public static String signedByAnotherKey(String token, Consumer<ObjectNode> change) {
        ObjectNode claims = part(token, 1);
        change.accept(claims);
        String signed = encode(part(token, 0)) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(ATTACKER_KEY.getPrivate());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode part(String token, int index) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
            return (ObjectNode) node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair attackerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
