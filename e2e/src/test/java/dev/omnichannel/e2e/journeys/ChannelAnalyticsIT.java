package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.Mails;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.ProviderInbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Journey 9: the business sees which channels work — what customers were sent, opened and then
 * reserved shows in the per-channel analytics, for email and for SMS.
 */
class ChannelAnalyticsIT {

    static final String SKU = "SOCKS-HIKE-3P";
    static final String STORE = "paris-louvre";
    static final byte[] TRANSPARENT_GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final List<Map.Entry<Caller, String>> reservations = new ArrayList<>();

    @AfterEach
    void cancel() {
        reservations.forEach(r -> r.getKey().api().delete("/reservations/{id}", r.getValue()));
    }

    @Test
    void sends_opens_and_the_reservations_they_led_to_are_counted_per_channel() {
        Customers.expectMailFor(ALICE_ON_WEB);
        Stock.ensureAtLeast(SKU, STORE, 5);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        Map<String, Map<String, Number>> before = analytics(today, tomorrow);

        String alicesCode = reserve(ALICE_ON_WEB);
        Mailbox.Mail mail = Mailbox.await("alice@example.com", m -> m.subject().contains(alicesCode), Customers.MAIL_WAIT);
        String pixel = Mails.trackedTokens(mail).stream()
                .filter(token -> "image/gif".equals(Caller.ANONYMOUS.gateway().get("/t/{token}", token).contentType()))
                .findFirst().orElseThrow(() -> new AssertionError("the mail has an open pixel on the gateway"));
        byte[] image = Caller.ANONYMOUS.gateway().get("/t/{token}", pixel).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(TRANSPARENT_GIF, image, "the pixel passes through untouched");
        reserve(ALICE_ON_WEB); // after a mail: a reservation the email channel led to

        String bobsCode = reserve(BOB_ON_MOBILE);
        ProviderInbox.await("sms", d -> d.text().contains(bobsCode), Customers.MAIL_WAIT);

        eventually().alias("the analytics count what was sent, opened and reserved").untilAsserted(() -> {
            Map<String, Map<String, Number>> after = analytics(today, tomorrow);
            assertGrew(before, after, "email", "sent");
            assertGrew(before, after, "email", "opened");
            assertGrew(before, after, "email", "reservations");
            assertGrew(before, after, "sms", "sent");
        });
        Map<String, Map<String, Number>> seenByStaff = analyticsAs(CLERK_LOUVRE, today, tomorrow);
        assertTrue(seenByStaff.get("email").get("sent").longValue() > 0 && seenByStaff.get("sms").get("sent").longValue() > 0,
                "staff see them too: " + seenByStaff);
    }

    private String reserve(Caller customer) {
        Map<String, Object> reservation = customer.api()
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                .post("/reservations")
                .then().statusCode(201)
                .extract().jsonPath().getMap("");
        reservations.add(Map.entry(customer, (String) reservation.get("id")));
        return (String) reservation.get("pickupCode");
    }

    private static Map<String, Map<String, Number>> analytics(String from, String to) {
        return analyticsAs(ADMIN, from, to);
    }

    private static Map<String, Map<String, Number>> analyticsAs(Caller caller, String from, String to) {
        List<Map<String, Object>> channels = caller.api().queryParam("from", from).queryParam("to", to)
                .get("/analytics/channels")
                .then().statusCode(200)
                .extract().jsonPath().getList("channels");
        Map<String, Map<String, Number>> byChannel = new java.util.HashMap<>();
        for (Map<String, Object> channel : channels) {
            Map<String, Number> counts = new java.util.HashMap<>();
            channel.forEach((key, value) -> {
                if (value instanceof Number number) {
                    counts.put(key, number);
                }
            });
            byChannel.put((String) channel.get("channel"), counts);
        }
        return byChannel;
    }

    private static void assertGrew(Map<String, Map<String, Number>> before, Map<String, Map<String, Number>> after,
            String channel, String count) {
        long was = before.getOrDefault(channel, Map.of()).getOrDefault(count, 0).longValue();
        long is = after.getOrDefault(channel, Map.of()).getOrDefault(count, 0).longValue();
        assertTrue(is > was && is > 0, channel + " " + count + " went from " + was + " to " + is);
    }
}
