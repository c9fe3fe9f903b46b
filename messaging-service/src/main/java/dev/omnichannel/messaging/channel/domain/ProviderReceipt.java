package dev.omnichannel.messaging.channel.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an SMS, push or WhatsApp provider answers: its id of the message. */
@RegisterForReflection
public record ProviderReceipt(String id) {
}
