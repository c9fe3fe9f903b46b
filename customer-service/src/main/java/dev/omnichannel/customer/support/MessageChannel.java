package dev.omnichannel.customer.support;

import dev.omnichannel.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.List;

/** The channels a customer consents to be messaged on, and may prefer. */
public enum MessageChannel {
    EMAIL, SMS, PUSH, WHATSAPP;

    public static final List<String> NAMES = Arrays.stream(values()).map(MessageChannel::wireName).toList();

    public String wireName() {
        return name().toLowerCase();
    }

    /** @throws ProblemException 400 naming {@code field} when the value is not a message channel */
    public static MessageChannel parse(String value, String field) {
        if (value != null) {
            for (MessageChannel channel : values()) {
                if (channel.wireName().equals(value.trim().toLowerCase())) {
                    return channel;
                }
            }
        }
        throw ProblemException.badRequest(field, "unknown channel; one of " + String.join(", ", NAMES));
    }
}
