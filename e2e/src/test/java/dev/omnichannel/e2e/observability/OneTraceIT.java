package dev.omnichannel.e2e.observability;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.LocalStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A reservation made through the gateway is one trace in the stack's trace viewer (Zipkin): the
 * gateway's request, inventory-service's work and SQL, the event it relayed to Kafka, and the
 * consumers that acted on it in other services, each a child of what caused it.
 */
class OneTraceIT {

    static final String SKU = "BOTTLE-1L";
    static final String STORE = "paris-bastille";

    @Test
    void a_reservation_is_one_trace_from_the_request_to_the_consumers_of_its_events() {
        Stock.setAvailable(SKU, STORE, 5);
        String trace = newTraceId();

        ALICE_ON_WEB.api().header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                .post("/reservations")
                .then().statusCode(201);

        eventually().untilAsserted(() -> {
            List<Map<String, Object>> spans = given().baseUri(LocalStack.ZIPKIN).get("/api/v2/trace/{id}", trace)
                    .then().statusCode(200).extract().jsonPath().getList("");
            Map<String, Map<String, Object>> byId = new HashMap<>();
            spans.forEach(span -> byId.put((String) span.get("id"), span));

            Map<String, Object> request = one(spans, "gateway", "SERVER", "post");
            Map<String, Object> placement = one(spans, "inventory-service", "SERVER", "post");
            assertTrue(ancestors(byId, placement).contains(request.get("id")), "inventory's work is a call of the gateway's request");
            assertTrue(spans.stream().anyMatch(span -> service(span).equals("inventory-service")
                    && tags(span).containsKey("db.system")), "inventory-service's SQL is in the trace");

            Map<String, Object> sent = spans.stream().filter(span -> service(span).equals("inventory-service")
                    && "PRODUCER".equals(span.get("kind")) && name(span).contains("inventory.fulfilment"))
                    .findFirst().orElseThrow(() -> new AssertionError("the relayed reservation event is in the trace"));
            for (String consumer : List.of("messaging-service", "customer-service", "gateway")) {
                assertTrue(spans.stream().anyMatch(span -> service(span).equals(consumer) && "CONSUMER".equals(span.get("kind"))
                        && name(span).contains("inventory.fulfilment") && sent.get("id").equals(span.get("parentId"))),
                        consumer + " consumed the reservation's event within the trace");
            }
        });
    }

    private static Map<String, Object> one(List<Map<String, Object>> spans, String service, String kind, String name) {
        return spans.stream().filter(span -> service(span).equals(service) && kind.equals(span.get("kind"))
                && name(span).startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span of " + service + " named " + name + "... in " + summary(spans)));
    }

    /** The ids of the spans {@code span} descends from, nearest first. */
    private static List<Object> ancestors(Map<String, Map<String, Object>> byId, Map<String, Object> span) {
        List<Object> ancestors = new ArrayList<>();
        Map<String, Object> parent = byId.get((String) span.get("parentId"));
        while (parent != null) {
            ancestors.add(parent.get("id"));
            parent = byId.get((String) parent.get("parentId"));
        }
        return ancestors;
    }

    @SuppressWarnings("unchecked")
    private static String service(Map<String, Object> span) {
        return Objects.toString(((Map<String, Object>) span.getOrDefault("localEndpoint", Map.of())).get("serviceName"), "");
    }

    private static String name(Map<String, Object> span) {
        return Objects.toString(span.get("name"), "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tags(Map<String, Object> span) {
        return (Map<String, Object>) span.getOrDefault("tags", Map.of());
    }

    private static String summary(List<Map<String, Object>> spans) {
        return spans.stream().map(span -> service(span) + ":" + span.get("kind") + ":" + name(span)).toList().toString();
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
