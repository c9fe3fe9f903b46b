package dev.omnichannel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.ui.support.Api;
import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Journey 1: pick a product on one device, find it on the other — same cart, same stock. */
class StorefrontIT {

    static final String SKU = "HEADLAMP-300";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void alice_signs_in_on_the_web_adds_an_item_and_finds_the_same_cart_and_stock_in_the_mobile_layout() {
        Api.emptyCart(Api.customer("storefront", "alice"));
        Browser browser = browsers.desktop("storefront");

        browser.go("/storefront/");
        browser.click("#sign-in");
        browser.signInOnKeycloak("alice");
        browser.until(d -> "web".equals(channel(browser)));
        WebElement card = browser.visible(product(SKU));
        String store = browser.visible("#store").getDomProperty("value");
        String webStock = card.findElement(By.cssSelector(".availability.here")).getDomAttribute("data-available");
        card.findElement(By.cssSelector(".add-to-cart")).click();
        browser.until(d -> "1".equals(browser.visible("#cart-count").getText()));
        browser.screenshot("web-shop");
        browser.click("[data-tab=cart]");
        WebElement webLine = browser.visible("#cart li[data-sku='" + SKU + "']");
        assertEquals("1", webLine.getDomAttribute("data-quantity"));
        String webLineStock = webLine.findElement(By.cssSelector(".availability")).getDomAttribute("data-available");
        browser.screenshot("web-cart");

        // the same browser, now the mobile layout: Keycloak's session signs alice in with the mobile-app client
        browser.resize(412, 900);
        browser.go("/storefront/?layout=mobile");
        browser.until(d -> "mobile".equals(channel(browser)));
        assertTrue(browser.visible("body").getDomAttribute("class").contains("mobile"), "the mobile layout");
        assertEquals(store, browser.visible("#store").getDomProperty("value"), "the same store");
        WebElement mobileCard = browser.visible(product(SKU));
        assertEquals(webStock, mobileCard.findElement(By.cssSelector(".availability.here")).getDomAttribute("data-available"),
                "the same availability at " + store);
        browser.screenshot("mobile-shop");
        browser.click("[data-tab=cart]");
        WebElement mobileLine = browser.visible("#cart li[data-sku='" + SKU + "']");
        assertEquals("1", mobileLine.getDomAttribute("data-quantity"), "the same cart");
        assertEquals(1, browser.all("#cart li[data-sku]").size(), "nothing else in it");
        assertEquals(webLineStock, mobileLine.findElement(By.cssSelector(".availability")).getDomAttribute("data-available"));
        browser.screenshot("mobile-cart");
    }

    @Test
    void when_the_gateway_answers_a_partial_view_the_storefront_names_plainly_what_is_missing() {
        Browser browser = browsers.desktop("storefront-partial");
        // inventory-service down, as the gateway reports it (PersonalizedViewTest covers the gateway's side):
        // this browser's /me/view answers are marked partial, the rest of the page is the real stack
        browser.beforeEachPage("""
                const realFetch = window.fetch;
                window.fetch = async (input, init) => {
                  const response = await realFetch(input, init);
                  if (!String(input).endsWith('/api/v1/me/view') || !response.ok) return response;
                  const view = await response.json();
                  Object.assign(view, { partial: true, missing: ['inventory'], offers: null, reservations: null });
                  return new Response(JSON.stringify(view), { status: 200, headers: { 'Content-Type': 'application/json' } });
                };
                """);

        browser.go("/storefront/");
        browser.click("#sign-in");
        browser.signInOnKeycloak("alice");
        WebElement banner = browser.visible("#partial");
        assertEquals("inventory", banner.getDomAttribute("data-missing"));
        assertTrue(banner.getText().contains("inventory (prices, offers, stock and your pickups)"), banner.getText());
        assertEquals("alert", banner.getDomAttribute("role"));
        browser.screenshot("partial-view");
    }

    static String product(String sku) {
        return "article.product[data-sku='" + sku + "']";
    }

    static String channel(Browser browser) {
        return browser.visible("#channel").getDomAttribute("data-channel");
    }
}
