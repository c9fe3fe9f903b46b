package dev.omnichannel.customer.timeline.rest;

import dev.omnichannel.customer.support.Page;
import dev.omnichannel.customer.timeline.service.TimelineService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

@Path("/customers/{id}/timeline")
@RolesAllowed("service")
public class TimelineResource {

    private final TimelineService timeline;

    TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    public Uni<Page<TimelineItem>> page(@RestPath UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return timeline.page(id, page, size);
    }
}
