package dev.omnichannel.messaging.campaign.rest;

import dev.omnichannel.messaging.campaign.rest.CampaignView.CampaignAccepted;
import dev.omnichannel.messaging.campaign.rest.CampaignView.CampaignRequest;
import dev.omnichannel.messaging.campaign.service.CampaignService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/campaigns")
@RolesAllowed("service")
public class CampaignResource {

    private final CampaignService service;

    CampaignResource(CampaignService service) {
        this.service = service;
    }

    /** Accepted: the messages go out as the dispatcher sends them (202 with the number of recipients). */
    @POST
    @ResponseStatus(202)
    public Uni<CampaignAccepted> launch(@NotNull @Valid CampaignRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.launch(request, idempotencyKey);
    }
}
