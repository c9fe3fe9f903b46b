package dev.omnichannel.messaging.webhook.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * What providers post to {@code /webhooks/{channel}}.
 *
 * @param type      {@code message} (inbound: e-mail, sms, whatsapp, social) or {@code status} (a receipt of a message we sent)
 * @param messageId the provider's message id: of the inbound message, or the one it gave when we sent
 * @param status    for receipts: delivered, failed, opened or clicked
 * @param from      for inbound messages: the sender's e-mail address, phone number or social handle
 * @param provider  for social messages: the network (instagram, facebook, x...)
 * @param subject   for inbound e-mails
 * @param at        when the provider received or delivered it
 */
@RegisterForReflection
public record WebhookPayload(String type, String messageId, String status, String from, String provider, String subject,
        String text, Instant at) {
}
