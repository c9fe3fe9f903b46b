package dev.omnichannel.messaging.recipient.domain;

import dev.omnichannel.messaging.support.MessageChannel;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** What sending needs to know about a customer: preferences, consents, addresses. */
public record Recipient(
        String customerId,
        String displayName,
        Optional<MessageChannel> preferredChannel,
        String language,
        ZoneId zone,
        LocalTime quietStart,
        LocalTime quietEnd,
        Map<MessageChannel, Boolean> consents,
        RecipientAddresses addresses) {

    public boolean consented(MessageChannel channel) {
        return !channel.needsConsent() || Boolean.TRUE.equals(consents.get(channel));
    }

    public boolean hasQuietHours() {
        return quietStart != null && quietEnd != null && !quietStart.equals(quietEnd);
    }

    /** Where a channel reaches this customer: nothing means the channel cannot be used. */
    public Optional<String> address(MessageChannel channel) {
        return switch (channel) {
            case EMAIL -> addresses.emails().stream().findFirst();
            case SMS, WHATSAPP -> addresses.phones().stream().findFirst();
            case PUSH -> addresses.deviceTokens().isEmpty() ? Optional.empty() : Optional.of(String.join(",", addresses.deviceTokens()));
            case IN_APP -> Optional.of(customerId);
        };
    }
}
