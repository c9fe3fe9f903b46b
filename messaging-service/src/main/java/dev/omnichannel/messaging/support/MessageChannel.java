package dev.omnichannel.messaging.support;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A channel a message can be sent on. Every channel but the in-app inbox needs the customer's consent. */
public enum MessageChannel {
    EMAIL("email"),
    SMS("sms"),
    PUSH("push"),
    WHATSAPP("whatsapp"),
    IN_APP("in-app");

    private final String wireName;

    MessageChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean needsConsent() {
        return this != IN_APP;
    }

    public static Optional<MessageChannel> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (MessageChannel channel : values()) {
            if (channel.wireName.equalsIgnoreCase(value.trim())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    public static MessageChannel of(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + value));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
