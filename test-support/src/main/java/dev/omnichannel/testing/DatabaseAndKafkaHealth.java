package dev.omnichannel.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * The health checks every service with a PostgreSQL database and Kafka answers: readiness really checks
 * both. A service's {@code @QuarkusTest HealthTest} extends it.
 */
public abstract class DatabaseAndKafkaHealth {

    @Test
    void is_ready_when_its_database_and_kafka_answer() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void is_live() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
