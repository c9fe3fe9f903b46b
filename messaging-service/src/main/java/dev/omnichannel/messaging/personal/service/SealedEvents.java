package dev.omnichannel.messaging.personal.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.personal.SealedEventOpener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Opens the personal fields of the events messaging consumes sealed: customer-service's snapshots
 * on {@code customer.events}. Sealed data from any other source fails the record rather than
 * apply it without its personal fields.
 */
public class SealedEvents {

    static final String CUSTOMER_SERVICE = CloudEvent.sourceOf("customer-service");

    @Produces
    @Singleton
    SealedEventOpener opener(ObjectMapper json, CustomerKeys customerKeys) {
        return new SealedEventOpener(json, (source, customerId) -> CUSTOMER_SERVICE.equals(source)
                ? customerKeys.keyOf(customerId)
                : Uni.createFrom().failure(new IllegalStateException("no key source for personal data sealed by " + source)));
    }
}
