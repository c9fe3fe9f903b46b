package dev.omnichannel.messaging.notification.service;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the web link of a message leads: the storefront's page for what the message is about (the
 * gateway serves the storefront at {@code /storefront/}). A notification names its subject with an
 * app path ({@code /reservations/<id>}, {@code /products/<sku>?storeId=…}), which is also the app's
 * deep link; this is its page on the web.
 */
final class StorefrontPages {

    static final String HOME = "/storefront/";

    private StorefrontPages() {
    }

    static String of(String appPath) {
        String path = appPath == null ? "" : appPath.split("[?#]", 2)[0];
        String[] parts = path.replaceFirst("^/+", "").split("/");
        return switch (parts[0]) {
            // the customer's pickups, naming the one the message is about
            case "reservations" -> HOME + "?tab=reservations" + named("reservation", parts);
            // the product, as the storefront shows it: found by its SKU
            case "products" -> parts.length > 1 && !parts[1].isBlank()
                    ? HOME + "?q=" + URLEncoder.encode(URLDecoder.decode(parts[1], StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                    : HOME;
            // orders and returns have no page of their own: the inbox, where this message is
            case "orders" -> HOME + "?tab=messages" + named("order", parts);
            case "returns" -> HOME + "?tab=messages" + named("return", parts);
            default -> HOME;
        };
    }

    /** {@code &name=id} when the path names one ({@code /reservations/<id>}), else nothing. */
    private static String named(String name, String[] parts) {
        return parts.length > 1 && !parts[1].isBlank()
                ? "&" + name + "=" + URLEncoder.encode(URLDecoder.decode(parts[1], StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                : "";
    }
}
