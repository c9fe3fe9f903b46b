package dev.omnichannel.messaging.alert.rest;

import dev.omnichannel.messaging.alert.rest.AlertView.Alert;
import dev.omnichannel.messaging.alert.rest.AlertView.AlertRequest;
import dev.omnichannel.messaging.alert.service.AlertService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/alerts")
@RolesAllowed("service")
public class AlertResource {

    private final AlertService service;

    AlertResource(AlertService service) {
        this.service = service;
    }

    @POST
    @ResponseStatus(201)
    public Uni<Alert> create(@NotNull @Valid AlertRequest request, @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(request, idempotencyKey);
    }
}
