package dev.omnichannel.gateway.interaction;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.omnichannel.gateway.support.Catalogue;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.TopicProbe;
import dev.omnichannel.testing.TopicProbe.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What customers do on each channel reaches the real interactions topic, keyed by customer id. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class InteractionsTest {

    final String sku = StockLevels.newSku("HEADLAMP");

    @BeforeEach
    void services() {
        Services.reset();
        Services.inventory().stubFor(get(urlEqualTo("/products/" + sku)).willReturn(json(200,
                "{\"sku\":\"" + sku + "\",\"name\":\"Headlamp\",\"price\":39.90,\"promotions\":[]}")));
    }

    @Test
    void a_customers_product_view_is_published() {
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            given().auth().oauth2(Tokens.mobileApp("alice")).get("/api/v1/products/" + sku).then().statusCode(200);

            Received view = interactions.await(record -> sku.equals(record.data().path("sku").asText()));
            assertThat(view.key(), is(ALICE));
            assertThat(view.type(), is("interaction.recorded"));
            assertThat(view.data().path("kind").asText(), is("product-view"));
            assertThat(view.data().path("channel").asText(), is("mobile"));
            assertThat(view.data().path("customerId").asText(), is(ALICE));
        }
    }

    @Test
    void a_cart_change_is_published_with_its_quantity() {
        Catalogue.product(sku, "Headlamp 300 lm", "39.90");
        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/cart/items/" + sku)).willReturn(json(200, "{}")));
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"quantity\":3}")
                    .put("/api/v1/me/cart/items/" + sku).then().statusCode(200);

            Received change = interactions.await(record -> sku.equals(record.data().path("sku").asText()));
            assertThat(change.data().path("kind").asText(), is("cart-change"));
            assertThat(change.data().path("quantity").asInt(), is(3));
            assertThat(change.data().path("channel").asText(), is("web"));
        }
    }

    @Test
    void a_kiosk_identification_is_published_as_a_store_visit() {
        String phone = "+3361" + (int) (Math.random() * 10_000_000);
        Services.customer().stubFor(get(urlPathEqualTo("/customers")).withQueryParam("identity", WireMock.equalTo("phone:" + phone))
                .willReturn(json(200, "{\"items\":[{\"id\":\"" + ALICE + "\"}]}")));
        Services.customer().stubFor(post(urlEqualTo("/customers/" + ALICE + "/visits")).willReturn(json(201, "{}")));
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            given().auth().oauth2(Tokens.kiosk()).queryParam("identity", "phone:" + phone)
                    .get("/api/v1/customers").then().statusCode(200);

            Received visit = interactions.await(record -> ALICE.equals(record.key())
                    && "store-visit".equals(record.data().path("kind").asText()));
            assertThat(visit.data().path("storeId").asText(), is("paris-louvre"));
            assertThat(visit.data().path("channel").asText(), is("kiosk"));
        }
    }

    @Test
    void a_qr_scan_by_a_customer_is_published_with_the_store() {
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            given().auth().oauth2(Tokens.mobileApp("alice")).queryParam("storeId", "paris-bastille")
                    .get("/api/v1/qr/" + sku).then().statusCode(200);

            Received scan = interactions.await(record -> sku.equals(record.data().path("sku").asText()));
            assertThat(scan.data().path("kind").asText(), is("qr-scan"));
            assertThat(scan.data().path("storeId").asText(), is("paris-bastille"));
        }
    }

    @Test
    void a_sign_in_is_published_once_per_session_with_its_channel() {
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            String signedIn = KeycloakTokens.password("mobile-app", "alice");
            String eventId = UUID.nameUUIDFromBytes(("login:" + claim(signedIn, "sid")).getBytes(StandardCharsets.UTF_8)).toString();
            for (int request = 0; request < 3; request++) {
                given().auth().oauth2(signedIn).get("/api/v1/products/" + sku).then().statusCode(200);
            }

            Received signIn = interactions.await(record -> eventId.equals(record.event().path("id").asText()));
            assertThat(signIn.key(), is(ALICE));
            assertThat(signIn.data().path("kind").asText(), is("login"));
            assertThat(signIn.data().path("channel").asText(), is("mobile"));
            assertThat(interactions.all(record -> "login".equals(record.data().path("kind").asText()) && ALICE.equals(record.key())
                    && eventId.equals(record.event().path("id").asText()), Duration.ofSeconds(2)).size(), is(1));

            String signedInAgain = KeycloakTokens.password("storefront", "alice");
            given().auth().oauth2(signedInAgain).get("/api/v1/products/" + sku).then().statusCode(200);
            String nextSession = claim(signedInAgain, "sid");
            Received next = interactions.await(record -> "login".equals(record.data().path("kind").asText())
                    && UUID.nameUUIDFromBytes(("login:" + nextSession).getBytes(StandardCharsets.UTF_8)).toString()
                            .equals(record.event().path("id").asText()));
            assertThat(next.data().path("channel").asText(), is("web"));
        }
    }

    @Test
    void a_staff_member_signing_in_is_no_customer_sign_in() {
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            String clerk = KeycloakTokens.password("backoffice", "clerk");
            String eventId = UUID.nameUUIDFromBytes(("login:" + claim(clerk, "sid")).getBytes(StandardCharsets.UTF_8)).toString();
            given().auth().oauth2(clerk).get("/api/v1/products/" + sku).then().statusCode(200);

            assertThat(interactions.all(record -> eventId.equals(record.event().path("id").asText()), Duration.ofSeconds(2)),
                    is(empty()));
        }
    }

    private static String claim(String token, String name) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return new ObjectMapper().readTree(claims).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_anonymous_visitor_records_no_interaction() {
        try (TopicProbe interactions = TopicProbe.open(Topics.INTERACTIONS)) {
            given().get("/api/v1/products/" + sku).then().statusCode(200);

            assertThat(interactions.all(record -> sku.equals(record.data().path("sku").asText()), Duration.ofSeconds(2)),
                    is(empty()));
        }
    }
}
