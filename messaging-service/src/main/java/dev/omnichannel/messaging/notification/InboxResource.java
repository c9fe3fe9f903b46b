package dev.omnichannel.messaging.notification;

import dev.omnichannel.messaging.common.Page;
import dev.omnichannel.messaging.recipient.RecipientService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/customers/{id}/notifications")
@RolesAllowed("service")
public class InboxResource {

    private final NotificationRepository repository;
    private final RecipientService recipients;

    InboxResource(NotificationRepository repository, RecipientService recipients) {
        this.repository = repository;
        this.recipients = recipients;
    }

    /** The in-app inbox, newest first. */
    @GET
    @WithSession
    public Uni<Page<InboxItem>> inbox(@PathParam("id") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        int pageIndex = Page.page(page);
        int pageSize = Page.size(size);
        return recipients.resolve(customerId).chain(id -> repository.inbox(id, pageIndex, pageSize)
                .chain(items -> repository.inboxSize(id)
                        .map(total -> new Page<>(items.stream().map(InboxItem::of).toList(), pageIndex, pageSize, total))));
    }
}
