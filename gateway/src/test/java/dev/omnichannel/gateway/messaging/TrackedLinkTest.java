package dev.omnichannel.gateway.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tracked links in messages reach the gateway's public URL and pass through to messaging-service untouched. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class TrackedLinkTest {

    static final String PIXEL_TOKEN = "pixelpixelpixelpixelpixel0123456789abcdefgh";
    static final String CLICK_TOKEN = "clickclickclickclickclick0123456789abcdefgh";
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @BeforeEach
    void services() {
        Services.reset();
        Services.messaging().stubFor(get(urlEqualTo("/t/" + PIXEL_TOKEN)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/gif").withHeader("Cache-Control", "no-store").withBody(GIF)));
        Services.messaging().stubFor(get(urlEqualTo("/t/" + CLICK_TOKEN)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:8080/products/TENT-2P").withHeader("Cache-Control", "no-store")));
    }

    @Test
    void the_open_pixel_answers_messagings_image_byte_for_byte_without_a_token() {
        byte[] image = given().redirects().follow(false)
                .get("/t/" + PIXEL_TOKEN)
                .then().statusCode(200)
                .contentType("image/gif")
                .header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertArrayEquals(GIF, image);
        Services.messaging().verify(1, getRequestedFor(urlEqualTo("/t/" + PIXEL_TOKEN)).withHeader("Authorization", absent()));
    }

    @Test
    void a_click_redirects_where_messaging_says() {
        given().redirects().follow(false)
                .get("/t/" + CLICK_TOKEN)
                .then().statusCode(302)
                .header("Location", equalTo("http://localhost:8080/products/TENT-2P"));
    }

    @Test
    void an_unknown_link_is_messagings_404_problem() {
        String unknown = "x".repeat(43);
        Services.messaging().stubFor(get(urlEqualTo("/t/" + unknown))
                .willReturn(Services.problem(404, "Not Found", "No such link")));
        given().redirects().follow(false)
                .get("/t/" + unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No such link"));
    }
}
