package dev.omnichannel.shared.data.personal;

import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Base64;

/**
 * {@code GET /internal/personal-data-keys/{customerId}}: the key a consuming service opens this
 * service's sealed events with (services only). 404 once the customer is erased: what was sealed
 * stays sealed.
 */
@Path("/internal/personal-data-keys/{customerId}")
@RolesAllowed("service")
public class PersonalDataKeyResource {

    private final PersonalDataKeys keys;

    PersonalDataKeyResource(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public record PersonalDataKey(String customerId, String key) {
    }

    @GET
    @WithSession
    public Uni<PersonalDataKey> key(@PathParam("customerId") String customerId) {
        return keys.find(customerId).map(key -> key
                .map(bytes -> new PersonalDataKey(customerId, Base64.getEncoder().encodeToString(bytes)))
                .orElseThrow(() -> ProblemException.notFound("no personal data key for this customer (erased or unknown)")));
    }
}
