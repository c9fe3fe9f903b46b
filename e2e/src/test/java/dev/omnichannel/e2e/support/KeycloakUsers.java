package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.LocalStack;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * Extra customers of the realm, made through Keycloak's admin REST API (master realm, admin/admin,
 * as ./omni starts Keycloak), with the realm role {@code customer} mapped explicitly (the imported
 * realm's default role does not carry it). Idempotent, so the stack's Keycloak may be reused.
 */
public final class KeycloakUsers {

    private static final String ADMIN_USER = System.getProperty("omni.keycloak-admin", "admin");
    private static final String ADMIN_PASSWORD = System.getProperty("omni.keycloak-admin-password", "admin");
    private static final String REALM = LocalStack.KEYCLOAK + "/admin/realms/omnichannel";
    private static final String USERS = REALM + "/users";

    private KeycloakUsers() {
    }

    /** A customer {@code username} with password {@code demo} and a verified {@code <username>@example.com}. */
    public static void ensureCustomers(List<String> usernames) {
        String admin = adminToken();
        Map<?, ?> customerRole = customerRole(admin);
        for (String username : usernames) {
            ensure(admin, customerRole, username, "E2e", username);
        }
    }

    /**
     * A customer {@code username} with password {@code demo}, a verified {@code <username>@example.com} and
     * this name: the profile made at its first sign-in is called {@code "<firstName> <lastName>"}.
     */
    public static void ensureCustomer(String username, String firstName, String lastName) {
        String admin = adminToken();
        ensure(admin, customerRole(admin), username, firstName, lastName);
    }

    private static void ensure(String admin, Map<?, ?> customerRole, String username, String firstName, String lastName) {
        List<?> found = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(USERS).then().statusCode(200).extract().as(List.class);
        if (found.isEmpty()) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                            "firstName", firstName, "lastName", lastName, "email", username + "@example.com",
                            "requiredActions", List.of(),
                            "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                    .post(USERS)
                    .then().statusCode(201);
            found = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                    .get(USERS).then().statusCode(200).extract().as(List.class);
        }
        String id = (String) ((Map<?, ?>) found.getFirst()).get("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(customerRole))
                .post(USERS + "/{id}/role-mappings/realm", id)
                .then().statusCode(204);
    }

    /** A token of the master realm's administrator: a real Keycloak token, of another realm. */
    public static String masterAdminToken() {
        return adminToken();
    }

    /** A customer's token through the realm's built-in {@code admin-cli} client: signed by the realm, for no audience of ours. */
    public static String passwordTokenThroughAdminCli(String username) {
        return passwordToken("admin-cli", username);
    }

    /**
     * A customer's token, audience {@code omnichannel-api}, that expires {@link #SHORT_LIFESPAN_SECONDS} after
     * it is issued: from the client {@code e2e-short-lived}, made here once (Keycloak's per-client
     * {@code access.token.lifespan}), so a test sees a token accepted, then refused once expired.
     */
    public static String shortLivedToken(String username) {
        String admin = adminToken();
        List<?> found = given().auth().oauth2(admin).queryParam("clientId", SHORT_LIVED_CLIENT).get(REALM + "/clients")
                .then().statusCode(200).extract().as(List.class);
        if (found.isEmpty()) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("clientId", SHORT_LIVED_CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                            "standardFlowEnabled", false,
                            "attributes", Map.of("access.token.lifespan", String.valueOf(SHORT_LIFESPAN_SECONDS)),
                            "protocolMappers", List.of(Map.of("name", "audience omnichannel-api", "protocol", "openid-connect",
                                    "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                            "included.custom.audience", "omnichannel-api", "access.token.claim", "true",
                                            "id.token.claim", "false")))))
                    .post(REALM + "/clients")
                    .then().statusCode(201);
        }
        return passwordToken(SHORT_LIVED_CLIENT, username);
    }

    public static final int SHORT_LIFESPAN_SECONDS = 3;
    private static final String SHORT_LIVED_CLIENT = "e2e-short-lived";

    private static String passwordToken(String client, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", "demo")
                .post(LocalStack.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static Map<?, ?> customerRole(String admin) {
        return given().auth().oauth2(admin).get(REALM + "/roles/customer").then().statusCode(200).extract().as(Map.class);
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN_USER).formParam("password", ADMIN_PASSWORD)
                .post(LocalStack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
