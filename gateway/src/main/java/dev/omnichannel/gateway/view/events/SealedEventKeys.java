package dev.omnichannel.gateway.view.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.client.ServiceProblemException;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.personal.SealedEventOpener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Base64;
import java.util.Optional;

/**
 * The services whose events the view reads sealed (customer profiles, message summaries) and how
 * their keys are asked for. A service that cannot answer fails the batch: the feed retries it
 * rather than keep a profile without its name.
 */
@ApplicationScoped
public class SealedEventKeys {

    static final String CUSTOMER_SERVICE = CloudEvent.sourceOf("customer-service");
    static final String MESSAGING_SERVICE = CloudEvent.sourceOf("messaging-service");

    @Produces
    @ApplicationScoped
    SealedEventOpener opener(ObjectMapper json, CustomerClient customers, MessagingClient messaging) {
        return new SealedEventOpener(json, (source, customerId) -> {
            if (CUSTOMER_SERVICE.equals(source)) {
                return keyOf(customers.personalDataKey(customerId));
            }
            return MESSAGING_SERVICE.equals(source) ? keyOf(messaging.personalDataKey(customerId))
                    : Uni.createFrom().item(Optional.empty());
        });
    }

    private static Uni<Optional<byte[]>> keyOf(Uni<JsonNode> answer) {
        return answer.map(key -> Optional.of(Base64.getDecoder().decode(key.path("key").asText())))
                .onFailure(e -> e instanceof ServiceProblemException problem && problem.status() == 404)
                .recoverWithItem(Optional.empty());
    }
}
