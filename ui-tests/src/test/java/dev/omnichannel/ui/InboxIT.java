package dev.omnichannel.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.ui.support.Api;
import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One inbox on every channel: an e-mail and an SMS sent to alice are both in her inbox on the
 * storefront (web and mobile layout), and at the kiosk of the store where she is identified.
 */
class InboxIT {

    static final String STORE = KioskIT.STORE;
    static final String SKU = "HEADLAMP-300";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void an_email_and_an_sms_sent_to_alice_are_in_her_inbox_on_the_storefront_and_at_the_kiosk() {
        String alice = Api.customer("storefront", "alice");
        String channelBefore = Api.ok("GET", "/me", alice, null).path("preferences").path("preferredChannel").asText("email");
        Api.ensureAvailable(SKU, STORE, 4);
        String byEmail;
        String bySms;
        try {
            byEmail = reservationMessage(alice, "email");
            bySms = reservationMessage(alice, "sms");
        } finally {
            Api.ok("PATCH", "/me/preferences", alice, Map.of("preferredChannel", channelBefore));
        }

        // the storefront, web layout: both messages, each with its channel; alice reads the SMS
        Browser shop = browsers.desktop("inbox");
        shop.go("/storefront/?tab=messages");
        shop.click("#sign-in");
        shop.signInOnKeycloak("alice");
        WebElement email = shop.visible(item(byEmail));
        WebElement sms = shop.visible(item(bySms));
        assertEquals("email", email.getDomAttribute("data-channel"));
        assertEquals("sms", sms.getDomAttribute("data-channel"));
        assertTrue(email.findElement(By.cssSelector(".badge")).getText().contains("Email"), email.getText());
        assertTrue(sms.findElement(By.cssSelector(".badge")).getText().contains("SMS"), sms.getText());
        assertTrue(sms.getText().contains("Paris Louvre"), "named as people read it: " + sms.getText());
        assertFalse(sms.getText().contains(STORE), "no store id: " + sms.getText());
        List<String> order = shop.all("#notifications li.inbox-item").stream().map(li -> li.getDomAttribute("data-id")).toList();
        assertTrue(order.indexOf(bySms) < order.indexOf(byEmail), "newest first: " + order);
        shop.screenshot("storefront");
        shop.visible(item(bySms) + " .mark-read").click();
        shop.until(d -> "true".equals(d.findElement(By.cssSelector(item(bySms))).getDomAttribute("data-read")));
        assertEquals("true", readOf(alice, bySms), "read for the API too");

        // the same inbox in the mobile layout (channel mobile)
        shop.resize(412, 900);
        shop.go("/storefront/?layout=mobile&tab=messages");
        shop.until(d -> "mobile".equals(StorefrontIT.channel(shop)));
        shop.visible(item(byEmail));
        assertEquals("true", shop.visible(item(bySms)).getDomAttribute("data-read"));
        shop.screenshot("mobile");

        // the kiosk of paris-louvre, once alice is identified there
        Browser kiosk = KioskIT.paired(browsers.desktop("inbox-kiosk"));
        kiosk.type("#identity-value", "+33612345678");
        kiosk.click("#identify button[type=submit]");
        kiosk.visible(".customer-chip[data-customer-id]");
        WebElement atKiosk = kiosk.visible("#inbox-card");
        assertEquals("email", kiosk.visible(item("#inbox", byEmail)).getDomAttribute("data-channel"));
        assertEquals("sms", kiosk.visible(item("#inbox", bySms)).getDomAttribute("data-channel"));
        assertTrue(kiosk.all("#inbox .mark-read").isEmpty(), "the kiosk shows, the customer reads");
        assertFalse(atKiosk.getText().isBlank());
        kiosk.screenshot("identified");
    }

    /**
     * alice prefers {@code channel}, reserves one item at the store (reservation.confirmed is sent to
     * her there) and cancels it; answers the id of that message once it is in her inbox.
     */
    private static String reservationMessage(String alice, String channel) {
        Api.ok("PATCH", "/me/preferences", alice, Map.of("preferredChannel", channel));
        List<String> before = ids(alice);
        JsonNode reservation = Api.ok("POST", "/reservations", alice,
                Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))));
        try {
            return await().atMost(Browser.EVENTUAL).until(() -> newMessage(alice, before, channel), id -> id != null);
        } finally {
            Api.ok("DELETE", "/reservations/" + reservation.path("id").asText(), alice, null);
        }
    }

    private static String newMessage(String alice, List<String> before, String channel) {
        for (JsonNode item : Api.ok("GET", "/me/notifications?size=20", alice, null).path("items")) {
            if (!before.contains(item.path("id").asText()) && channel.equals(item.path("channel").asText())
                    && "reservation.confirmed".equals(item.path("templateKey").asText())) {
                return item.path("id").asText();
            }
        }
        return null;
    }

    private static List<String> ids(String alice) {
        JsonNode items = Api.ok("GET", "/me/notifications?size=100", alice, null).path("items");
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private static String readOf(String alice, String id) {
        for (JsonNode item : Api.ok("GET", "/me/notifications?size=20", alice, null).path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item.path("read").asText();
            }
        }
        return "absent";
    }

    /** A message in the storefront's inbox. */
    static String item(String id) {
        return item("#notifications", id);
    }

    static String item(String list, String id) {
        return list + " li.inbox-item[data-id='" + id + "']";
    }
}
