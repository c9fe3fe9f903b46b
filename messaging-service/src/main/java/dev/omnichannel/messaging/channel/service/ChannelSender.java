package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;

/** Sends on one channel; the item is the provider's message id (quoted by its delivery receipts). */
public interface ChannelSender {

    MessageChannel channel();

    Uni<String> send(Outgoing message);
}
