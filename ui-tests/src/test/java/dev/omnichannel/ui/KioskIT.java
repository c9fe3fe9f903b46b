package dev.omnichannel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.ui.support.Api;
import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The kiosk of paris-louvre: click & collect seen in store (journey 2), the endless aisle (journey 4). */
class KioskIT {

    static final String STORE = "paris-louvre";
    /** The dev device key of the kiosk louvre-1 (gateway application.properties); not the kiosk client's secret. */
    static final String DEVICE_KEY = "louvre-1-dev-device-key";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void a_reservation_made_on_the_storefront_lowers_the_stock_the_kiosk_shows_for_that_store() {
        String sku = "POLES-TREK";
        String alice = Api.customer("storefront", "alice");
        Api.preferStore(alice, STORE);
        Api.emptyCart(alice);
        Api.ensureAvailable(sku, STORE, 3);
        Browser kiosk = paired(browsers.desktop("kiosk"));
        int before = shownHere(kiosk, "poles", sku);

        Browser shop = browsers.desktop("storefront-pickup");
        shop.go("/storefront/?q=poles");
        shop.click("#sign-in");
        shop.signInOnKeycloak("alice");
        shop.visible(StorefrontIT.product(sku)).findElement(By.cssSelector(".add-to-cart")).click();
        shop.until(d -> "1".equals(shop.visible("#cart-count").getText()));
        shop.click("[data-tab=cart]");
        shop.click("#reserve");
        WebElement reservation = shop.visible("#reservations li.reservation[data-status=CONFIRMED]");
        String pickupCode = reservation.findElement(By.cssSelector(".pickup-code")).getText();
        String reservationId = reservation.getDomAttribute("data-id");
        shop.screenshot("pickup-code");
        try {
            int after = kiosk.eventually(d -> {
                int shown = shownHere(kiosk, "poles", sku);
                return shown < before ? shown : null;
            });
            assertTrue(after <= before - 1, "the kiosk shows " + after + " after showing " + before);
            kiosk.screenshot("stock-after-reservation");

            kiosk.type("#pickup-code", pickupCode);
            kiosk.click("#lookup button[type=submit]");
            WebElement found = kiosk.visible("#reservation [data-reservation-id]");
            assertEquals(reservationId, found.getDomAttribute("data-reservation-id"));
            assertEquals("CONFIRMED", found.getDomAttribute("data-status"));
            kiosk.screenshot("pickup-code-found");
        } finally {
            Api.ok("DELETE", "/reservations/" + reservationId, alice, null);
        }
    }

    @Test
    void the_kiosk_orders_an_item_missing_on_its_shelf_from_another_location() {
        String sku = "TENT-2P";
        Api.setAvailable(sku, STORE, 0);
        Api.ensureAvailable(sku, "wh-orleans", 2);
        Browser kiosk = paired(browsers.desktop("kiosk-order"));

        assertEquals(0, shownHere(kiosk, "tent", sku));
        kiosk.click(card(sku) + " .nearby-toggle");
        List<WebElement> elsewhere = kiosk.until(d -> {
            List<WebElement> lines = d.findElements(By.cssSelector(card(sku) + " .nearby li[data-store-id]")).stream()
                    .filter(line -> !STORE.equals(line.getDomAttribute("data-store-id"))
                            && Integer.parseInt(line.getDomAttribute("data-available")) > 0)
                    .toList();
            return lines.isEmpty() ? null : lines;
        });
        assertFalse(elsewhere.isEmpty(), "in stock elsewhere");

        kiosk.type("#identity-value", "+33612345678");
        kiosk.click("#identify button[type=submit]");
        kiosk.visible(".customer-chip[data-customer-id]");
        kiosk.click(card(sku) + " .order-it");
        kiosk.visible("#order-card");
        assertTrue(kiosk.visible("input[name=deliver][value=store]").isSelected(), "delivered to this store");
        kiosk.click("#place-order");

        WebElement order = kiosk.visible("#order-result [data-order-id]");
        List<WebElement> allocations = order.findElements(By.cssSelector(".allocations li[data-store-id]"));
        assertFalse(allocations.isEmpty(), "allocated somewhere");
        for (WebElement allocation : allocations) {
            assertNotEquals(STORE, allocation.getDomAttribute("data-store-id"), "from another location");
            assertEquals(sku, allocation.getDomAttribute("data-sku"));
        }
        kiosk.screenshot("endless-aisle-order");
    }

    /** Opens the kiosk page and pairs it with its device key, as staff do once per device. */
    static Browser paired(Browser kiosk) {
        kiosk.go("/kiosk/");
        kiosk.type("#device-key", DEVICE_KEY);
        kiosk.click("#pair button[type=submit]");
        kiosk.visible("#kiosk");
        kiosk.visible("#products [data-sku]");
        assertEquals(STORE, kiosk.visible("#store").getDomAttribute("data-store-id"));
        String everything = kiosk.driver().getPageSource() + kiosk.js("return JSON.stringify(localStorage)");
        assertFalse(everything.contains("kiosk-dev-secret"), "the kiosk client's secret never reaches the browser");
        return kiosk;
    }

    /** Searches at the kiosk and reads what its card says is on the shelf here, once the answer is shown. */
    static int shownHere(Browser kiosk, String query, String sku) {
        String rendered = kiosk.visible("#products").getDomAttribute("data-rendered");
        kiosk.type("#q", query);
        kiosk.click("#search button[type=submit]");
        kiosk.until(d -> !String.valueOf(rendered).equals(d.findElement(By.id("products")).getDomAttribute("data-rendered")));
        return Integer.parseInt(kiosk.visible(card(sku) + " .availability.here").getDomAttribute("data-available"));
    }

    static String card(String sku) {
        return StorefrontIT.product(sku);
    }
}
