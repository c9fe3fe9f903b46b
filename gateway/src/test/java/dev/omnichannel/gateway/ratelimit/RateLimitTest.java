package dev.omnichannel.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A burst over the limit gets 429 with Retry-After: per address without a token, per customer, per client. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@WithTestResource(GatewayTestStack.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "omni.rate-limit.per-user.capacity", "5",
                    "omni.rate-limit.per-user.refill-per-second", "0.2",
                    "omni.rate-limit.anonymous.capacity", "5",
                    "omni.rate-limit.anonymous.refill-per-second", "0.2",
                    "omni.rate-limit.clients.kiosk.capacity", "5",
                    "omni.rate-limit.clients.kiosk.refill-per-second", "0.2");
        }
    }

    @BeforeEach
    void services() {
        Services.reset();
        Services.inventory().stubFor(get(urlEqualTo("/locations/paris-louvre")).willReturn(json(200, "{\"id\":\"paris-louvre\"}")));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + Services.ALICE)).willReturn(json(200, "{}")));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + Services.BOB)).willReturn(json(200, "{}")));
    }

    @Test
    void an_anonymous_burst_over_the_limit_gets_429_with_retry_after() {
        List<Response> answers = burst(() -> given().get("/api/v1/stores/paris-louvre"));

        assertThat(answers.stream().map(Response::statusCode).toList(), hasItem(429));
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
        refused.then().contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Integer.parseInt(refused.header("Retry-After")), greaterThanOrEqualTo(1));
    }

    @Test
    void one_customers_burst_does_not_limit_another_customer() {
        List<Response> alice = burst(() -> given().auth().oauth2(Tokens.storefront("alice")).get("/api/v1/me"));
        assertThat(alice.stream().map(Response::statusCode).toList(), hasItem(429));

        given().auth().oauth2(Tokens.storefront("bob")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void a_client_over_its_own_limit_gets_429() {
        List<Response> kiosk = burst(() -> given().auth().oauth2(Tokens.kiosk()).get("/api/v1/stores/paris-louvre"));

        assertThat(kiosk.stream().map(Response::statusCode).toList(), hasItem(429));
    }

    private static List<Response> burst(java.util.function.Supplier<Response> call) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(call.get());
        }
        return answers;
    }
}
