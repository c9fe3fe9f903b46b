package dev.omnichannel.messaging.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a provider: for a message, the thread it joined and whether it was a repeat; for a receipt, whether it matched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record WebhookResult(String type, String conversationId, String messageId, Boolean duplicate, Boolean matched) {
}
