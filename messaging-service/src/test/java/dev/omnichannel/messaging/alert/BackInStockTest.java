package dev.omnichannel.messaging.alert;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Catalog;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import dev.omnichannel.testing.Mailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Tell me when it is back at my store", driven by stock events. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class BackInStockTest {

    private static final String CONSUMER = "messaging-service:stock";

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private CloudEvent level(String sku, String store, int available, long version) {
        return Events.publish(mapper, Topics.INVENTORY_STOCK, StockLevelChanged.key(sku, store),
                new StockLevelChanged(sku, store, available, 0, available, 0, version, "receipt", available, "test"));
    }

    private String alert(TestCustomer customer, String sku, String store) {
        return asGateway().body(Map.of("customerId", customer.id, "sku", sku, "storeId", store))
                .post("/alerts").then().statusCode(201)
                .body("status", equalTo("active")).extract().path("id");
    }

    @Test
    void an_alert_fires_once_when_the_sku_comes_back_at_the_watched_store() {
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        String sku = "TENT-" + UUID.randomUUID().toString().substring(0, 8);
        Catalog.product(mapper, sku, "Ultralight tent " + sku.substring(5));
        Catalog.location(mapper, "paris-louvre", "Paris Louvre", "Paris");
        db.awaitName("product:" + sku, "Ultralight tent " + sku.substring(5));
        db.awaitName("location:paris-louvre", "Paris Louvre");
        db.awaitProcessed(CONSUMER, level(sku, "paris-louvre", 0, 1).id());
        String id = alert(jane, sku, "paris-louvre");
        assertEquals(id, alert(jane, sku, "paris-louvre")); // asking again answers the same alert

        level(sku, "paris-bastille", 5, 1); // another store: not the one watched
        level(sku, "paris-louvre", 3, 2);
        // named as inventory names them, not by their codes
        Mailbox.Mail mail = Mailbox.await(jane.email, m -> m.subject().contains(sku.substring(5)), Duration.ofSeconds(30));
        assertEquals("Ultralight tent " + sku.substring(5) + " is back in stock at Paris Louvre", mail.subject());

        level(sku, "paris-louvre", 0, 3);
        CloudEvent again = level(sku, "paris-louvre", 4, 4);
        db.awaitProcessed(CONSUMER, again.id());
        assertEquals(1, db.query("SELECT 1 FROM notification WHERE customer_id = $1 AND template_key = 'back-in-stock'", jane.id).size());
        assertEquals("fired", db.query("SELECT status FROM alert WHERE id = $1", UUID.fromString(id)).getFirst().getString("status"));
    }

    @Test
    void a_stale_stock_level_is_dropped() {
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        String sku = "CAP-" + UUID.randomUUID().toString().substring(0, 8);
        db.awaitProcessed(CONSUMER, level(sku, "lyon-part-dieu", 0, 7).id());
        String id = alert(jane, sku, "lyon-part-dieu");

        db.awaitProcessed(CONSUMER, level(sku, "lyon-part-dieu", 9, 6).id()); // older than what is known

        assertEquals("active", db.query("SELECT status FROM alert WHERE id = $1", UUID.fromString(id)).getFirst().getString("status"));
        assertEquals(7L, db.query("SELECT version FROM stock_level WHERE sku = $1", sku).getFirst().getLong("version"));
    }
}
