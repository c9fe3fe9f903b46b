package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/**
 * Linking a phone or a social handle to a customer's profile. The public API has no path for it
 * (the email comes from the customer's token; phones and handles come from the store and the
 * import of profiles), so this calls customer-service as the gateway does, with its service token.
 */
public final class Identities {

    private Identities() {
    }

    /** {@code type} {@code phone}, {@code social} (with its {@code provider}), {@code loyalty}, {@code device}. */
    public static void link(String customerId, String type, String value, String provider) {
        Map<String, String> identity = new HashMap<>(Map.of("type", type, "value", value));
        if (provider != null) {
            identity.put("provider", provider);
        }
        given().baseUri(LocalStack.CUSTOMER_SERVICE).auth().oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON).body(identity)
                .post("/customers/{id}/identities", customerId)
                .then().statusCode(200);
    }
}
