package dev.omnichannel.messaging.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.messaging.template.service.DemoTemplates;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo templates follow their newest wording, unless someone put their own through the API. */
@QuarkusTest
class DemoTemplatesTest {

    @Inject
    DemoTemplates demo;

    @Inject
    TestDb db;

    private String definition(String key) {
        return db.query("SELECT definition FROM template WHERE key = $1", key).getFirst().getString("definition");
    }

    @Test
    void a_demo_template_nobody_put_is_brought_to_the_newest_wording_at_start_and_one_put_through_the_api_stays()
            throws Throwable {
        String delivered = definition("order.delivered");
        String shipped = definition("order.shipped");
        // as an older demo wording left them: stores by their codes
        String olderDelivered = delivered.replace("deliverToStoreName", "deliverToStoreId");
        String putShipped = shipped.replace("deliverToStoreName", "deliverToStoreId");
        assertNotEquals(delivered, olderDelivered);
        db.query("UPDATE template SET definition = $1 WHERE key = 'order.delivered'", olderDelivered);
        db.query("UPDATE template SET definition = $1, demo = false WHERE key = 'order.shipped'", putShipped);
        try {
            demo.seed(null); // what every start does

            assertEquals(delivered, definition("order.delivered"), "the newest demo wording");
            assertEquals(putShipped, definition("order.shipped"), "put through the API: kept as it was put");
            assertEquals(1, db.query("SELECT 1 FROM template WHERE key = 'order.delivered' AND demo").size());
        } finally {
            db.query("UPDATE template SET definition = $1, demo = true WHERE key = 'order.shipped'", shipped);
        }
    }
}
