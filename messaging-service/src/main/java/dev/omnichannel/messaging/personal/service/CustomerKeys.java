package dev.omnichannel.messaging.personal.service;

import dev.omnichannel.messaging.personal.client.CustomerKeysApi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The keys customer-service seals its customers' personal data with. Empty when it has none (404:
 * the customer was erased): the snapshot is then applied without its personal fields.
 * <p>
 * Any other failure (timeout, 5xx, connection refused, token) is retried with backoff for
 * {@link #RETRY_FOR}, then fails. The customer-events channel's failure strategy is
 * {@code dead-letter-queue}: a failed record is sent to {@code dead-letter-topic-customer-events}
 * and its offset committed, so it would not come again by itself. Retrying here keeps the record
 * waiting instead, in order, through a restart of customer-service. The bound stays under the
 * 60 s after which the Kafka connector marks the channel unhealthy (throttled commit strategy,
 * {@code throttled.unprocessed-record-max-age.ms}); an outage longer than that dead-letters the
 * snapshot, kept on that topic.
 */
@ApplicationScoped
public class CustomerKeys {

    private static final Logger LOG = Logger.getLogger(CustomerKeys.class);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration RETRY_FOR = Duration.ofSeconds(45);

    private final CustomerKeysApi api;

    CustomerKeys(@RestClient CustomerKeysApi api) {
        this.api = api;
    }

    /** Answers on the caller's Vert.x context, which the consumer's transaction then runs on. */
    public Uni<Optional<byte[]>> keyOf(String customerId) {
        Context caller = Vertx.currentContext();
        Uni<Optional<byte[]>> key = Uni.createFrom().deferred(() -> api.key(customerId))
                .ifNoItem().after(ATTEMPT_TIMEOUT).fail()
                .map(answer -> Optional.of(Base64.getDecoder().decode(answer.key())))
                .onFailure(CustomerKeys::noKey).recoverWithItem(Optional.empty())
                .onFailure().invoke(e -> LOG.warnf("no answer from customer-service for the key of %s, retrying: %s",
                        customerId, e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).expireIn(RETRY_FOR.toMillis());
        return caller == null ? key : key.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private static boolean noKey(Throwable failure) {
        return failure instanceof WebApplicationException answer && answer.getResponse() != null
                && answer.getResponse().getStatus() == 404;
    }
}
