package dev.omnichannel.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.ui.support.Browser;
import dev.omnichannel.ui.support.Browsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

class LandingPageIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void the_landing_page_leads_to_the_three_channels() {
        Browser browser = browsers.desktop("landing");

        browser.go("/");
        List<String> links = browser.all("a[href]").stream().map(link -> link.getDomAttribute("href")).toList();
        for (String page : List.of("/storefront/", "/storefront/?layout=mobile", "/kiosk/", "/backoffice/")) {
            assertTrue(links.contains(page), page + " in " + links);
        }
        browser.screenshot("home");
    }
}
