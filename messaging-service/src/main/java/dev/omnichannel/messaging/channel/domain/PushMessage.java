package dev.omnichannel.messaging.channel.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The body a push provider receives: one notification to each of the customer's devices. */
@RegisterForReflection
public record PushMessage(List<String> tokens, String title, String body, String deepLink, String reference) {
}
