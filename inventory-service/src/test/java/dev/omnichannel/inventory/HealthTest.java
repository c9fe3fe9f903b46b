package dev.omnichannel.inventory;

import dev.omnichannel.testing.DatabaseAndKafkaHealth;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness really checks the service's PostgreSQL database and the Kafka broker. */
@QuarkusTest
class HealthTest extends DatabaseAndKafkaHealth {
}
