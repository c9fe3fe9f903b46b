package dev.omnichannel.messaging.summary.rest;

import dev.omnichannel.messaging.summary.domain.ConversationSummary;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/customers/{id}/conversation-summary")
@RolesAllowed("service")
public class SummaryResource {

    private final CustomerSummaries summaries;

    SummaryResource(CustomerSummaries summaries) {
        this.summaries = summaries;
    }

    /** What the personalized view shows of the customer's messages, as the last summary event or newer. */
    @GET
    @WithSession
    public Uni<ConversationSummary> summary(@PathParam("id") String customerId) {
        return summaries.current(customerId).map(ConversationSummary::of);
    }
}
