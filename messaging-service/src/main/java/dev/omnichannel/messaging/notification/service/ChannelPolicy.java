package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which channels a notification may go on, best first: the customer's preferred channel, then the
 * configured fallback order, the in-app inbox last. A channel is skipped when the template has no
 * variant for it, it already failed, or (in-app excepted) the customer gave no consent or no address.
 */
public final class ChannelPolicy {

    private ChannelPolicy() {
    }

    public static List<MessageChannel> candidates(Optional<Recipient> recipient, TemplateDefinition template,
            Set<String> failedChannels, List<MessageChannel> fallbackOrder) {
        Set<MessageChannel> order = new LinkedHashSet<>();
        recipient.flatMap(Recipient::preferredChannel).ifPresent(order::add);
        order.addAll(fallbackOrder);
        order.add(MessageChannel.IN_APP);
        String language = recipient.map(Recipient::language).orElse(null);
        return order.stream()
                .filter(channel -> template.variant(channel, language).isPresent())
                .filter(channel -> !failedChannels.contains(channel.wireName()))
                .filter(channel -> channel == MessageChannel.IN_APP || recipient
                        .filter(r -> r.consented(channel) && r.address(channel).isPresent())
                        .isPresent())
                .toList();
    }
}
