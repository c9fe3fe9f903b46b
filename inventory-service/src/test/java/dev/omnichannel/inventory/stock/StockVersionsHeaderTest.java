package dev.omnichannel.inventory.stock;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.http.StockVersions;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Read your writes: a successful write that changed stock names each level it changed with its new
 * version, the version of the stock.level-changed event it produced.
 */
@QuarkusTest
class StockVersionsHeaderTest {

    @Test
    void a_reservation_answer_names_each_level_it_changed_with_the_version_of_its_stock_event() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String other = Fixtures.product();
        Fixtures.receive(store, sku, 3);
        Fixtures.receive(store, other, 3);

        try (TopicProbe stock = TopicProbe.open(Topics.INVENTORY_STOCK)) {
            Response created = reserve(store, Map.of("sku", sku, "quantity", 2), Map.of("sku", other, "quantity", 1));
            created.then().statusCode(201);
            String id = created.path("id");

            Map<String, Long> versions = StockVersions.parse(created.header(StockVersions.HEADER));
            assertEquals(Map.of(sku + "@" + store, 2L, other + "@" + store, 2L), versions);
            for (String key : versions.keySet()) {
                TopicProbe.Received event = stock.await(r -> key.equals(r.key()) && id.equals(r.data().path("reference").asText()));
                assertEquals(versions.get(key), event.data().path("version").asLong());
            }

            Response cancelled = asGateway().delete("/reservations/" + id);
            cancelled.then().statusCode(200);
            assertEquals(Map.of(sku + "@" + store, 3L, other + "@" + store, 3L),
                    StockVersions.parse(cancelled.header(StockVersions.HEADER)));
            // cancelling again changes no level, so names none
            assertNull(asGateway().delete("/reservations/" + id).then().statusCode(200).extract().header(StockVersions.HEADER));
        }
    }

    @Test
    void a_refused_reservation_names_no_level() {
        String store = Fixtures.store();
        List<String> skus = List.of(Fixtures.product(), Fixtures.product()).stream().sorted().toList();
        String first = skus.get(0);
        String second = skus.get(1);
        Fixtures.receive(store, first, 5);
        Fixtures.receive(store, second, 1);

        // lines are held in SKU order: the first was held, then the second refused, and all rolled back
        Response refused = reserve(store, Map.of("sku", first, "quantity", 1), Map.of("sku", second, "quantity", 2));

        refused.then().statusCode(409);
        assertNull(refused.header(StockVersions.HEADER));
    }

    @Test
    void a_transfer_names_both_levels_and_a_read_names_none() {
        String from = Fixtures.store();
        String to = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(from, sku, 4);

        Response transfer = asGateway().body(Map.of("fromStoreId", from, "toStoreId", to, "sku", sku, "quantity", 3))
                .post("/stock/transfers");

        transfer.then().statusCode(201);
        assertEquals(Map.of(sku + "@" + from, 2L, sku + "@" + to, 1L),
                StockVersions.parse(transfer.header(StockVersions.HEADER)));
        assertNull(asGateway().queryParam("sku", sku).get("/stock/levels").then().statusCode(200).extract()
                .header(StockVersions.HEADER));
    }

    @SafeVarargs
    private static Response reserve(String store, Map<String, Object>... lines) {
        return asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store, "lines", List.of(lines)))
                .post("/reservations");
    }
}
