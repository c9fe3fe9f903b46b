package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.support.MessageChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

@ApplicationScoped
public class ChannelSenders {

    private final Map<MessageChannel, ChannelSender> senders = new EnumMap<>(MessageChannel.class);

    ChannelSenders(Instance<ChannelSender> all) {
        all.forEach(sender -> senders.put(sender.channel(), sender));
        for (MessageChannel channel : MessageChannel.values()) {
            if (!senders.containsKey(channel)) {
                throw new IllegalStateException("no sender for channel " + channel);
            }
        }
    }

    public ChannelSender of(MessageChannel channel) {
        return senders.get(channel);
    }
}
