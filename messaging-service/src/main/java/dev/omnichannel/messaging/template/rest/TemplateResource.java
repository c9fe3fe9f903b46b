package dev.omnichannel.messaging.template.rest;

import dev.omnichannel.messaging.template.service.TemplateService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/templates/{key}")
@RolesAllowed("service")
public class TemplateResource {

    private final TemplateService service;

    TemplateResource(TemplateService service) {
        this.service = service;
    }

    @PUT
    public Uni<TemplateView> put(@PathParam("key") String key, @NotNull @Valid TemplateRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.put(key, request, idempotencyKey);
    }

    @GET
    public Uni<TemplateView> get(@PathParam("key") String key) {
        return service.get(key);
    }
}
