package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.client.SmsProvider;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.channel.domain.TextMessage;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
class SmsSender implements ChannelSender {

    private final SmsProvider provider;

    SmsSender(@RestClient SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public Uni<String> send(Outgoing message) {
        return provider.send(new TextMessage(message.to(), message.text(), message.reference()))
                .map(receipt -> receipt == null || receipt.id() == null ? message.reference() : receipt.id());
    }
}
