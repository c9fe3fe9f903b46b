package dev.omnichannel.messaging.channel.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body an SMS or WhatsApp provider receives. */
@RegisterForReflection
public record TextMessage(String to, String text, String reference) {
}
