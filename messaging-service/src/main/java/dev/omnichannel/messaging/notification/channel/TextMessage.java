package dev.omnichannel.messaging.notification.channel;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body an SMS or WhatsApp provider receives. */
@RegisterForReflection
public record TextMessage(String to, String text, String reference) {
}
