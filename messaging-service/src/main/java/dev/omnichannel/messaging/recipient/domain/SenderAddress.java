package dev.omnichannel.messaging.recipient.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * An address a message comes from or goes to, normalized so that the same person's address is
 * always written the same way: e-mail lower-cased, phone in E.164 without separators, social
 * handle as {@code provider:handle}.
 */
public record SenderAddress(String kind, String value) {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String DEVICE = "device";
    public static final String SOCIAL = "social";

    public static SenderAddress email(String address) {
        String value = address.trim();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close); // "Alice <alice@example.com>"
        }
        return new SenderAddress(EMAIL, value.trim().toLowerCase(Locale.ROOT));
    }

    public static SenderAddress phone(String number) {
        String value = number.trim().replaceAll("[\\s().-]", "");
        if (value.startsWith("00")) {
            value = "+" + value.substring(2);
        }
        return new SenderAddress(PHONE, value);
    }

    /** {@code provider:handle}, or a handle given with its provider apart. */
    public static SenderAddress social(String provider, String handle) {
        String value = handle.trim().toLowerCase(Locale.ROOT);
        if (provider != null && !provider.isBlank() && !value.contains(":")) {
            value = provider.trim().toLowerCase(Locale.ROOT) + ":" + value;
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.startsWith("@", colon + 1)) {
            value = value.substring(0, colon + 1) + value.substring(colon + 2);
        }
        return new SenderAddress(SOCIAL, value);
    }

    public static SenderAddress device(String token) {
        return new SenderAddress(DEVICE, token.trim());
    }

    /** The inbound channel's sender address kind: email, phone for SMS and WhatsApp, social handle. */
    public static Optional<SenderAddress> forInbound(String channel, String from, String provider) {
        if (from == null || from.isBlank()) {
            return Optional.empty();
        }
        return switch (channel) {
            case "email" -> Optional.of(email(from));
            case "sms", "whatsapp" -> Optional.of(phone(from));
            case "social" -> Optional.of(social(provider, from));
            default -> Optional.empty();
        };
    }

    /** The form stored on a provisional thread: {@code kind:value}. */
    public String key() {
        return kind + ":" + value;
    }
}
