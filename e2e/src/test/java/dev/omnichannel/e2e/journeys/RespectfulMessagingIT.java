package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.Eventually;
import dev.omnichannel.e2e.support.Profiles;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.ProviderInbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Journey 8: one message, sent on the channel the customer prefers, never on one she refused, and
 * not in her quiet hours (in her time zone) until they end.
 */
class RespectfulMessagingIT {

    static final String SKU = "STOVE-GAS";
    static final String STORE = "paris-louvre";
    static final String ALICES_EMAIL = "alice@example.com";
    static final String ALICES_PHONE = "+33612345678";
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final List<String> reservations = new ArrayList<>();

    @AfterEach
    void restoreAlice() {
        Profiles.setConsent(ALICE_ON_WEB, "email", true);
        Profiles.setQuietHours(ALICE_ON_WEB, Map.of());
        reservations.forEach(id -> ALICE_ON_WEB.api().delete("/reservations/{id}", id));
    }

    @Test
    void once_email_consent_is_withdrawn_the_next_notification_goes_by_sms_and_no_mail_is_sent() {
        Customers.expectMailFor(ALICE_ON_WEB);
        Profiles.setConsent(ALICE_ON_MOBILE, "email", false);

        String pickupCode = reserve();

        ProviderInbox.Delivery sms = ProviderInbox.await("sms", d -> d.text().contains(pickupCode), Customers.MAIL_WAIT);
        assertTrue(sms.text().contains(ALICES_PHONE), "to her phone: " + sms.text());
        assertTrue(Mailbox.of(ALICES_EMAIL).stream().noneMatch(mail -> mail.subject().contains(pickupCode)),
                "never on the refused channel");
    }

    @Test
    void nothing_is_sent_in_quiet_hours_and_the_message_goes_when_they_end() {
        Customers.expectMailFor(ALICE_ON_WEB);
        ZoneId zone = ZoneId.of(ALICE_ON_WEB.api().get("/me").then().statusCode(200).extract().<String>path("preferences.timeZone"));
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime end = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(2); // within the next two minutes
        Profiles.setQuietHours(ALICE_ON_WEB, Map.of("start", now.minusHours(1).format(LOCAL_TIME), "end", end.format(LOCAL_TIME)));

        String pickupCode = reserve();

        Duration quiet = Duration.between(Instant.now(), end.toInstant().minusSeconds(3));
        if (!quiet.isNegative()) {
            Eventually.eventually(quiet.plusSeconds(30)).during(quiet).pollInterval(Duration.ofSeconds(2))
                    .alias("nothing sent before " + end.toLocalTime() + " (" + zone + ")")
                    .until(() -> !received(pickupCode));
        }
        Mailbox.await(ALICES_EMAIL, mail -> mail.subject().contains(pickupCode), Customers.MAIL_WAIT);
        assertTrue(Instant.now().isAfter(end.toInstant()), "sent once the quiet hours ended");
    }

    /** Alice reserves one unit; answers the pickup code her notification carries. */
    private String reserve() {
        Stock.ensureAtLeast(SKU, STORE, 2);
        Map<String, Object> reservation = ALICE_ON_MOBILE.api()
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                .post("/reservations")
                .then().statusCode(201)
                .extract().jsonPath().getMap("");
        reservations.add((String) reservation.get("id"));
        return (String) reservation.get("pickupCode");
    }

    private static boolean received(String pickupCode) {
        return Mailbox.of(ALICES_EMAIL).stream().anyMatch(mail -> mail.subject().contains(pickupCode))
                || ProviderInbox.received("sms").stream().anyMatch(d -> d.text().contains(pickupCode));
    }
}
