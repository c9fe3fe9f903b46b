package dev.omnichannel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.ui.support.Api;
import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Journey 3, reviews: a customer who collected a product reviews it on the storefront, the review is on
 * the product page on the web and in the mobile layout (and on the shelf's QR landing, the same for
 * anyone), and staff hide it with a reason: it leaves every channel.
 */
class ReviewsIT {

    static final String SKU = "BOTTLE-1L";
    static final String STORE = "paris-louvre";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void alice_reviews_what_she_collected_sees_it_on_web_and_mobile_and_staff_hide_it() {
        String alice = Api.customer("storefront", "alice");
        collected(alice);
        String text = "Keeps water cold all day. (run " + UUID.randomUUID().toString().substring(0, 8) + ")";

        // the web storefront: alice writes her review from the product's card
        Browser browser = browsers.desktop("reviews");
        browser.go("/storefront/?q=" + SKU);
        browser.click("#sign-in");
        browser.signInOnKeycloak("alice");
        browser.until(d -> "web".equals(StorefrontIT.channel(browser)));
        openReviews(browser);
        WebElement form = browser.visible(card() + " .review-form");
        new Select(form.findElement(By.name("rating"))).selectByValue("4");
        WebElement field = form.findElement(By.name("text"));
        field.clear();
        field.sendKeys(text);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement mine = browser.until(d -> reviewWithText(browser, text));
        String reviewId = mine.getDomAttribute("data-review-id");
        assertEquals("4", mine.getDomAttribute("data-rating"));
        assertTrue(mine.getText().contains("Verified purchase"), mine.getText());
        assertEquals(reviewId, browser.visible(card() + " .review-form").getDomAttribute("data-mine"));
        WebElement summary = browser.visible(card() + " .review-summary");
        assertTrue(Integer.parseInt(summary.getDomAttribute("data-count")) >= 1);
        String average = summary.getDomAttribute("data-average");
        browser.screenshot("web");

        // the same page in the mobile layout: the same review, the same summary
        browser.resize(412, 900);
        browser.go("/storefront/?layout=mobile&q=" + SKU);
        browser.until(d -> "mobile".equals(StorefrontIT.channel(browser)));
        openReviews(browser);
        WebElement onMobile = browser.until(d -> reviewWithText(browser, text));
        assertEquals(reviewId, onMobile.getDomAttribute("data-review-id"));
        assertEquals(average, browser.visible(card() + " .review-summary").getDomAttribute("data-average"));
        browser.js("arguments[0].scrollIntoView()", onMobile);
        browser.screenshot("mobile");

        // the shelf's QR code opens the product page for anyone, reviews included
        Browser phone = browsers.phone("reviews-qr");
        phone.go("/storefront/qr.html?sku=" + SKU + "&storeId=" + STORE);
        phone.until(d -> reviewWithText(phone, text));
        phone.screenshot("landing");

        // staff hide it, with a reason, from the back office
        Browser office = browsers.desktop("reviews-backoffice");
        office.go("/backoffice/?tab=reviews");
        office.signInOnKeycloak("clerk");
        new Select(office.visible(".review-sku")).selectByValue(SKU);
        WebElement line = office.visible("[data-panel=reviews] li.review[data-review-id='" + reviewId + "']");
        line.findElement(By.name("reason")).sendKeys("Test review of the browser tests");
        office.screenshot("hide");
        line.findElement(By.cssSelector(".hide-review button[type=submit]")).click();
        office.until(d -> d.findElements(By.cssSelector("li.review[data-review-id='" + reviewId + "']")).isEmpty());
        assertTrue(office.visible("#notice").getText().contains("Review hidden"), office.visible("#notice").getText());
        office.screenshot("hidden");

        // it has left every channel's product page, and alice sees it is hidden
        JsonNode page = Api.ok("GET", "/products/" + SKU + "/reviews?size=100", null, null);
        page.path("items").forEach(review -> assertFalse(reviewId.equals(review.path("id").asText()), "hidden: " + review));
        JsonNode hers = Api.ok("GET", "/me/reviews", alice, null).path("items");
        boolean hidden = false;
        for (JsonNode review : hers) {
            hidden |= reviewId.equals(review.path("id").asText()) && review.path("hidden").asBoolean();
        }
        assertTrue(hidden, "alice's list marks it hidden: " + hers);
    }

    /** alice reserved one unit at the store and the clerk handed it over: she collected it, so she may review it. */
    private static void collected(String alice) {
        Api.ensureAvailable(SKU, STORE, 2);
        JsonNode reservation = Api.ok("POST", "/reservations", alice,
                Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))));
        Api.ok("POST", "/reservations/" + reservation.path("id").asText() + "/collect",
                Api.customer("backoffice", "clerk"), Map.of("pickupCode", reservation.path("pickupCode").asText()));
    }

    private static void openReviews(Browser browser) {
        browser.visible(card());
        browser.click(card() + " .reviews-toggle");
        browser.visible(card() + " .reviews-section");
    }

    private static WebElement reviewWithText(Browser browser, String text) {
        return browser.all("li.review").stream().filter(li -> li.getText().contains(text)).findFirst().orElse(null);
    }

    private static String card() {
        return StorefrontIT.product(SKU);
    }
}
