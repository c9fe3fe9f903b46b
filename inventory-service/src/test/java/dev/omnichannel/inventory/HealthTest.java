package dev.omnichannel.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness really checks the service's PostgreSQL database and the Kafka broker. */
@QuarkusTest
class HealthTest {

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
