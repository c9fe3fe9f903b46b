package dev.omnichannel.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request's trace continues into the services it calls, and a 5xx answer names it. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "omni.tracing.exporter", "memory",
                    "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void services() {
        Services.reset();
        spans.reset();
    }

    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void a_call_to_a_service_continues_the_trace_of_the_request() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre")).willReturn(json(200, "{\"id\":\"paris-louvre\"}")));
        String trace = newTraceId();

        given().header("traceparent", traceparent(trace)).get("/api/v1/stores/paris-louvre").then().statusCode(200);

        Services.inventory().verify(getRequestedFor(urlEqualTo("/locations/paris-louvre"))
                .withHeader("traceparent", matching("00-" + trace + "-[0-9a-f]{16}-01")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> ofTrace = spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(trace)).toList();
            SpanData server = ofTrace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
            SpanData client = ofTrace.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
            assertTrue(server.getName().contains("/api/v1/stores/"), server.getName());
            assertEquals(server.getSpanId(), client.getParentSpanId(), "the call to inventory-service is a child of the request");
        });
    }

    @Test
    void a_5xx_problem_names_the_trace_of_its_request_and_a_4xx_does_not() {
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String trace = newTraceId();

        given().header("traceparent", traceparent(trace)).get("/api/v1/stores/paris-louvre")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("traceId", equalTo(trace));

        given().header("traceparent", traceparent(newTraceId())).get("/api/v1/me")
                .then().statusCode(401)
                .body("traceId", nullValue());
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }
}
