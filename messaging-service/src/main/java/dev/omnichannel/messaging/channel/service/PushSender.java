package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.client.PushProvider;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.channel.domain.PushMessage;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
class PushSender implements ChannelSender {

    private final PushProvider provider;

    PushSender(@RestClient PushProvider provider) {
        this.provider = provider;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.PUSH;
    }

    @Override
    public Uni<String> send(Outgoing message) {
        List<String> tokens = List.of(message.to().split(","));
        return provider.send(new PushMessage(tokens, message.title(), message.body(), message.deepLink(), message.reference()))
                .map(receipt -> receipt == null || receipt.id() == null ? message.reference() : receipt.id());
    }
}
