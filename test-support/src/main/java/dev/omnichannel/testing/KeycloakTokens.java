package dev.omnichannel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Real access tokens from the local Keycloak realm {@code omnichannel} (demo users' password: demo). */
public final class KeycloakTokens {

    public static final String DEMO_PASSWORD = "demo";
    public static final String GATEWAY_SECRET = "gateway-dev-secret";
    public static final String KIOSK_SECRET = "kiosk-dev-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    /** A user's token through a public client ({@code storefront}, {@code mobile-app}, {@code backoffice}). */
    public static String password(String clientId, String username) {
        return request(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", DEMO_PASSWORD));
    }

    /** A confidential client's own token ({@code gateway}, {@code kiosk}). */
    public static String clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The token the gateway uses to call the services (role {@code service}). */
    public static String gateway() {
        return clientCredentials("gateway", GATEWAY_SECRET);
    }

    /** The claims of a token, read without verifying it. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String request(Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body() + " — is the stack up (./omni start infra)?");
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + LocalStack.KEYCLOAK
                    + " — start it with ./omni start infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
