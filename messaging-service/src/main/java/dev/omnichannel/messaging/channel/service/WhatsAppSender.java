package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.client.WhatsAppProvider;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.channel.domain.TextMessage;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
class WhatsAppSender implements ChannelSender {

    private final WhatsAppProvider provider;

    WhatsAppSender(@RestClient WhatsAppProvider provider) {
        this.provider = provider;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.WHATSAPP;
    }

    @Override
    public Uni<String> send(Outgoing message) {
        return provider.send(new TextMessage(message.to(), message.text(), message.reference()))
                .map(receipt -> receipt == null || receipt.id() == null ? message.reference() : receipt.id());
    }
}
