package dev.omnichannel.shared.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channel a customer reached us through; derived by the gateway from the token's client. */
public enum Channel {
    WEB("web"),
    MOBILE("mobile"),
    KIOSK("kiosk"),
    STORE("store"),
    CALL_CENTER("call-center");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Channel fromWireName(String value) {
        for (Channel channel : values()) {
            if (channel.wireName.equalsIgnoreCase(value) || channel.name().equalsIgnoreCase(value)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
