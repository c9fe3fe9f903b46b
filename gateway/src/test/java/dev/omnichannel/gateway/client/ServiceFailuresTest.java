package dev.omnichannel.gateway.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What callers get when a service refuses, fails, is slow or is down; what is retried and what is not. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class ServiceFailuresTest {

    static final String RESERVATION = """
            {"storeId":"paris-louvre","lines":[{"sku":"TENT-2P","quantity":2}]}""";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void services() {
        Services.reset();
    }

    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void a_service_problem_reaches_the_caller_with_its_status_and_members() {
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"https://omnichannel.dev/problems/insufficient-stock","title":"Conflict","status":409,
                         "detail":"Not enough stock","lines":[{"sku":"TENT-2P","requested":2,"available":0}]}""")));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(RESERVATION)
                .post("/api/v1/reservations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://omnichannel.dev/problems/insufficient-stock"))
                .body("lines[0].sku", equalTo("TENT-2P"))
                .body("lines[0].available", equalTo(0))
                .body("instance", equalTo("/api/v1/reservations"));
    }

    @Test
    void a_store_without_pickup_is_refused_with_422_as_the_service_said() {
        Services.inventory().stubFor(post(urlEqualTo("/reservations"))
                .willReturn(Services.problem(422, "Unprocessable request", "marseille-vieux-port offers no pickup")));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"storeId\":\"marseille-vieux-port\",\"lines\":[{\"sku\":\"TENT-2P\",\"quantity\":1}]}")
                .post("/api/v1/reservations")
                .then().statusCode(422)
                .body("detail", equalTo("marseille-vieux-port offers no pickup"));
    }

    @Test
    void invalid_fields_are_refused_before_any_service_is_called() {
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"storeId\":\"paris-louvre\",\"lines\":[{\"sku\":\"TENT-2P\",\"quantity\":0}]}")
                .post("/api/v1/reservations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].quantity"));
        Services.inventory().verify(0, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_service_that_is_down_gives_503_with_retry_after() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/v1/stores/paris-louvre")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void a_service_answering_500_gives_502() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre"))
                .willReturn(aResponse().withStatus(500).withBody("oops")));

        given().get("/api/v1/stores/paris-louvre")
                .then().statusCode(502)
                .contentType("application/problem+json");
    }

    @Test
    void a_read_is_retried_after_a_failure() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre")).inScenario("flaky")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("recovered"));
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(json(200, "{\"id\":\"paris-louvre\"}")));

        given().get("/api/v1/stores/paris-louvre")
                .then().statusCode(200)
                .body("id", equalTo("paris-louvre"));
        Services.inventory().verify(2, getRequestedFor(urlEqualTo("/locations/paris-louvre")));
    }

    @Test
    void a_reservation_without_idempotency_key_is_not_repeated_after_a_failure() {
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(RESERVATION)
                .post("/api/v1/reservations")
                .then().statusCode(503);
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_reservation_with_idempotency_key_is_repeated_with_the_same_key() {
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).inScenario("flaky")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(json(201, "{\"id\":\"r-9\",\"status\":\"CONFIRMED\"}")));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(RESERVATION)
                .header("Idempotency-Key", "key-123")
                .post("/api/v1/reservations")
                .then().statusCode(201)
                .body("id", equalTo("r-9"));
        Services.inventory().verify(2, postRequestedFor(urlEqualTo("/reservations"))
                .withHeader("Idempotency-Key", WireMock.equalTo("key-123")));
    }

    @Test
    void a_slow_mutation_times_out_with_503() {
        Services.inventory().stubFor(post(urlEqualTo("/reservations"))
                .willReturn(json(201, "{\"id\":\"late\"}").withFixedDelay(6_000)));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(RESERVATION)
                .post("/api/v1/reservations")
                .then().statusCode(503);
    }

    @Test
    void after_repeated_failures_the_circuit_opens_and_calls_fail_fast() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/lyon-part-dieu")).willReturn(aResponse().withStatus(503)));
        for (int call = 0; call < 10; call++) {
            given().get("/api/v1/stores/lyon-part-dieu").then().statusCode(503);
        }
        Services.inventory().resetRequests();

        given().get("/api/v1/stores/lyon-part-dieu").then().statusCode(503);
        Services.inventory().verify(0, getRequestedFor(urlEqualTo("/locations/lyon-part-dieu")));
    }

    @Test
    void a_service_4xx_does_not_open_the_circuit() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/nowhere"))
                .willReturn(Services.problem(404, "Not Found", "No location nowhere")));
        for (int call = 0; call < 25; call++) {
            given().get("/api/v1/stores/nowhere").then().statusCode(404);
        }
        Services.inventory().verify(25, getRequestedFor(urlEqualTo("/locations/nowhere")));
    }
}
