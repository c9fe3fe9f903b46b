package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The benchmark's own customers ({@code bench-0001}...): realm users with the role customer, made
 * once through Keycloak's partial import, each signed in with a real password grant. They leave
 * the demo customers alone.
 */
final class BenchCustomers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMPORT_CHUNK = 200;

    private BenchCustomers() {
    }

    static String username(int number) {
        return "bench-%04d".formatted(number);
    }

    private static List<String> signedIn = List.of();

    /** The first {@code count} bench customers, made if needed, signed in on the storefront (once per run). */
    static synchronized List<String> storefrontTokens(int count) throws Exception {
        if (signedIn.size() < count) {
            ensure(count);
            signedIn = tokens("storefront", count);
        }
        return signedIn.subList(0, count);
    }

    /** Makes the users that do not exist yet (existing ones are skipped). */
    static void ensure(int count) throws Exception {
        String admin = adminToken();
        for (int from = 1; from <= count; from += IMPORT_CHUNK) {
            List<Map<String, Object>> users = IntStream.range(from, Math.min(count + 1, from + IMPORT_CHUNK))
                    .mapToObj(n -> Map.<String, Object>of("username", username(n), "enabled", true, "emailVerified", true,
                            "email", username(n) + "@bench.example.com", "firstName", "Bench", "lastName", username(n),
                            "realmRoles", List.of("customer"),
                            "credentials", List.of(Map.of("type", "password", "value", KeycloakTokens.DEMO_PASSWORD,
                                    "temporary", false))))
                    .toList();
            HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.KEYCLOAK + "/admin/realms/omnichannel/partialImport"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("ifResourceExists", "SKIP", "users", users))))
                    .build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak's partial import answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }
    }

    /** A token of each of the first {@code count} users through {@code client}, signed in four at a time. */
    static List<String> tokens(String client, int count) throws Exception {
        try (ExecutorService signIns = Executors.newFixedThreadPool(4)) {
            List<Future<String>> tokens = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String username = username(n);
                tokens.add(signIns.submit(() -> KeycloakTokens.password(client, username)));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> token : tokens) {
                result.add(token.get());
            }
            return result;
        }
    }

    private static String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        return answer.path("access_token").asText();
    }
}
