package dev.omnichannel.messaging.channel.client;

import dev.omnichannel.messaging.channel.domain.ProviderReceipt;
import dev.omnichannel.messaging.channel.domain.TextMessage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The WhatsApp Business provider's HTTP API; base URL {@code quarkus.rest-client.whatsapp.url}. */
@RegisterRestClient(configKey = "whatsapp")
@Path("/messages")
public interface WhatsAppProvider {

    @POST
    Uni<ProviderReceipt> send(TextMessage message);
}
