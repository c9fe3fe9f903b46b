package dev.omnichannel.gateway.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff move an endless-aisle order on (shipped, delivered, collected) at a store it involves. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class OrderStatusTest {

    /** Delivered to paris-louvre, sourced from paris-bastille. */
    static final String ORDER_TO_LOUVRE = "0de00000-0000-4000-8000-000000000001";

    @BeforeEach
    void services() {
        Services.reset();
        Services.inventory().stubFor(get(urlEqualTo("/orders/" + ORDER_TO_LOUVRE)).willReturn(json(200, """
                {"id":"%s","status":"SHIPPED","customerId":"%s","deliverTo":{"storeId":"paris-louvre"},
                 "allocations":[{"storeId":"paris-bastille","sku":"TENT-2P","quantity":1,"method":"transfer"}]}"""
                .formatted(ORDER_TO_LOUVRE, ALICE))));
        Services.inventory().stubFor(post(urlEqualTo("/orders/" + ORDER_TO_LOUVRE + "/status")).willReturn(json(200, """
                {"id":"%s","status":"DELIVERED","deliverTo":{"storeId":"paris-louvre"}}""".formatted(ORDER_TO_LOUVRE))));
    }

    @Test
    void staff_of_the_delivery_store_mark_the_order_delivered() {
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"status\":\"delivered\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/orders/" + ORDER_TO_LOUVRE + "/status"))
                .withRequestBody(equalToJson("{\"status\":\"DELIVERED\"}"))
                .withHeader("X-Actor", WireMock.equalTo("staff:c1e4c000-0000-4000-8000-000000000003@paris-louvre"))
                .withHeader("X-Channel", WireMock.equalTo("store")));
    }

    @Test
    void staff_of_the_store_the_order_is_sourced_from_mark_it_shipped() {
        given().auth().oauth2(Tokens.backoffice("clerk-bastille")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "ship-1").body("{\"status\":\"SHIPPED\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(200);
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/orders/" + ORDER_TO_LOUVRE + "/status"))
                .withHeader("Idempotency-Key", WireMock.equalTo("ship-1")));
    }

    @Test
    void staff_of_an_uninvolved_store_and_customers_cannot_and_nothing_is_forwarded() {
        given().auth().oauth2(Tokens.backoffice("clerk-lyon")).contentType(ContentType.JSON).body("{\"status\":\"delivered\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"status\":\"delivered\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON).body("{\"status\":\"delivered\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(403);
        Services.inventory().verify(0, postRequestedFor(urlPathMatching("/orders/.*/status")));
    }

    @Test
    void admins_move_any_order_and_an_unknown_status_is_refused() {
        given().auth().oauth2(Tokens.backoffice("admin")).contentType(ContentType.JSON).body("{\"status\":\"delivered\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.backoffice("admin")).contentType(ContentType.JSON).body("{\"status\":\"lost\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(400)
                .contentType("application/problem+json");
        Services.inventory().verify(1, postRequestedFor(urlPathMatching("/orders/.*/status")));
    }

    @Test
    void a_transition_inventory_refuses_reaches_staff_as_its_409() {
        Services.inventory().stubFor(post(urlEqualTo("/orders/" + ORDER_TO_LOUVRE + "/status")).willReturn(Services.problem(
                409, "Conflict", "Order is SHIPPED and cannot become COLLECTED")));
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"status\":\"collected\"}")
                .post("/api/v1/orders/" + ORDER_TO_LOUVRE + "/status")
                .then().statusCode(409)
                .body("detail", equalTo("Order is SHIPPED and cannot become COLLECTED"));
    }
}
