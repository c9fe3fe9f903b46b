package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The in-app inbox is the notification itself: once sent on this channel it is listed in the customer's inbox. */
@ApplicationScoped
class InAppSender implements ChannelSender {

    @Override
    public MessageChannel channel() {
        return MessageChannel.IN_APP;
    }

    @Override
    public Uni<String> send(Outgoing message) {
        return Uni.createFrom().item("in-app:" + message.reference());
    }
}
