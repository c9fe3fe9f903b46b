package dev.omnichannel.gateway.view;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.ALICE_SUBJECT;
import static dev.omnichannel.gateway.support.Services.BOB;
import static dev.omnichannel.gateway.support.Services.BOB_SUBJECT;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.omnichannel.gateway.support.Catalogue;
import dev.omnichannel.gateway.support.Events;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.gateway.view.repository.ViewQueries;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The personalized view, read from the gateway's model of the services' events: every part, the
 * same on every channel, whole with every service down, and holding a write made through the
 * gateway in the very next view. Over the real PostgreSQL (the model), the real Kafka (the events
 * are published on this run's topics as the services publish them) and real Keycloak tokens.
 */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class PersonalizedViewTest {

    static final String SHOE = StockLevels.newSku("SHOE");
    static final String JACKET = StockLevels.newSku("JACKET");
    static final String TENT = StockLevels.newSku("TENT");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Newer than anything customer-service's stubs answer (version 1), increasing through the run. */
    static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

    @Inject
    ViewQueries store;

    @BeforeAll
    static void catalogueAndStock() {
        Catalogue.product(SHOE, "Trail running shoe 42", "89.90");
        Catalogue.product(JACKET, "Rain jacket M", "129.00");
        Catalogue.product(TENT, "Tent for two", "249.00");
        Catalogue.promotion("WINTER-" + JACKET, null, "20", JACKET);
        Catalogue.promotion("VIP-" + JACKET, "vip", "30", JACKET);
        Catalogue.promotion("LAPSED-" + JACKET, "lapsed", "50", JACKET);
        StockLevels.publish(SHOE, "paris-louvre", 5, 1);
        StockLevels.publish(JACKET, "paris-louvre", 0, 1);
        StockLevels.publish(JACKET, "paris-bastille", 4, 1);
    }

    @BeforeEach
    void services() {
        Services.reset();
    }

    @Test
    void the_view_holds_every_part_from_the_services_events_priced_with_the_customers_offers() {
        String reservation = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        aliceHas(List.of("vip"), List.of(line(SHOE, 2), line(JACKET, 1)), List.of(TENT));
        reservation(reservation, ALICE, "CONFIRMED", 1);
        reservation(cancelled, ALICE, "CANCELLED", 2);
        Events.publish(GatewayTestStack.FULFILMENT_TOPIC, order, new OrderEvent(OrderEvent.CREATED, order, ALICE, "CREATED",
                "paris-louvre", List.of(new OrderEvent.Allocation("paris-bastille", JACKET, 1)), new BigDecimal("129.00"),
                "EUR", "kiosk", Instant.now(), 1));
        messagesOfAlice(2, 3, 1);
        Services.reset();

        JsonPath view = viewOnceItHolds(Tokens.storefront("alice"), v -> v.getInt("notifications.total") == 3
                && v.getList("orders.id").contains(order) && v.getList("reservations.id").contains(reservation)
                && v.getList("wishlist.sku").contains(TENT));
        assertThat(view.getString("customer.id"), is(ALICE));
        assertThat(view.getString("customer.preferredStoreId"), is("paris-louvre"));
        assertThat(view.getList("customer.segments"), contains("vip"));
        assertThat(view.getList("cart.items.sku"), contains(SHOE, JACKET));
        assertThat(view.getString("cart.items[0].name"), is("Trail running shoe 42"));
        assertThat(view.getFloat("cart.items[0].unitPrice"), is(89.90f));
        assertThat(view.getBoolean("cart.items[0].availableAtPreferredStore"), is(true));
        assertThat(view.getFloat("cart.items[1].unitPrice"), is(90.30f)); // the lowest of everyone's and vip's, not lapsed's
        assertThat(view.getBoolean("cart.items[1].availableAtPreferredStore"), is(false));
        assertThat(view.getList("wishlist.sku"), contains(TENT));
        assertThat(view.getFloat("wishlist[0].unitPrice"), is(249.00f));
        assertThat(view.getList("offers.id"), contains("VIP-" + JACKET, "WINTER-" + JACKET));
        assertThat(view.getList("reservations.id"), contains(reservation));
        assertThat(view.getString("reservations[0].pickupCode"), is("PICK-1"));
        assertThat(view.getList("orders.id"), contains(order));
        assertThat(view.getList("orders[0].allocations.storeId"), contains("paris-bastille"));
        assertThat(view.getInt("conversation.unread"), is(2));
        assertThat(view.getString("conversation.lastMessages[0].text"), is("Your order is ready"));
        assertThat(view.getInt("notifications.total"), is(3));
        assertThat(view.getInt("notifications.unread"), is(1));
        assertThat(view.getString("channel"), is("web"));
        assertThat(view.getBoolean("partial"), is(false));
        assertThat(view.getList("missing"), empty());
        for (String part : List.of("customer", "cart", "wishlist", "offers", "reservations", "orders", "conversation",
                "notifications", "availability")) {
            assertThat("asOf." + part, view.getString("asOf." + part), notNullValue());
        }
        // no service was asked anything for it
        Services.customer().verify(0, anyRequestedFor(anyUrl()));
        Services.inventory().verify(0, anyRequestedFor(anyUrl()));
        Services.messaging().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_same_customer_sees_the_same_content_through_storefront_and_mobile_app() throws Exception {
        aliceHas(List.of(), List.of(line(SHOE, 1)), List.of());
        viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("cart.items.sku").equals(List.of(SHOE)));
        JsonNode web = JSON.readTree(view(Tokens.storefront("alice")).asString());
        JsonNode mobile = JSON.readTree(view(Tokens.mobileApp("alice")).asString());

        assertThat(web.path("channel").asText(), is("web"));
        assertThat(mobile.path("channel").asText(), is("mobile"));
        ((ObjectNode) web).remove("channel");
        ((ObjectNode) mobile).remove("channel");
        assertThat(mobile, is(web));
    }

    @Test
    void a_kiosk_shows_a_customer_it_identified_the_same_content_as_the_web() throws Exception {
        aliceHas(List.of(), List.of(line(JACKET, 1)), List.of());
        viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("cart.items.sku").equals(List.of(JACKET)));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/visits/latest?storeId=paris-louvre"))
                .willReturn(json(200, "{\"storeId\":\"paris-louvre\",\"at\":\"" + Instant.now() + "\"}")));
        JsonNode web = JSON.readTree(view(Tokens.storefront("alice")).asString());
        JsonNode kiosk = JSON.readTree(given().auth().oauth2(Tokens.kiosk()).get("/api/v1/customers/" + ALICE + "/view")
                .then().statusCode(200).extract().asString());

        assertThat(kiosk.path("channel").asText(), is("kiosk"));
        ((ObjectNode) web).remove("channel");
        ((ObjectNode) kiosk).remove("channel");
        assertThat(kiosk, is(web));
    }

    @Test
    void a_kiosk_cannot_show_the_view_of_a_customer_it_did_not_identify() {
        Services.customer().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/visits/latest"))
                .willReturn(Services.problem(404, "Not Found", "no visit")));
        given().auth().oauth2(Tokens.kiosk()).get("/api/v1/customers/" + ALICE + "/view").then().statusCode(403);
    }

    @Test
    void with_every_service_down_the_view_is_whole_and_says_when_each_part_last_changed() {
        aliceHas(List.of("vip"), List.of(line(SHOE, 3)), List.of(TENT));
        messagesOfAlice(1, 0, 0);
        viewOnceItHolds(Tokens.mobileApp("alice"), v -> v.getInt("cart.items[0].quantity") == 3
                && v.getInt("conversation.unread") == 1);
        for (var service : List.of(Services.customer(), Services.inventory(), Services.messaging())) {
            service.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        }

        JsonPath view = view(Tokens.mobileApp("alice")).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("partial"), is(false));
        assertThat(view.getString("customer.id"), is(ALICE));
        assertThat(view.getList("cart.items.sku"), contains(SHOE));
        assertThat(view.getList("wishlist.sku"), contains(TENT));
        assertThat(view.getInt("conversation.unread"), is(1));
        assertThat(view.getList("offers.id"), contains("VIP-" + JACKET, "WINTER-" + JACKET));
        Instant cartAsOf = Instant.parse(view.getString("asOf.cart"));
        assertThat(cartAsOf.isBefore(Instant.now().plusSeconds(1)) && cartAsOf.isAfter(Instant.now().minusSeconds(120)),
                is(true));
    }

    @Test
    void a_cart_change_through_the_gateway_is_in_the_very_next_view_on_another_channel_and_an_older_event_does_not_undo_it() {
        aliceHas(List.of(), List.of(line(SHOE, 1)), List.of());
        viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("cart.items.sku").equals(List.of(SHOE)));
        long written = VERSIONS.incrementAndGet();
        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/cart/items/" + TENT)).willReturn(json(200, """
                {"customerId":"%s","version":%d,"items":[{"sku":"%s","quantity":1,"addedAt":"2026-12-01T10:00:00Z"},
                 {"sku":"%s","quantity":4,"addedAt":"2026-12-07T10:00:00Z"}]}""".formatted(ALICE, written, SHOE, TENT))));

        given().auth().oauth2(Tokens.storefront("alice")).contentType("application/json").body(Map.of("quantity", 4))
                .put("/api/v1/me/cart/items/" + TENT).then().statusCode(200);
        // no event published: the write's answer alone is in the next view, read on the phone
        JsonPath next = view(Tokens.mobileApp("alice")).then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("cart.items.sku"), contains(SHOE, TENT));
        assertThat(next.getInt("cart.items[1].quantity"), is(4));

        // the event of an earlier change, arriving late, changes nothing; a later one does
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, ALICE, snapshot(written - 1, List.of(), List.of(), List.of()));
        aliceHas(List.of("new"), List.of(line(SHOE, 1), line(TENT, 5)), List.of());
        JsonPath later = viewOnceItHolds(Tokens.mobileApp("alice"), v -> v.getList("customer.segments").contains("new"));
        assertThat(later.getInt("cart.items[1].quantity"), is(5));
    }

    @Test
    void a_duplicates_reservations_follow_the_survivor_of_a_merge_and_go_back_at_its_undo() {
        aliceHas(List.of(), List.of(), List.of());
        String duplicate = UUID.randomUUID().toString();
        String reservation = UUID.randomUUID().toString();
        reservation(reservation, duplicate, "CONFIRMED", 1);
        String merge = UUID.randomUUID().toString();
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, ALICE, new CustomerMerged(merge, ALICE, duplicate));
        viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("reservations.id").contains(reservation));

        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, ALICE, new CustomerMergeUndone(merge, ALICE, duplicate));
        viewOnceItHolds(Tokens.storefront("alice"), v -> !v.getList("reservations.id").contains(reservation));
        JsonPath duplicates = JsonPath.from(store.viewOf(duplicate, null).await().atMost(Duration.ofSeconds(5)).reservations());
        assertThat(duplicates.getList("id"), contains(reservation));
    }

    @Test
    void an_erased_customer_leaves_nothing_in_the_model_and_later_events_about_them_are_not_kept() {
        String erased = UUID.randomUUID().toString();
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, erased, new CustomerSnapshot(erased, "Erin Erased", List.of(),
                List.of(), List.of(), List.of(), new CustomerSnapshot.Preferences(null, "paris-louvre", "fr", null, null),
                Map.of(), List.of(), VERSIONS.incrementAndGet(), List.of(BOB_SUBJECT), List.of(line(SHOE, 1)), List.of()));
        reservation(UUID.randomUUID().toString(), erased, "CONFIRMED", 1);
        viewOnceItHolds(Tokens.storefront("bob"), v -> erased.equals(v.getString("customer.id"))
                && v.getList("reservations").size() == 1);

        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, erased, new CustomerErased(erased));
        reservation(UUID.randomUUID().toString(), erased, "CONFIRMED", 1);
        // bob's subject is no longer known to the model: customer-service is asked, and answers bob
        viewOnceItHolds(Tokens.storefront("bob"), v -> BOB.equals(v.getString("customer.id")));
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, ALICE, snapshot(VERSIONS.incrementAndGet(), List.of("after"),
                List.of(), List.of()));
        viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("customer.segments").contains("after"));
        assertThat("nothing of them is kept", store.viewOf(erased, null).await().atMost(Duration.ofSeconds(5)),
                nullValue());
    }

    @Test
    void profiles_and_message_summaries_published_sealed_are_opened_with_their_customers_keys() {
        String sealed = UUID.randomUUID().toString();
        String erased = UUID.randomUUID().toString();
        byte[] customerKey = PersonalDataSeal.newKey();
        byte[] messagingKey = PersonalDataSeal.newKey();
        Services.customer().stubFor(get(urlEqualTo("/internal/personal-data-keys/" + sealed))
                .willReturn(json(200, keyAnswer(sealed, customerKey))));
        Services.messaging().stubFor(get(urlEqualTo("/internal/personal-data-keys/" + sealed))
                .willReturn(json(200, keyAnswer(sealed, messagingKey))));
        Services.customer().stubFor(get(urlEqualTo("/internal/personal-data-keys/" + erased))
                .willReturn(json(404, "{\"status\":404,\"title\":\"Not Found\"}")));

        Events.publishSealed(GatewayTestStack.CUSTOMER_TOPIC, "customer-service", sealed, profileOf(sealed, "Sam Sealed"),
                customerKey);
        Events.publishSealed(GatewayTestStack.MESSAGING_TOPIC, "messaging-service", sealed, new MessagingSummaryChanged(sealed,
                1, List.of(new MessagingSummaryChanged.Message(UUID.randomUUID().toString(), "web", "staff",
                        "Your jacket is ready", Instant.now())), new MessagingSummaryChanged.Inbox(1, 1), 1), messagingKey);
        // erased before its events were read: they are applied without what they sealed
        Events.publishSealed(GatewayTestStack.CUSTOMER_TOPIC, "customer-service", erased, profileOf(erased, "Gone Gwen"),
                PersonalDataSeal.newKey());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            ViewQueries.StoredView view = store.viewOf(sealed, null).await().atMost(Duration.ofSeconds(5));
            return view != null && view.profile().contains("Sam Sealed") && view.conversation() != null
                    && view.conversation().contains("Your jacket is ready");
        });
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> store.viewOf(erased, null).await().atMost(Duration.ofSeconds(5)) != null);
        ViewQueries.StoredView withoutKey = store.viewOf(erased, null).await().atMost(Duration.ofSeconds(5));
        assertThat(withoutKey.profile(), not(containsString("Gone Gwen")));
        assertThat("the rest of the event is applied", withoutKey.cart(), containsString(SHOE));
    }

    private static String keyAnswer(String customerId, byte[] key) {
        return "{\"customerId\":\"" + customerId + "\",\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}";
    }

    private static CustomerSnapshot profileOf(String customerId, String name) {
        return new CustomerSnapshot(customerId, name, List.of(name.replace(' ', '.') + "@example.com"), List.of("+33612345678"),
                List.of(), List.of(), new CustomerSnapshot.Preferences(null, "paris-louvre", "fr", null, null), Map.of(),
                List.of(), 1, List.of(), List.of(line(SHOE, 1)), List.of());
    }

    private static Response view(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/view");
    }

    /** The view once the model holds what the events published just before say (they are read asynchronously). */
    static JsonPath viewOnceItHolds(String token, Predicate<JsonPath> holds) {
        JsonPath[] view = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    view[0] = view(token).then().statusCode(200).extract().jsonPath();
                    return holds.test(view[0]);
                });
        return view[0];
    }

    static void aliceHas(List<String> segments, List<CustomerSnapshot.CartLine> cart, List<String> wishlist) {
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, ALICE, snapshot(VERSIONS.incrementAndGet(), segments, cart, wishlist));
    }

    static CustomerSnapshot snapshot(long version, List<String> segments, List<CustomerSnapshot.CartLine> cart,
            List<String> wishlist) {
        return new CustomerSnapshot(ALICE, "Alice Martin", List.of("alice@example.com"), List.of(), List.of(), List.of(),
                new CustomerSnapshot.Preferences("email", "paris-louvre", "fr", "Europe/Paris", null), Map.of(), segments,
                version, List.of(ALICE_SUBJECT), cart,
                wishlist.stream().map(sku -> new CustomerSnapshot.WishlistLine(sku, Instant.parse("2026-11-19T10:00:00Z")))
                        .toList());
    }

    static CustomerSnapshot.CartLine line(String sku, int quantity) {
        return new CustomerSnapshot.CartLine(sku, quantity, Instant.parse("2026-11-20T10:00:00Z"));
    }

    static void reservation(String id, String customerId, String status, long version) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Events.publish(GatewayTestStack.FULFILMENT_TOPIC, id, new ReservationEvent("reservation." + status.toLowerCase(),
                id, customerId, "paris-louvre", status, List.of(new ReservationEvent.Line(SHOE, 1, new BigDecimal("89.90"))),
                new BigDecimal("89.90"), "EUR", "PICK-" + version, now.plus(2, ChronoUnit.DAYS), "web", "click-and-collect",
                new ReservationEvent.PickupWindow(now, now.plus(2, ChronoUnit.DAYS)), now, version));
    }

    static void messagesOfAlice(long unread, long inbox, long inboxUnread) {
        Events.publish(GatewayTestStack.MESSAGING_TOPIC, ALICE, new MessagingSummaryChanged(ALICE, unread,
                List.of(new MessagingSummaryChanged.Message(UUID.randomUUID().toString(), "store", "staff",
                        "Your order is ready", Instant.now())),
                new MessagingSummaryChanged.Inbox(inbox, inboxUnread), VERSIONS.incrementAndGet()));
    }
}
