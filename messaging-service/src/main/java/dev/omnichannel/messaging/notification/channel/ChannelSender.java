package dev.omnichannel.messaging.notification.channel;

import dev.omnichannel.messaging.common.MessageChannel;
import io.smallrye.mutiny.Uni;

/** Sends on one channel; the item is the provider's message id (quoted by its delivery receipts). */
public interface ChannelSender {

    MessageChannel channel();

    Uni<String> send(Outgoing message);
}
