package dev.omnichannel.gateway.pages.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /storefront} leads to {@code /storefront/} (the page's folder, so its relative links work); same for the others. */
@ApplicationScoped
public class PageRedirects {

    void register(@Observes Router router) {
        router.getWithRegex("/(storefront|kiosk|backoffice)").handler(context -> {
            String query = context.request().query();
            context.redirect(context.normalizedPath() + "/" + (query == null ? "" : "?" + query));
        });
    }
}
