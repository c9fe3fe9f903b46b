package dev.omnichannel.inventory.returns.rest;

import dev.omnichannel.inventory.returns.service.ReturnService;
import dev.omnichannel.inventory.support.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/returns")
@RolesAllowed("service")
public class ReturnResource {

    private final ReturnService returns;

    ReturnResource(ReturnService returns) {
        this.returns = returns;
    }

    /** 201; 422 when the store does not accept returns or the original purchase does not allow it. */
    @POST
    public Uni<RestResponse<ReturnView>> accept(@Valid @NotNull ReturnRequest request, @BeanParam Caller caller) {
        return returns.accept(request, caller).map(accepted -> RestResponse.status(RestResponse.Status.CREATED, accepted));
    }
}
