package dev.omnichannel.gateway.support;

import dev.omnichannel.testing.KeycloakTokens;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real Keycloak tokens of the demo realm, fetched once per test run (they live 15 minutes). */
public final class Tokens {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String storefront(String user) {
        return TOKENS.computeIfAbsent("storefront/" + user, key -> KeycloakTokens.password("storefront", user));
    }

    public static String mobileApp(String user) {
        return TOKENS.computeIfAbsent("mobile-app/" + user, key -> KeycloakTokens.password("mobile-app", user));
    }

    public static String backoffice(String user) {
        return TOKENS.computeIfAbsent("backoffice/" + user, key -> KeycloakTokens.password("backoffice", user));
    }

    /** The kiosk client's own token: store paris-louvre. */
    public static String kiosk() {
        return TOKENS.computeIfAbsent("kiosk", key -> KeycloakTokens.clientCredentials("kiosk", KeycloakTokens.KIOSK_SECRET));
    }

    /** A real token whose claims were changed after signing: the signature no longer matches. */
    public static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace(from, to);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
    }

    /** The same claims, declared unsigned ({@code alg: none}) and without a signature. */
    public static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        return header + "." + parts[1] + ".";
    }
}
