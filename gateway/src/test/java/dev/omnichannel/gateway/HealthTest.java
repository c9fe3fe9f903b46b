package dev.omnichannel.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.omnichannel.gateway.support.GatewayTestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class HealthTest {

    @Test
    void the_gateway_is_live() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void the_gateway_is_ready_once_every_read_model_has_caught_up_with_its_topics() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then()
                .body("checks.name", hasItem("read models"))
                .body("checks.find { it.name == 'read models' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'read models' }.data.size()", equalTo(5));
    }
}
