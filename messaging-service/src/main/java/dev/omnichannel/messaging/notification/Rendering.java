package dev.omnichannel.messaging.notification;

import dev.omnichannel.messaging.common.Json;
import dev.omnichannel.messaging.common.MessageChannel;
import dev.omnichannel.messaging.common.MessagingConfig;
import dev.omnichannel.messaging.delivery.TrackedLinks;
import dev.omnichannel.messaging.notification.channel.Outgoing;
import dev.omnichannel.messaging.recipient.Recipient;
import dev.omnichannel.messaging.template.TemplateDefinition;
import dev.omnichannel.messaging.template.TemplateRenderer;
import dev.omnichannel.messaging.template.VariantContent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a notification into the message of one channel: the template's variant in the customer's
 * language, rendered from the notification's data (instants shown in the customer's time zone and
 * language) plus {@code customer} (id, name), {@code link}
 * (a tracked link to the storefront page) and {@code deepLink} (the app's page); e-mails carry an
 * open pixel.
 */
@ApplicationScoped
class Rendering {

    static final String TARGET_PATH = "targetPath";

    private final TemplateRenderer renderer;
    private final TrackedLinks trackedLinks;
    private final MessagingConfig config;
    private final Json json;

    Rendering(TemplateRenderer renderer, TrackedLinks trackedLinks, MessagingConfig config, Json json) {
        this.renderer = renderer;
        this.trackedLinks = trackedLinks;
        this.config = config;
        this.json = json;
    }

    /** Fails with {@link io.quarkus.qute.TemplateException} if the data do not render. */
    Uni<Outgoing> prepare(NotificationEntity notification, Optional<Recipient> recipient, TemplateDefinition template,
            MessageChannel channel, String address) {
        String language = template.language(recipient.map(Recipient::language).orElse(null));
        VariantContent variant = template.variant(channel, language).orElseThrow();
        Map<String, Object> data = localized(json.readMap(notification.data),
                recipient.map(Recipient::zone).orElse(ZoneOffset.UTC), Locale.forLanguageTag(language));
        String path = data.get(TARGET_PATH) instanceof String p ? p : "/";
        String target = config.storefrontUrl().replaceAll("/+$", "") + path;
        String deepLink = config.appLinkBase() + path.replaceFirst("^/+", "");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", notification.customerId);
        customer.put("name", recipient.map(Recipient::displayName).orElse(""));
        data.put("customer", customer);
        data.put("deepLink", deepLink);
        notification.language = language;
        return trackedLinks.create(notification.id, channel.wireName(), TrackedLinks.CLICK, target)
                .chain(link -> {
                    data.put("link", link);
                    TemplateRenderer.Rendered rendered = renderer.render(variant, data);
                    if (channel != MessageChannel.EMAIL) {
                        return Uni.createFrom().item(outgoing(notification, channel, address, rendered, null, link));
                    }
                    return trackedLinks.create(notification.id, channel.wireName(), TrackedLinks.OPEN, null)
                            .map(pixel -> outgoing(notification, channel, address, rendered, withPixel(rendered.html(), pixel), link));
                });
    }

    /** Instants in the data ({@code ...At} fields) as the customer reads them: their time zone and language. */
    static Map<String, Object> localized(Map<String, Object> data, ZoneId zone, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale);
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> inner = new LinkedHashMap<>();
                nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
                copy.put(key, localized(inner, zone, locale));
            } else if (key.endsWith("At") && value instanceof String text && !text.isBlank()) {
                copy.put(key, localTime(text, zone, format));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static String localTime(String text, ZoneId zone, DateTimeFormatter format) {
        try {
            return format.format(Instant.parse(text).atZone(zone));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static Outgoing outgoing(NotificationEntity notification, MessageChannel channel, String address,
            TemplateRenderer.Rendered rendered, String html, String link) {
        return new Outgoing(notification.id, channel, address, rendered.subject(), html, rendered.text(),
                rendered.title(), rendered.body(), rendered.deepLink(), link);
    }

    private static String withPixel(String html, String pixelUrl) {
        String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
        int end = html.toLowerCase().lastIndexOf("</body>");
        return end >= 0 ? html.substring(0, end) + pixel + html.substring(end) : html + pixel;
    }
}
