package dev.omnichannel.e2e.observability;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.LocalStack;
import dev.omnichannel.testing.PrometheusScrape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a known load through the gateway, the services' /q/metrics count it: views served and the
 * age of their parts, the view's latency histogram, holds by outcome, messages sent, the outbox and
 * the gateway's consumers; the stack's Prometheus scrapes all four services and has loaded the rules.
 */
class MetricsIT {

    static final String SKU = "HEADLAMP-300";
    static final String STORE = "paris-bastille";
    static final int VIEWS = 5;

    @Test
    void the_metrics_count_a_known_load_of_views_and_holds() {
        PrometheusScrape gatewayBefore = scrape(LocalStack.GATEWAY);
        PrometheusScrape inventoryBefore = scrape(LocalStack.INVENTORY_SERVICE);
        PrometheusScrape messagingBefore = scrape(LocalStack.MESSAGING_SERVICE);

        for (int i = 0; i < VIEWS; i++) {
            ALICE_ON_WEB.api().get("/me/view").then().statusCode(200);
        }
        Stock.setAvailable(SKU, STORE, 1);
        Map<String, Object> hold = Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1)));
        String reservation = ALICE_ON_WEB.api().body(hold).post("/reservations").then().statusCode(201)
                .extract().path("id");
        ALICE_ON_WEB.api().body(hold).post("/reservations").then().statusCode(409);

        PrometheusScrape gateway = scrape(LocalStack.GATEWAY);
        assertEquals(VIEWS, delta(gatewayBefore, gateway, "gateway_view_served_total"));
        assertEquals(VIEWS, delta(gatewayBefore, gateway, "gateway_view_part_age_seconds_count", "part", "customer"));
        assertEquals(VIEWS, delta(gatewayBefore, gateway, "http_server_requests_seconds_count",
                "uri", "/api/v1/me/view", "status", "200"));
        assertEquals(VIEWS, delta(gatewayBefore, gateway, "http_server_requests_seconds_bucket",
                "uri", "/api/v1/me/view", "status", "200", "le", "+Inf"), "the view's latency is a histogram");
        assertFalse(gateway.find("kafka_consumer_fetch_manager_records_lag_max").isEmpty(),
                "the lag of the gateway's consumers is measured");

        PrometheusScrape inventory = scrape(LocalStack.INVENTORY_SERVICE);
        assertEquals(1, delta(inventoryBefore, inventory, "inventory_holds_total", "outcome", "confirmed"));
        assertEquals(1, delta(inventoryBefore, inventory, "inventory_holds_total", "outcome", "out_of_stock"));
        assertEquals(List.of(0.0), values(inventory, "inventory_holds_waiting"), "no hold is waiting once all were answered");

        eventually().untilAsserted(() -> {
            assertTrue(delta(messagingBefore, scrape(LocalStack.MESSAGING_SERVICE), "messaging_messages_total",
                    "outcome", "sent") >= 1, "the reservation's confirmation was sent and counted");
            assertEquals(List.of(0.0), values(scrape(LocalStack.INVENTORY_SERVICE), "omni_outbox_pending_rows"),
                    "the outbox is measured, and relayed");
        });

        ALICE_ON_WEB.api().delete("/reservations/{id}", reservation).then().statusCode(200);
    }

    @Test
    void prometheus_scrapes_every_service_and_has_the_rules() {
        eventually().untilAsserted(() -> {
            List<Map<String, Object>> targets = given().baseUri(LocalStack.PROMETHEUS)
                    .queryParam("query", "up{job=\"omnichannel\"} == 1").get("/api/v1/query")
                    .then().statusCode(200).extract().jsonPath().getList("data.result");
            assertEquals(4, targets.size(), "the four services are up for Prometheus: " + targets);
        });
        List<String> alerts = given().baseUri(LocalStack.PROMETHEUS).get("/api/v1/rules").then().statusCode(200)
                .extract().jsonPath().getList("data.groups.rules.flatten().name");
        assertTrue(alerts.containsAll(List.of("ServiceDown", "OutboxBehind")), "rules loaded: " + alerts);
    }

    private static PrometheusScrape scrape(String service) {
        return PrometheusScrape.parse(given().baseUri(service).get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The values of the series of this name: empty when the service does not export it. */
    private static List<Double> values(PrometheusScrape scrape, String name) {
        return scrape.find(name).stream().map(PrometheusScrape.Sample::value).toList();
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
