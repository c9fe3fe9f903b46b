package dev.omnichannel.messaging.personal;

import dev.omnichannel.messaging.personal.client.CustomerKeysApi;
import dev.omnichannel.messaging.personal.service.CustomerKeys;
import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * customer-service's {@code GET /internal/personal-data-keys/{customerId}} in the tests, in place of
 * the REST client (the rest of {@link CustomerKeys} runs as in production): the keys the tests
 * give, 404 for any other customer, and a 503 for the first calls of a customer made failing.
 */
@Mock
@ApplicationScoped
@RestClient
public class CustomerKeysStub implements CustomerKeysApi {

    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** customer-service has this key for the customer. */
    public static void give(String customerId, byte[] key) {
        KEYS.put(customerId, key);
    }

    /** The next {@code times} calls for this customer answer 503. */
    public static void failFirst(String customerId, int times) {
        FAILURES.put(customerId, new AtomicInteger(times));
    }

    public static int calls(String customerId) {
        return CALLS.getOrDefault(customerId, new AtomicInteger()).get();
    }

    @Override
    public Uni<PersonalDataKey> key(String customerId) {
        CALLS.computeIfAbsent(customerId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failures = FAILURES.get(customerId);
        if (failures != null && failures.getAndDecrement() > 0) {
            return Uni.createFrom().failure(new WebApplicationException(503));
        }
        byte[] key = KEYS.get(customerId);
        return key == null ? Uni.createFrom().failure(new WebApplicationException(404))
                : Uni.createFrom().item(new PersonalDataKey(customerId, Base64.getEncoder().encodeToString(key)));
    }
}
