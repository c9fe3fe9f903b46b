package dev.omnichannel.gateway.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class StockFeedReadinessTest {

    private final StockReadModel model = new StockReadModel();
    private final StockFeedReadiness readiness = new StockFeedReadiness(model, new StockFeedConfig() {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String topic() {
            return "inventory.stock";
        }

        @Override
        public String bootstrapServers() {
            return "localhost:9092";
        }

        @Override
        public Duration pollTimeout() {
            return Duration.ofMillis(500);
        }
    });

    @Test
    void not_ready_until_the_read_model_has_caught_up_with_the_topic() {
        assertEquals(Status.DOWN, readiness.call().getStatus());
        model.caughtUp();
        assertEquals(Status.UP, readiness.call().getStatus());
    }
}
