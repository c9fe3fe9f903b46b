package dev.omnichannel.messaging.template.service;

import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.VariantContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields each channel's variant must have: email (subject, HTML, text), SMS, push (title, body, deep link), WhatsApp, in-app. */
public final class ChannelFields {

    private ChannelFields() {
    }

    static List<String> required(MessageChannel channel) {
        return switch (channel) {
            case EMAIL -> List.of("subject", "html", "text");
            case SMS, WHATSAPP -> List.of("text");
            case PUSH -> List.of("title", "body", "deepLink");
            case IN_APP -> List.of("title", "body");
        };
    }

    /** The fields of a variant by name, those set only. */
    static Map<String, String> of(VariantContent variant) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "subject", variant.subject());
        put(fields, "html", variant.html());
        put(fields, "text", variant.text());
        put(fields, "title", variant.title());
        put(fields, "body", variant.body());
        put(fields, "deepLink", variant.deepLink());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
