package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Someone calling the gateway on one channel with a real Keycloak token. */
public final class Caller {

    public static final Caller ALICE_ON_WEB = user("storefront", "alice");
    public static final Caller ALICE_ON_MOBILE = user("mobile-app", "alice");
    public static final Caller BOB_ON_MOBILE = user("mobile-app", "bob");
    public static final Caller BOB_ON_WEB = user("storefront", "bob");
    public static final Caller CLERK_LOUVRE = user("backoffice", "clerk");
    public static final Caller CLERK_BASTILLE = user("backoffice", "clerk-bastille");
    public static final Caller CLERK_LYON = user("backoffice", "clerk-lyon");
    public static final Caller ADMIN = user("backoffice", "admin");
    public static final Caller KIOSK_LOUVRE = new Caller("kiosk of paris-louvre",
            () -> KeycloakTokens.clientCredentials("kiosk", KeycloakTokens.KIOSK_SECRET));
    public static final Caller ANONYMOUS = new Caller("anonymous", null);

    private static final Duration TOKEN_REUSE = Duration.ofMinutes(5);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final String name;
    private final Supplier<String> tokens;
    private String token;
    private Instant tokenTakenAt = Instant.MIN;

    private Caller(String name, Supplier<String> tokens) {
        this.name = name;
        this.tokens = tokens;
    }

    public static Caller user(String client, String username) {
        return new Caller(username + " on " + client, () -> KeycloakTokens.password(client, username));
    }

    public synchronized String token() {
        if (token == null || tokenTakenAt.plus(TOKEN_REUSE).isBefore(Instant.now())) {
            token = tokens.get();
            tokenTakenAt = Instant.now();
        }
        return token;
    }

    /** The customer id the gateway resolves for this caller's token ({@code GET /me}). */
    public String customerId() {
        return api().get("/me").then().statusCode(200).extract().path("id");
    }

    /** A request to the gateway's public API ({@code /api/v1}) as this caller. */
    public RequestSpecification api() {
        return apiAt(LocalStack.GATEWAY);
    }

    /** The same, through another replica of the gateway. */
    public RequestSpecification apiAt(String gateway) {
        RequestSpecification request = given().baseUri(gateway).basePath("/api/v1")
                .contentType(ContentType.JSON).accept(ContentType.JSON);
        return tokens == null ? request : request.auth().oauth2(token());
    }

    /** A request to the gateway outside {@code /api/v1} (tracked links {@code /t/{token}}), never following redirects. */
    public RequestSpecification gateway() {
        RequestSpecification request = given().baseUri(LocalStack.GATEWAY).redirects().follow(false);
        return tokens == null ? request : request.auth().oauth2(token());
    }

    @Override
    public String toString() {
        return name;
    }
}
