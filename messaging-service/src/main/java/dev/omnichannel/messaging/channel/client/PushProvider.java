package dev.omnichannel.messaging.channel.client;

import dev.omnichannel.messaging.channel.domain.ProviderReceipt;
import dev.omnichannel.messaging.channel.domain.PushMessage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The push provider's HTTP API; base URL {@code quarkus.rest-client.push.url}. */
@RegisterRestClient(configKey = "push")
@Path("/notifications")
public interface PushProvider {

    @POST
    Uni<ProviderReceipt> send(PushMessage message);
}
