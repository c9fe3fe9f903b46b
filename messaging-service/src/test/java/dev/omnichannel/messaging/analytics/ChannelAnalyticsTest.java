package dev.omnichannel.messaging.analytics;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static dev.omnichannel.messaging.support.Api.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Api;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.Mime;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which channels work: per channel sent, delivered, failed, opened, clicked, and what followed. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class ChannelAnalyticsTest {

    private static final Pattern PIXEL = Pattern.compile("<img src=\"(http://localhost:8083/t/[A-Za-z0-9_-]+)\"");

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private TestCustomer member(String segment, String preferred, Map<String, dev.omnichannel.shared.events.customer.CustomerSnapshot.Consent> consents) {
        TestCustomer customer = new TestCustomer();
        customer.segments = List.of(segment);
        customer.preferredChannel = preferred;
        customer.consents = consents;
        customer.withDevice = true;
        Events.publishSnapshot(mapper, customer.snapshot());
        db.awaitRecipient(customer.id, 1);
        return customer;
    }

    private static Map<String, Object> stats(JsonPath report, String channel) {
        return report.getMap("channels.find { it.channel == '" + channel + "' }");
    }

    @Test
    void analytics_count_per_channel_what_was_sent_and_what_followed() {
        String template = "test.analytics." + UUID.randomUUID();
        asGateway().body(Map.of("variants", Map.of(
                        "email", Map.of("en", Map.of("subject", "News " + template, "html", "<p><a href=\"{link}\">Shop</a></p>",
                                "text", "Shop: {link}")),
                        "sms", Map.of("en", Map.of("text", "Shop: {link}")),
                        "push", Map.of("en", Map.of("title", "News", "body", "Shop now", "deepLink", "{deepLink}")),
                        "in-app", Map.of("en", Map.of("title", "News", "body", "Shop now")))))
                .put("/templates/" + template).then().statusCode(200);
        String segment = "analytics-" + UUID.randomUUID();
        TestCustomer byEmail = member(segment, "email", Events.consents(true, false, false, false));
        TestCustomer bySms = member(segment, "sms", Events.consents(false, true, false, false));
        TestCustomer byPush = member(segment, "push", Events.consents(false, false, true, false));
        TestCustomer inApp = member(segment, "email", Events.consents(false, false, false, false));
        Instant from = Instant.now().minusSeconds(1);

        try (TopicProbe statuses = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            asGateway().body(Map.of("segment", segment, "templateKey", template)).post("/campaigns")
                    .then().statusCode(202).body("recipients", equalTo(4));
            String smsMessage = statuses.await(r -> bySms.id.equals(r.key()) && "message.sent".equals(r.type()))
                    .data().path("messageId").asText();
            String pushMessage = statuses.await(r -> byPush.id.equals(r.key()) && "message.sent".equals(r.type()))
                    .data().path("messageId").asText();
            statuses.await(r -> inApp.id.equals(r.key()) && "message.sent".equals(r.type()));

            // provider receipts (the SMS one delivered twice, counted once) and the e-mail opened, then clicked
            String smsDelivered = "{\"type\":\"status\",\"messageId\":\"sms-" + smsMessage + "\",\"status\":\"delivered\"}";
            webhook("sms", Api.SMS_SECRET, smsDelivered).then().statusCode(200).body("matched", equalTo(true));
            webhook("sms", Api.SMS_SECRET, smsDelivered).then().statusCode(200);
            webhook("push", Api.PUSH_SECRET, "{\"type\":\"status\",\"messageId\":\"push-" + pushMessage + "\",\"status\":\"delivered\"}")
                    .then().statusCode(200).body("matched", equalTo(true));
            String mail = Mime.decoded(Mailbox.await(byEmail.email, m -> m.subject().equals("News " + template),
                    Duration.ofSeconds(30)).mimeMessage());
            Matcher pixel = PIXEL.matcher(mail);
            assertTrue(pixel.find(), mail); // the service is reached at its tracking URL; here, at the test's port
            given().get(java.net.URI.create(pixel.group(1)).getPath()).then().statusCode(200).contentType("image/gif");
            given().redirects().follow(false).get(java.net.URI.create(Mime.trackedLinks(mail).getFirst()).getPath())
                    .then().statusCode(302).header("Location", "http://localhost:8080/storefront/");
            statuses.await(r -> byEmail.id.equals(r.key()) && "message.clicked".equals(r.type()));
        }

        // what followed: a reservation by the e-mail customer, an order by the SMS customer
        String reservationId = UUID.randomUUID().toString();
        CloudEvent reservation = Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.CONFIRMED, reservationId, byEmail.id, "CONV01"));
        String orderId = UUID.randomUUID().toString();
        CloudEvent order = Events.publish(mapper, Topics.INVENTORY_FULFILMENT, orderId, new OrderEvent(OrderEvent.CREATED,
                orderId, bySms.id, "CREATED", null, List.of(), new BigDecimal("89.90"), "EUR", "mobile", Instant.now(), 1));
        db.awaitProcessed("messaging-service:fulfilment", reservation.id());
        db.awaitProcessed("messaging-service:fulfilment", order.id());

        JsonPath report = asGateway().queryParam("from", from.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("templateKey", template)
                .get("/analytics/channels").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("channel", "email", "sent", 1, "delivered", 0, "failed", 0, "opened", 1, "clicked", 1,
                "reservations", 1, "orders", 0, "conversion", 1.0f), stats(report, "email"));
        assertEquals(Map.of("channel", "sms", "sent", 1, "delivered", 1, "failed", 0, "opened", 0, "clicked", 0,
                "reservations", 0, "orders", 1, "conversion", 1.0f), stats(report, "sms"));
        assertEquals(Map.of("channel", "push", "sent", 1, "delivered", 1, "failed", 0, "opened", 0, "clicked", 0,
                "reservations", 0, "orders", 0, "conversion", 0.0f), stats(report, "push"));
        assertEquals(1, stats(report, "in-app").get("sent"));
        assertEquals(0, stats(report, "whatsapp").get("sent"));

        JsonPath everything = asGateway().queryParam("from", from.toString()).get("/analytics/channels")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(((Number) stats(everything, "email").get("sent")).intValue() >= 1);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        asGateway().queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").get("/analytics/channels")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_unknown_tracking_token_is_a_404_without_any_token_needed() {
        given().get("/t/" + "x".repeat(43)).then().statusCode(404).contentType("application/problem+json");
    }
}
