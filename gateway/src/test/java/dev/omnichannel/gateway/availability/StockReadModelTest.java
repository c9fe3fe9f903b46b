package dev.omnichannel.gateway.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.gateway.availability.service.StockReadModel;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockReadModelTest {

    private final StockReadModel model = new StockReadModel();

    @Test
    void the_highest_version_of_a_key_wins_whatever_the_order_of_arrival() {
        model.apply(level("TENT-2P", "paris-bastille", 4, 2));
        model.apply(level("TENT-2P", "paris-bastille", 1, 1));
        assertEquals(4, model.available("TENT-2P", "paris-bastille"));

        model.apply(level("TENT-2P", "paris-bastille", 3, 3));
        assertEquals(3, model.available("TENT-2P", "paris-bastille"));
    }

    @Test
    void a_replayed_level_changes_nothing() {
        model.apply(level("CAP-SUN", "paris-louvre", 5, 7));
        model.apply(level("CAP-SUN", "paris-louvre", 5, 7));
        assertEquals(5, model.available("CAP-SUN", "paris-louvre"));
    }

    @Test
    void keys_are_independent() {
        model.apply(level("TENT-2P", "paris-louvre", 0, 9));
        model.apply(level("TENT-2P", "wh-orleans", 10, 1));
        assertEquals(0, model.available("TENT-2P", "paris-louvre"));
        assertEquals(10, model.available("TENT-2P", "wh-orleans"));
    }

    @Test
    void an_unknown_key_has_nothing_available_and_a_tombstone_forgets_a_key() {
        assertEquals(0, model.available("NOPE", "paris-louvre"));
        model.apply(level("SOCKS-HIKE-3P", "lyon-part-dieu", 6, 1));
        model.remove("SOCKS-HIKE-3P", "lyon-part-dieu");
        assertEquals(0, model.available("SOCKS-HIKE-3P", "lyon-part-dieu"));
    }

    @Test
    void a_write_waiting_for_its_levels_goes_on_once_the_model_holds_them() {
        model.apply(level("TENT-2P", "paris-louvre", 3, 4));
        var waiting = model.awaitVersions(Map.of("TENT-2P@paris-louvre", 5L), Duration.ofSeconds(30))
                .subscribeAsCompletionStage();
        assertFalse(waiting.isDone());

        model.apply(level("TENT-2P", "paris-louvre", 2, 5));
        model.versionsMayHaveChanged();
        assertTrue(waiting.toCompletableFuture().isDone());
    }

    @Test
    void a_write_whose_levels_never_come_goes_on_after_its_bound() {
        var waited = model.awaitVersions(Map.of("NOPE@paris-louvre", 1L), Duration.ofMillis(50))
                .subscribeAsCompletionStage();
        waited.toCompletableFuture().join();
        assertTrue(waited.toCompletableFuture().isDone());
    }

    private static StockLevelChanged level(String sku, String location, int available, long version) {
        return new StockLevelChanged(sku, location, available, 0, available, 0, version, "adjustment", 1, "test");
    }
}
