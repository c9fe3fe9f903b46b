package dev.omnichannel.gateway.view;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.shared.http.StockVersions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reservation made through the gateway is in the caller's very next reads on any channel: the
 * view model holds the reservation before the answer goes back, and the caller's next reads wait
 * for the stock levels it changed (their events reach this gateway after the answer).
 */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class ReadYourWritesTest {

    @BeforeEach
    void services() {
        Services.reset();
    }

    @Test
    void a_reservation_is_in_the_next_view_and_its_stock_in_the_next_availability_read() {
        String sku = StockLevels.newSku("LAST-UNIT");
        String reservation = UUID.randomUUID().toString();
        StockLevels.publish(sku, "paris-louvre", 1, 1);
        // the level before the write reaches the model through its topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/products/" + sku + "/availability?storeId=paris-louvre").then()
                .body("[0].available", equalTo(1)));
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).willReturn(Services.json(201, """
                {"id":"%s","status":"CONFIRMED","holdType":"click-and-collect","customerId":"%s","storeId":"paris-louvre",
                 "lines":[{"sku":"%s","quantity":1,"unitPrice":12.00}],"pickupCode":"K7Q2","expiresAt":"2026-12-09T10:00:00Z",
                 "channel":"web","total":12.00,"currency":"EUR","createdAt":"2026-12-07T10:00:00Z","version":1}
                """.formatted(reservation, ALICE, sku)).withHeader(StockVersions.HEADER, sku + "@paris-louvre=2")));
        // inventory's event reaches the topic a moment after its answer, as its outbox relays it
        CompletableFuture.runAsync(() -> StockLevels.publish(sku, "paris-louvre", 0, 2),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        given().auth().oauth2(Tokens.storefront("alice")).contentType("application/json")
                .body(Map.of("storeId", "paris-louvre", "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/api/v1/reservations").then().statusCode(201);

        // on the phone, at once: the read waits for the level the write changed, not yet on the topic
        given().auth().oauth2(Tokens.mobileApp("alice")).get("/api/v1/products/" + sku + "/availability?storeId=paris-louvre")
                .then().body("[0].available", equalTo(0));
        given().auth().oauth2(Tokens.mobileApp("alice")).get("/api/v1/me/view").then()
                .statusCode(200)
                .body("reservations.id", hasItem(reservation));
    }
}
