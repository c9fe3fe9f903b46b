package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.catalog.service.CatalogNames;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.delivery.service.TrackedLinks;
import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.domain.VariantContent;
import dev.omnichannel.messaging.template.service.TemplateRenderer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a notification into the message of one channel: the template's variant in the customer's
 * language, rendered from the notification's data — products and locations named as they are called
 * now ({@link CatalogNames}), instants shown in the customer's time zone and language — plus
 * {@code customer} (id, name), {@code link} (a tracked link to the storefront's page,
 * {@link StorefrontPages}) and {@code deepLink} (the app's page); e-mails carry an open pixel.
 */
@ApplicationScoped
public class Rendering {

    public static final String TARGET_PATH = "targetPath";

    private final TemplateRenderer renderer;
    private final TrackedLinks trackedLinks;
    private final CatalogNames names;
    private final MessagingConfig config;
    private final Json json;

    Rendering(TemplateRenderer renderer, TrackedLinks trackedLinks, CatalogNames names, MessagingConfig config, Json json) {
        this.renderer = renderer;
        this.trackedLinks = trackedLinks;
        this.names = names;
        this.config = config;
        this.json = json;
    }

    /** Fails with {@link io.quarkus.qute.TemplateException} if the data do not render. */
    public Uni<Outgoing> prepare(NotificationEntity notification, Optional<Recipient> recipient, TemplateDefinition template,
            MessageChannel channel, String address) {
        String language = template.language(recipient.map(Recipient::language).orElse(null));
        VariantContent variant = template.variant(channel, language).orElseThrow();
        Map<String, Object> stored = json.readMap(notification.data);
        String path = stored.get(TARGET_PATH) instanceof String p ? p : "/";
        String target = config.storefrontUrl().replaceAll("/+$", "") + StorefrontPages.of(path);
        String deepLink = config.appLinkBase() + path.replaceFirst("^/+", "");
        notification.language = language;
        return names.named(stored).chain(named -> {
            Map<String, Object> data = localized(named, recipient.map(Recipient::zone).orElse(ZoneOffset.UTC),
                    Locale.forLanguageTag(language));
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", notification.customerId);
            customer.put("name", recipient.map(Recipient::displayName).orElse(""));
            data.put("customer", customer);
            data.put("deepLink", deepLink);
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
        });
    }

    /** Instants in the data ({@code ...At} fields) as the customer reads them: their time zone and language. */
    static Map<String, Object> localized(Map<String, Object> data, ZoneId zone, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale);
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(key, key.endsWith("At") && value instanceof String text && !text.isBlank()
                ? localTime(text, zone, format)
                : localizedValue(value, zone, locale)));
        return copy;
    }

    private static Object localizedValue(Object value, ZoneId zone, Locale locale) {
        if (value instanceof Map<?, ?> nested) {
            Map<String, Object> inner = new LinkedHashMap<>();
            nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
            return localized(inner, zone, locale);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> localizedValue(item, zone, locale)).toList();
        }
        return value;
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
