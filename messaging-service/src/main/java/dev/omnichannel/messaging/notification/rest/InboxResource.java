package dev.omnichannel.messaging.notification.rest;

import dev.omnichannel.messaging.notification.service.Inbox;
import dev.omnichannel.messaging.support.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/customers/{id}/notifications")
@RolesAllowed("service")
public class InboxResource {

    private final Inbox inbox;

    InboxResource(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Every message sent to the customer, on any channel, newest first. */
    @GET
    @WithSession
    public Uni<Page<InboxItem>> inbox(@PathParam("id") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return inbox.list(customerId, Page.page(page), Page.size(size));
    }

    /** The customer read one of their messages: 200 with it; 404 when it is not theirs. */
    @POST
    @Path("/{notificationId}/read")
    public Uni<InboxItem> read(@PathParam("id") String customerId, @PathParam("notificationId") String notificationId) {
        return inbox.read(customerId, notificationId);
    }
}
