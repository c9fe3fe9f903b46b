package dev.omnichannel.gateway.client.keycloak;

import dev.omnichannel.gateway.client.ServiceProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The sign-in accounts of customers in Keycloak, whose user ids are the tokens' subjects. */
@ApplicationScoped
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ServiceProblemException.class)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ServiceProblemException.class)
public class KeycloakAccounts {

    public static final String SERVICE = "keycloak";

    private final KeycloakAdminApi api;

    public KeycloakAccounts(@RestClient KeycloakAdminApi api) {
        this.api = api;
    }

    /** Deletes the accounts these subjects sign in with; one already gone is not an error (a retry). */
    public Uni<Void> delete(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(subjects.stream().map(subject -> api.deleteUser(subject)
                .onFailure(e -> e instanceof ServiceProblemException problem && problem.status() == 404)
                .recoverWithNull()).toList())
                .usingConcurrencyOf(4).andFailFast().replaceWithVoid();
    }
}
