package dev.omnichannel.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.ui.support.Api;
import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** Staff and admins: the customer's journey across channels (journey 7), which channels work (journey 9). */
class BackOfficeIT {

    static final String ALICE_PHONE = "+33612345678";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void staff_see_alices_timeline_with_both_channels() {
        // alice on the web, then in the app
        Api.ok("PUT", "/me/wishlist/CAP-SUN", Api.customer("storefront", "alice"), null);
        Api.ok("DELETE", "/me/wishlist/CAP-SUN", Api.customer("mobile-app", "alice"), null);
        Browser office = browsers.desktop("backoffice");

        office.go("/backoffice/");
        office.signInOnKeycloak("clerk");
        office.visible("#office");
        office.type("#identity-value", ALICE_PHONE);
        office.click("#lookup button[type=submit]");
        office.visible("#results li[data-customer-id] .open-customer").click();
        office.eventually(d -> {
            if (!office.all("#timeline li[data-channel=web]").isEmpty() && !office.all("#timeline li[data-channel=mobile]").isEmpty()) {
                return true;
            }
            office.click("#results li[data-customer-id] .open-customer");
            return null;
        });
        assertEquals("Alice Martin", office.visible("#customer-name").getText());
        office.screenshot("timeline");
    }

    @Test
    void the_analytics_page_draws_charts_from_real_figures() {
        String admin = Api.admin();
        String period = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(29) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (sent(Api.ok("GET", "/analytics/channels" + period, admin, null)) == 0) {
            // a fresh stack: a click & collect reservation makes messaging tell alice, on her channel
            String alice = Api.customer("storefront", "alice");
            Api.ensureAvailable("CAP-SUN", "paris-louvre", 2);
            JsonNode reservation = Api.ok("POST", "/reservations", alice, Map.of("storeId", "paris-louvre",
                    "lines", List.of(Map.of("sku", "CAP-SUN", "quantity", 1))));
            Api.ok("DELETE", "/reservations/" + reservation.path("id").asText(), alice, null);
            await().atMost(Browser.EVENTUAL).until(() -> sent(Api.ok("GET", "/analytics/channels" + period, admin, null)) > 0);
        }
        Browser office = browsers.desktop("analytics");

        office.go("/backoffice/?tab=analytics");
        office.signInOnKeycloak("admin");
        office.visible("#chart-messages");
        office.until(d -> office.js("return !!(window.Chart && Chart.getChart('chart-messages') && window.omniAnalytics)"));

        long fetchedSent = ((Number) office.js("return omniAnalytics.channels.reduce((sum, c) => sum + c.sent, 0)")).longValue();
        assertTrue(fetchedSent > 0, "the page fetched real figures: " + office.js("return JSON.stringify(omniAnalytics)"));
        Object charted = office.js("return Chart.getChart('chart-messages').data.datasets.find(d => d.label === 'sent').data");
        Object fetched = office.js("return omniAnalytics.channels.map(c => c.sent)");
        assertEquals(fetched.toString(), charted.toString(), "the chart draws what the API answered");
        assertEquals(fetchedSent, ((Number) office.js("return Chart.getChart('chart-messages').data.datasets"
                + ".flatMap(d => d.label === 'sent' ? d.data : []).reduce((a, b) => a + b, 0)")).longValue());
        for (String chart : List.of("chart-messages", "chart-outcomes", "chart-conversion")) {
            assertTrue((Boolean) office.js("const c = document.getElementById(arguments[0]);"
                    + " return c instanceof HTMLCanvasElement && c.width > 0 && c.height > 0 && !!Chart.getChart(c)", chart), chart);
        }
        office.screenshot("charts");
    }

    @Test
    void a_customer_signing_in_to_the_back_office_is_told_it_is_not_for_them_and_gets_nothing() {
        Browser office = browsers.desktop("backoffice-customer");

        office.go("/backoffice/");
        office.signInOnKeycloak("alice");
        office.visible("#not-for-you");
        assertFalse(office.driver().findElement(By.id("office")).isDisplayed());
        Object apiCalls = office.js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/v1/')).length");
        assertEquals(0L, ((Number) apiCalls).longValue(), "the page asks the API for nothing");
        office.screenshot("not-for-customers");

        String aliceAtTheBackOffice = Api.customer("backoffice", "alice");
        assertEquals(403, Api.call("GET", "/customers?identity=phone:%2B33612345678", aliceAtTheBackOffice, null).status());
        assertEquals(403, Api.call("GET", "/analytics/channels", aliceAtTheBackOffice, null).status());
    }

    static long sent(JsonNode report) {
        long sent = 0;
        for (JsonNode channel : report.path("channels")) {
            sent += channel.path("sent").asLong();
        }
        return sent;
    }
}
