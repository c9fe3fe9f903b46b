package dev.omnichannel.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.support.GatewayTestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path and method of the public contract (shared/design/API.md) is in the OpenAPI document. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class OpenApiContractTest {

    /** Copied from API.md's tables; base path /api/v1. */
    static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("/me", List.of("get", "delete")),
            Map.entry("/me/preferences", List.of("patch")),
            Map.entry("/me/consents/{channel}", List.of("put")),
            Map.entry("/me/view", List.of("get")),
            Map.entry("/me/cart", List.of("get")),
            Map.entry("/me/cart/items/{sku}", List.of("put", "delete")),
            Map.entry("/me/wishlist", List.of("get")),
            Map.entry("/me/wishlist/{sku}", List.of("put", "delete")),
            Map.entry("/me/cart/merge", List.of("post")),
            Map.entry("/me/reservations", List.of("get")),
            Map.entry("/me/conversations", List.of("get", "post")),
            Map.entry("/me/conversations/{id}", List.of("get")),
            Map.entry("/me/conversations/{id}/messages", List.of("post")),
            Map.entry("/me/notifications", List.of("get")),
            Map.entry("/me/alerts", List.of("post")),
            Map.entry("/me/export", List.of("get")),
            Map.entry("/carts", List.of("post")),
            Map.entry("/carts/{id}", List.of("get")),
            Map.entry("/carts/{id}/items/{sku}", List.of("put")),
            Map.entry("/stores", List.of("get")),
            Map.entry("/stores/{id}", List.of("get")),
            Map.entry("/products", List.of("get")),
            Map.entry("/products/{sku}", List.of("get")),
            Map.entry("/products/{sku}/availability", List.of("get")),
            Map.entry("/qr/{sku}", List.of("get")),
            Map.entry("/reservations", List.of("post")),
            Map.entry("/reservations/{id}/extend", List.of("post")),
            Map.entry("/reservations/{id}", List.of("delete")),
            Map.entry("/reservations/{id}/collect", List.of("post")),
            Map.entry("/orders", List.of("post")),
            Map.entry("/returns", List.of("post")),
            Map.entry("/customers", List.of("get")),
            Map.entry("/customers/{id}/merge", List.of("post")),
            Map.entry("/customers/merges/{mergeId}/undo", List.of("post")),
            Map.entry("/customers/{id}/timeline", List.of("get")),
            Map.entry("/stock/adjustments", List.of("post")),
            Map.entry("/stock/transfers", List.of("post")),
            Map.entry("/templates/{key}", List.of("put")),
            Map.entry("/campaigns", List.of("post")),
            Map.entry("/analytics/channels", List.of("get")),
            Map.entry("/webhooks/{channel}", List.of("post")));

    @Test
    void every_path_and_method_of_the_contract_is_documented() throws Exception {
        String document = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");

        List<String> missing = new ArrayList<>();
        CONTRACT.forEach((path, methods) -> methods.forEach(method -> {
            if (!paths.path("/api/v1" + path).has(method)) {
                missing.add(method.toUpperCase() + " /api/v1" + path);
            }
        }));
        assertTrue(missing.isEmpty(), "not in /q/openapi: " + missing);
    }

    @Test
    void the_document_declares_bearer_tokens() throws Exception {
        String document = given().accept("application/json").get("/q/openapi?format=json").asString();
        JsonNode scheme = new ObjectMapper().readTree(document).path("components").path("securitySchemes").path("keycloak");
        assertTrue("bearer".equals(scheme.path("scheme").asText()), "a bearer security scheme: " + scheme);
    }
}
